import { closeSync, createWriteStream, openSync, writeSync } from "node:fs";
import { readFile, rename, rm } from "node:fs/promises";
import { countOf } from "../../ui/format.js";
import { parseArgs } from "node:util";
import { CsvSyntaxError } from "../../app/csv/parseCsv.js";
import { csvLine } from "../../app/csv/writeCsv.js";
import { importAllocation, importCpPlans } from "../../app/import/cpPlans.js";
import { PROBLEM_COLUMNS, problemRow, ruleCounts, type CsvFile, type ImportProblem, type ImportRuleCode } from "../../app/import/importProblem.js";
import { allocate, planChild } from "../../app/import/planImport.js";
import { SSDA903_READ, Ssda903Reader, type Ssda903Kind } from "../../app/import/ssda903.js";
import { asciiBytes, JsonBytes } from "../../app/jsonBytes.js";
import type { ChildCase } from "../../domain/caseload/childCase.js";
import { UsageError, type CommandIo } from "./command.js";
import { LISTED } from "./importCommand.js";
import { readRegister } from "./registerFile.js";
import { streamCsvFile } from "./streamCsvFile.js";

/** `iro-desk import`: see importCommand.ts for what it does and its options. */
export async function runImport(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      register: { type: "string" }, episodes: { type: "string" }, reviews: { type: "string" }, header: { type: "string" },
      cp: { type: "string" }, allocation: { type: "string" }, problems: { type: "string" }, yes: { type: "boolean", default: false }, format: { type: "string", default: "table" },
    },
  });
  if (!values.register) throw new UsageError("name the register file to write: --register register.json");
  if (!["table", "json"].includes(values.format!)) throw new UsageError(`--format must be table or json, not "${values.format}"`);
  if (Boolean(values.episodes) !== Boolean(values.reviews)) throw new UsageError("the SSDA903 files go together: give both --episodes and --reviews");
  if (!values.episodes && !values.cp && !values.allocation) throw new UsageError("nothing to import: give --episodes and --reviews, --cp or --allocation");
  const json = values.format === "json";

  const load = async (path: string | undefined): Promise<CsvFile | undefined> => {
    if (!path) return undefined;
    try {
      return { name: path, text: await readFile(path, "utf8") };
    } catch {
      throw new UsageError(`${path}: cannot be read`);
    }
  };
  const register = await readRegister(values.register, true);
  const stored = new Map(register.children.map((c) => [c.ref as string, c]));

  // Every problem is counted, written to --problems, and kept for the output (all of them for JSON, the first ones for the table).
  const problemsFile = values.problems ? createWriteStream(values.problems) : null;
  problemsFile?.write(csvLine([...PROBLEM_COLUMNS]));
  const listed: ImportProblem[] = [];
  const tally = new Map<ImportRuleCode, number>();
  let total = 0;
  const report = (p: ImportProblem) => {
    total++;
    tally.set(p.rule, (tally.get(p.rule) ?? 0) + 1);
    if (json || listed.length < LISTED) listed.push(p);
    problemsFile?.write(csvLine(problemRow(p)));
  };

  // CP plans and the allocation are small: read whole. The return's files stream.
  const [cpFile, allocationFile] = await Promise.all([load(values.cp), load(values.allocation)]);
  const plans = cpFile ? importCpPlans(cpFile) : { children: [], problems: [] };
  plans.problems.forEach(report);
  const allocationRead = allocationFile ? importAllocation(allocationFile) : null;
  allocationRead?.problems.forEach(report);
  const plansByRef = new Map(plans.children.map((c) => [c.ref as string, c]));

  const out = openRegisterWriter(values.register);
  const changes = new Map<string, ChildCase>();
  const changedFields = new Set<string>();
  // Only children named in the allocation need remembering: it also re-allocates children already in the register.
  const allocatedSeen = new Set<string>();
  let created = 0;
  let changed = 0;
  let unchanged = 0;
  const take = (incoming: ChildCase): void => {
    const child = allocationRead ? allocate([incoming], allocationRead.allocation)[0]! : incoming;
    if (allocationRead?.allocation.has(child.ref)) allocatedSeen.add(child.ref);
    const plan = planChild(stored.get(child.ref), child);
    if (plan.kind === "create") {
      created++;
      out.child(JSON.stringify(child));
    } else if (plan.kind === "unchanged") unchanged++;
    else {
      changed++;
      plan.fields.forEach((f) => changedFields.add(f));
      changes.set(child.ref, plan.proposed);
    }
  };

  try {
    if (values.episodes && values.reviews) {
      const names = { ...(values.header ? { header: values.header } : {}), episodes: values.episodes, reviews: values.reviews };
      const reader = new Ssda903Reader(names, report);
      const read = (kind: Ssda903Kind, path: string, row: (line: number, record: Record<string, string>) => void) => {
        try {
          streamCsvFile(path, (columns) => reader.columns(kind, columns), row, SSDA903_READ[kind], (cells) => reader.cells(kind, cells));
        } catch (error) {
          if (error instanceof CsvSyntaxError) return reader.syntax(kind, error);
          throw new UsageError(`${path}: cannot be read`);
        }
      };
      if (values.header) read("header", values.header, (line, record) => reader.header(line, record));
      read("episodes", values.episodes, (line, record) => reader.episode(line, record));
      read("reviews", values.reviews, (line, record) => reader.review(line, record));
      for (const kept of reader.kept()) {
        const ref = reader.refOf(kept);
        // A child in both the return and the CP plans gets both episodes.
        const plan = plansByRef.get(ref);
        plansByRef.delete(ref);
        if (plan || allocationRead || stored.has(ref)) {
          const child = reader.childCase(kept);
          take(plan ? { ...child, cp: plan.cp } : child);
        } else {
          // A new child as the return made it (nearly every child of a first import): its JSON
          // written from what the reader keeps, no ChildCase made (Ssda903Reader.childJson).
          created++;
          out.child((bytes) => reader.childJson(kept, bytes));
        }
      }
    }
    for (const plan of plansByRef.values()) take(plan);
    // An allocation file alone re-allocates children already in the register.
    for (const [ref] of allocationRead?.allocation ?? []) {
      if (allocatedSeen.has(ref)) continue;
      const existing = stored.get(ref);
      if (!existing) report({ file: values.allocation!, row: 0, column: "CHILD", reason: `child ${ref} is in neither the register nor the files imported`, rule: "IRO-ALLOCATION" });
      else take(existing);
    }
    for (const child of register.children) out.child(JSON.stringify(values.yes ? (changes.get(child.ref) ?? child) : child));
    await out.finish({ disputes: register.disputes, staff: register.staff }, created > 0 || (values.yes && changed > 0));
  } catch (error) {
    await out.abandon();
    throw error;
  } finally {
    await new Promise((done) => (problemsFile ? problemsFile.end(done) : done(null)));
  }

  const counts = ruleCounts(tally);
  if (json) {
    io.stdout(JSON.stringify({ problems: listed, counts, created, changed, applied: values.yes, unchanged }, null, 2) + "\n");
  } else {
    io.stdout(
      [
        `Imported into ${values.register}: ${countOf(created, "new child", "new children")}, ${changed} ${values.yes ? "changed" : "to change"}, ${unchanged} unchanged.`,
        ...(changed > 0 && !values.yes ? [`${countOf(changed, "child", "children")} already in the register would change (${[...changedFields].join(", ")}): run again with --yes to apply.`] : []),
        ...(total > 0
          ? [
              "",
              `${countOf(total, "problem", "problems")}; rows with any problem are left out. By rule (DfE validation rule numbers; IRO- rules are IRO Desk's own):`,
              ...counts.map((c) => `  ${String(c.count).padStart(7)}  ${c.rule.padEnd(16)} ${c.title}`),
              "",
              total > listed.length ? `The first ${listed.length}${values.problems ? ` (all ${total} are in ${values.problems})` : " (--problems FILE.csv writes them all)"}:` : "Every problem:",
              ...listed.map((p) => `  ${p.file}:${p.row} ${p.column}: [${p.rule}] ${p.reason}`),
            ]
          : []),
        "",
      ].join("\n"),
    );
  }
  return total > 0 ? 1 : 0;
}

/**
 * The register written as it is made, to a file beside it that replaces it only at the end (and
 * only when something changed): children are given as JSON one by one, never the whole list in
 * memory. Written synchronously, a piece of about 1 MiB at a time from one buffer: the command
 * has nothing else to do meanwhile, and a new buffer for each piece (as a stream needs, the
 * piece being written while the next is made) is new memory the system must map page by page,
 * for a million children half a gigabyte of it.
 */
function openRegisterWriter(path: string): {
  /** A child's JSON: as text, or written straight into the register's bytes. */
  child(json: string | ((out: JsonBytes) => void)): void;
  finish(rest: object, keep: boolean): Promise<void>;
  abandon(): Promise<void>;
} {
  const temp = `${path}.importing`;
  let file: number;
  try {
    file = openSync(temp, "w");
  } catch (error) {
    throw new UsageError(`${path}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  let first = true;
  // Room for a piece and the child that ends it.
  const bytes = new JsonBytes(PIECE + (1 << 16));
  const flush = () => {
    writeSync(file, bytes.view());
    bytes.clear();
  };
  return {
    child(json) {
      bytes.ascii(first ? FIRST_CHILD : NEXT_CHILD);
      first = false;
      if (typeof json === "string") bytes.text(json);
      else json(bytes);
      if (bytes.size >= PIECE) flush();
    },
    async finish(rest, keep) {
      bytes.text(`${first ? '{\n "children": [' : ""}\n ],\n${JSON.stringify(rest, null, 1).slice(2)}\n`);
      flush();
      closeSync(file);
      if (keep) await rename(temp, path);
      else await rm(temp, { force: true });
    },
    async abandon() {
      try {
        closeSync(file);
      } catch {
        // Already closed (finish failed after closing): only the file is left to remove.
      }
      await rm(temp, { force: true });
    },
  };
}

const PIECE = 1 << 20;
const FIRST_CHILD = asciiBytes('{\n "children": [\n');
const NEXT_CHILD = asciiBytes(",\n");
