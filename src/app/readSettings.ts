import { DEFAULT_LADDER, type LadderStage, type LetterTo } from "../domain/disputes/dispute.js";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaultTemplates.js";
import { TEMPLATE_KINDS, templateProblems, type EmailTemplate } from "../domain/templates/emailTemplate.js";
import type { EditableSettings } from "../ports/SettingsStore.js";
import { parseSettingsPart, readServiceSettingsPart } from "./readServiceSettings.js";

/**
 * A service's settings item, as stored (each part JSON text, or absent where the service kept IRO
 * Desk's default), checked part by part. Every problem is named with the part it is in; settings
 * with problems are not used (a half-read ladder or staff list would give wrong answers quietly).
 */
export function readSettings(stored: { readonly service?: unknown; readonly templates?: unknown; readonly ladder?: unknown }): { settings: EditableSettings; errors: string[] } {
  const service = readServiceSettingsPart(stored.service);
  const errors = [...service.errors];
  const templates = checkTemplates(parseSettingsPart("the templates", stored.templates, errors), errors);
  const ladder = checkLadder(parseSettingsPart("the dispute ladder", stored.ladder, errors), errors);
  return { settings: { service: service.settings, templates, ladder }, errors };
}

function checkTemplates(value: unknown, errors: string[]): readonly EmailTemplate[] {
  if (value === undefined) return DEFAULT_TEMPLATES;
  if (!Array.isArray(value) || value.length === 0) {
    errors.push("the templates: should be a list of templates");
    return DEFAULT_TEMPLATES;
  }
  const ids = new Set<string>();
  value.forEach((t: Partial<EmailTemplate> | null, i) => {
    const where = `the templates: template ${i + 1}`;
    if (typeof t !== "object" || t === null || typeof t.id !== "string" || typeof t.name !== "string" || typeof t.subject !== "string" || typeof t.body !== "string") {
      errors.push(`${where} should have an id, name, kind, subject and body`);
      return;
    }
    if (!TEMPLATE_KINDS.includes(t.kind as EmailTemplate["kind"])) errors.push(`${where} ("${t.name}") has kind ${JSON.stringify(t.kind)}, not one of ${TEMPLATE_KINDS.join(", ")}`);
    if (ids.has(t.id)) errors.push(`${where} ("${t.name}") has the id "${t.id}" of another template`);
    ids.add(t.id);
    errors.push(...templateProblems(t as EmailTemplate).map((p) => `${where} ("${t.name}"): ${p}`));
  });
  return value as EmailTemplate[];
}

function checkLadder(value: unknown, errors: string[]): readonly LadderStage[] {
  if (value === undefined) return DEFAULT_LADDER;
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((s: Partial<LadderStage> | null) => typeof s === "object" && s !== null && typeof s.name === "string" && s.name.trim() !== "" && (s.responseDays === null || (Number.isInteger(s.responseDays) && s.responseDays! >= 1 && s.responseDays! <= 60)) && (s.letterTo === undefined || isLetterTo(s.letterTo)));
  if (!ok) {
    errors.push('the dispute ladder: should be a list of stages, each { "name": text, "responseDays": 1 to 60, or null for the last resort, "letterTo": { "role": "social-worker" or "team-manager" } or { "address": email, "name": text } }');
    return DEFAULT_LADDER;
  }
  return value as LadderStage[];
}

function isLetterTo(value: unknown): value is LetterTo {
  if (typeof value !== "object" || value === null) return false;
  const to = value as Record<string, unknown>;
  if ("role" in to) return Object.keys(to).length === 1 && (to.role === "social-worker" || to.role === "team-manager");
  return Object.keys(to).length === 2 && typeof to.address === "string" && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(to.address) && typeof to.name === "string" && to.name.trim() !== "";
}
