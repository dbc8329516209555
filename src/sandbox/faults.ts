/**
 * Fault injection for tests and demos: a share (or the next N) of Graph calls answer 429 with
 * Retry-After, 503, or hang. A hang is answered late *after* the request has been carried out,
 * the hardest case for a client: it must retry without doing the work twice.
 */
export interface FaultRule {
  readonly kind: "429" | "503" | "hang";
  /** Fail this share of matching calls, spread evenly (0.5 = every second one). */
  readonly share?: number;
  /** Or fail exactly the next N matching calls. */
  readonly count?: number;
  /** Only calls whose method and path contain these. */
  readonly method?: string;
  readonly pathContains?: string;
  readonly retryAfterSeconds?: number;
  /** How long a hang lasts before the late answer (default 30 s). */
  readonly hangMs?: number;
}

export interface Fault {
  readonly kind: FaultRule["kind"];
  readonly retryAfterSeconds: number;
  readonly hangMs: number;
}

export class Faults {
  private rules: { rule: FaultRule; seen: number; left: number }[] = [];

  set(rules: readonly FaultRule[]): void {
    this.rules = rules.map((rule) => ({ rule: checkRule(rule), seen: 0, left: rule.count ?? Infinity }));
  }

  list(): FaultRule[] {
    return this.rules.map((r) => r.rule);
  }

  /** The fault for this call, if any rule picks it. Deterministic: the same calls fail on every run. */
  pick(method: string, path: string): Fault | undefined {
    for (const entry of this.rules) {
      const { rule } = entry;
      if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
      if (rule.pathContains && !path.toLowerCase().includes(rule.pathContains.toLowerCase())) continue;
      if (entry.left <= 0) continue;
      entry.seen++;
      const share = rule.share ?? 1;
      if (Math.floor(entry.seen * share) === Math.floor((entry.seen - 1) * share)) continue;
      entry.left--;
      return { kind: rule.kind, retryAfterSeconds: rule.retryAfterSeconds ?? 1, hangMs: rule.hangMs ?? 30_000 };
    }
    return undefined;
  }
}

/** Rules from JSON (POST /sandbox/faults or the IRO_DESK_FAULTS variable), checked field by field. */
export function checkRules(value: unknown): FaultRule[] {
  const rules = (value as { rules?: unknown } | null)?.rules ?? value;
  if (!Array.isArray(rules)) throw new Error('faults must be { "rules": [ { "kind": "429" | "503" | "hang", "share" or "count", … } ] }');
  return rules.map(checkRule);
}

function checkRule(value: unknown): FaultRule {
  const rule = value as FaultRule;
  if (typeof rule !== "object" || rule === null) throw new Error("each fault rule must be an object");
  if (!["429", "503", "hang"].includes(String(rule.kind))) throw new Error(`fault kind must be "429", "503" or "hang", not ${JSON.stringify(rule.kind)}`);
  if (rule.share !== undefined && !(typeof rule.share === "number" && rule.share > 0 && rule.share <= 1)) throw new Error("fault share must be a number above 0 and at most 1");
  if (rule.count !== undefined && !(Number.isInteger(rule.count) && rule.count >= 0)) throw new Error("fault count must be a whole number");
  for (const key of ["retryAfterSeconds", "hangMs"] as const) {
    if (rule[key] !== undefined && !(typeof rule[key] === "number" && rule[key]! >= 0)) throw new Error(`fault ${key} must be a number ≥ 0`);
  }
  return { ...rule, kind: String(rule.kind) as FaultRule["kind"] };
}
