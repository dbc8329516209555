import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import type { CsvFile } from "../../app/import/importProblem.js";
import { planImport } from "../../app/import/planImport.js";
import { readImportFiles } from "../../app/import/readImportFiles.js";
import { UsageError, type Command } from "./command.js";
import { readRegister, writeRegister } from "./registerFile.js";

export const importCommand: Command = {
  name: "import",
  summary: "load the register from the SSDA903 return's CSV files, CP plans and IRO allocation",
  usage: `iro-desk import --register REGISTER.json [--episodes FILE --reviews FILE [--header FILE]] [--cp FILE] [--allocation FILE] [--yes] [--format table|json]

Reads the SSDA903 episodes, reviews and header CSV files (DfE column names), a CSV of CP plans
(CHILD, DOB, STRATEGY, ICPC, REVIEWS, PLAN_END, CATEGORY, CHAIR) and an allocation CSV (CHILD, IRO,
SOCIAL_WORKER, TEAM_MANAGER). Every bad row is listed (file, row, column, reason) and left out;
good rows are kept. New children are added to REGISTER.json; children already in it are changed
only with --yes. Importing the same files again changes nothing.

Exit code: 0 no bad rows, 1 some rows were left out, 2 a file could not be read.`,

  async run(args, io) {
    const { values } = parseArgs({
      args: [...args],
      options: {
        register: { type: "string" }, episodes: { type: "string" }, reviews: { type: "string" }, header: { type: "string" },
        cp: { type: "string" }, allocation: { type: "string" }, yes: { type: "boolean", default: false }, format: { type: "string", default: "table" },
      },
    });
    if (!values.register) throw new UsageError("name the register file to write: --register register.json");
    if (!["table", "json"].includes(values.format!)) throw new UsageError(`--format must be table or json, not "${values.format}"`);
    if (Boolean(values.episodes) !== Boolean(values.reviews)) throw new UsageError("the SSDA903 files go together: give both --episodes and --reviews");
    if (!values.episodes && !values.cp && !values.allocation) throw new UsageError("nothing to import: give --episodes and --reviews, --cp or --allocation");

    const load = async (path: string | undefined): Promise<CsvFile | undefined> => {
      if (!path) return undefined;
      try {
        return { name: path, text: await readFile(path, "utf8") };
      } catch {
        throw new UsageError(`${path}: cannot be read`);
      }
    };
    const [episodes, reviews, header, cp, allocationFile] = await Promise.all([values.episodes, values.reviews, values.header, values.cp, values.allocation].map(load));
    const register = await readRegister(values.register, true);

    const { imported, problems } = readImportFiles({ episodes, reviews, header, cp, allocation: allocationFile }, register.children);

    const stored = register.children.map((childCase, i) => ({ id: String(i), version: "file", childCase }));
    const plan = planImport(stored, imported);
    const changed = new Map(plan.change.map((c) => [c.stored.childCase.ref, c.proposed]));
    const children = [...register.children.map((c) => (values.yes ? (changed.get(c.ref) ?? c) : c)), ...plan.create];
    if (plan.create.length > 0 || (values.yes && plan.change.length > 0)) await writeRegister(values.register, { ...register, children });

    if (values.format === "json") {
      io.stdout(JSON.stringify({ problems, created: plan.create.length, changed: plan.change.length, applied: values.yes, unchanged: plan.unchanged }, null, 2) + "\n");
    } else {
      io.stdout(
        [
          `Imported into ${values.register}: ${plan.create.length} new children, ${plan.change.length} ${values.yes ? "changed" : "to change"}, ${plan.unchanged} unchanged.`,
          ...(plan.change.length > 0 && !values.yes ? [`${plan.change.length} children already in the register would change (${[...new Set(plan.change.flatMap((c) => c.fields))].join(", ")}): run again with --yes to apply.`] : []),
          ...(problems.length > 0 ? ["", `${problems.length} rows left out:`, ...problems.map((p) => `  ${p.file}:${p.row} ${p.column}: ${p.reason}`)] : []),
          "",
        ].join("\n"),
      );
    }
    return problems.length > 0 ? 1 : 0;
  },
};
