import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

/** The built command, run as a user runs it (npm test builds dist/ first). */
export const run = async (...args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)("node", ["dist/cli/iro-desk.js", ...args], { env: { ...process.env, TZ: "Asia/Tokyo" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
};

export const dir = mkdtempSync(join(tmpdir(), "iro-desk-cli-"));
export const file = (name: string, text: string) => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

