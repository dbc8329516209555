import type { ChildCase } from "../../domain/caseload/childCase.js";
import { importAllocation, importCpPlans } from "./cpPlans.js";
import type { CsvFile, ImportProblem } from "./importProblem.js";
import { allocate, joinByRef } from "./planImport.js";
import { importSsda903 } from "./ssda903.js";

export interface ImportFiles {
  readonly episodes?: CsvFile;
  readonly reviews?: CsvFile;
  readonly header?: CsvFile;
  readonly cp?: CsvFile;
  readonly allocation?: CsvFile;
}

/**
 * Every file of an import read into children: the SSDA903 return and the CP plans joined by child,
 * then the allocation applied to them and to children already in the register (an allocation
 * file alone re-allocates). Every problem of every file is returned; no good row is dropped.
 */
export function readImportFiles(files: ImportFiles, register: readonly ChildCase[]): { imported: ChildCase[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const lists: ChildCase[][] = [];
  if (files.episodes && files.reviews) {
    const lac = importSsda903({ episodes: files.episodes, reviews: files.reviews, ...(files.header ? { header: files.header } : {}) });
    problems.push(...lac.problems);
    lists.push(lac.children);
  }
  if (files.cp) {
    const plans = importCpPlans(files.cp);
    problems.push(...plans.problems);
    lists.push(plans.children);
  }
  let imported = joinByRef(...lists);
  if (files.allocation) {
    const { allocation, problems: allocationProblems } = importAllocation(files.allocation);
    problems.push(...allocationProblems);
    const known = new Set<string>([...imported.map((c) => c.ref), ...register.map((c) => c.ref)]);
    for (const child of allocation.keys()) {
      if (!known.has(child)) problems.push({ file: files.allocation.name, row: 0, column: "CHILD", reason: `child ${child} is in neither the register nor the files imported`, rule: "IRO-ALLOCATION" });
    }
    imported = allocate(joinByRef(imported, register.filter((c) => allocation.has(c.ref))), allocation);
  }
  return { imported, problems };
}
