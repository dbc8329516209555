import { homedir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { londonClock } from "../adapters/clock/londonClock.js";
import { parseIsoDate } from "../domain/calendar/isoDate.js";
import { startSandbox } from "./server.js";

/**
 * `npm start`: the sandbox on http://localhost:3000 (PORT overrides), its data in IRO_DESK_DATA
 * (default ~/.iro-desk/sandbox). --reset reseeds the demo service; --today YYYY-MM-DD builds it
 * around another day; --testing (or IRO_DESK_TESTING=1) allows fault injection (IRO_DESK_FAULTS,
 * POST /sandbox/faults). IRO_DESK_EXTENSION_ORIGINS (comma-separated) narrows which extension may
 * read the sandbox.
 */
const { values } = parseArgs({ options: { reset: { type: "boolean", default: false }, today: { type: "string" }, testing: { type: "boolean", default: false } } });
const testing = values.testing || process.env.IRO_DESK_TESTING === "1";
const today = values.today ? parseIsoDate(values.today) : londonClock.today();
if (!today) {
  console.error(`iro-desk sandbox: --today "${values.today}" is not a real yyyy-mm-dd date`);
  process.exit(2);
}
const port = Number(process.env.PORT ?? 3000);
const dataDir = resolve(process.env.IRO_DESK_DATA ?? join(homedir(), ".iro-desk", "sandbox"));
let faults: unknown;
try {
  faults = process.env.IRO_DESK_FAULTS ? JSON.parse(process.env.IRO_DESK_FAULTS) : undefined;
  if (faults !== undefined && !testing) {
    console.error("iro-desk sandbox: IRO_DESK_FAULTS is only honoured by a sandbox started for testing (npm start -- --testing)");
    process.exit(2);
  }
} catch {
  console.error("iro-desk sandbox: IRO_DESK_FAULTS is not JSON");
  process.exit(2);
}

try {
  const extensionOrigins = process.env.IRO_DESK_EXTENSION_ORIGINS?.split(",").map((o) => o.trim()).filter(Boolean);
  const sandbox = await startSandbox({ port, host: "127.0.0.1", dataDir, reset: values.reset, today, webRoot: resolve("dist/web"), testing, faults, ...(extensionOrigins ? { extensionOrigins } : {}) });
  const seeded = sandbox.store.meta("seeded");
  console.log(`IRO Desk sandbox: ${sandbox.url}
  data:        ${dataDir} (demo service built around ${seeded}; npm start -- --reset rebuilds it)
  Graph API:   ${sandbox.graphUrl}/  (sign in: POST ${sandbox.url}/sandbox/token {"upn": "…"})${testing ? "\n  testing:     fault injection on (POST /sandbox/faults)" : ""}
  demo users:  ${sandbox.url}/sandbox/users
  pages:       ${sandbox.url}/
    Outlook, booking:            ${sandbox.url}/preview-outlook.html
    Outlook, templates/disputes: ${sandbox.url}/preview-mail.html
    Teams meeting checklist:     ${sandbox.url}/preview-teams.html
    Caseload sidebar:            ${sandbox.url}/preview-caseload.html
    Managers' view:              ${sandbox.url}/preview-manager.html
  Microsoft 365 app: dist/m365/iro-desk-app.zip · Outlook manifest (older Outlook): dist/addin-manifest.xml · browser extension: dist/extension-dev
Press Ctrl+C to stop.`);
  const stop = () => void sandbox.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(code === "EADDRINUSE" ? `iro-desk sandbox: port ${port} is in use: set PORT to another, e.g. PORT=3001 npm start` : `iro-desk sandbox: ${(error as Error).message}`);
  process.exit(1);
}
