import { readFile } from "node:fs/promises";
import type { ChildCase } from "../../domain/caseload/childCase.js";
import type { Dispute } from "../../domain/disputes/dispute.js";
import type { StaffMember } from "../../domain/caseload/staffMember.js";
import { UsageError } from "./command.js";

/** The CLI's register: what `iro-desk import` writes and `iro-desk report` reads. */
export interface RegisterFile {
  readonly children: readonly ChildCase[];
  readonly disputes: readonly Dispute[];
  readonly staff: readonly StaffMember[];
}

export async function readRegister(path: string, missingIsEmpty: boolean): Promise<RegisterFile> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && missingIsEmpty) return { children: [], disputes: [], staff: [] };
    throw new UsageError(`${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : "cannot be read"}`);
  }
  let data: Partial<RegisterFile>;
  try {
    data = JSON.parse(text) as Partial<RegisterFile>;
  } catch (error) {
    throw new UsageError(`${path}: not valid JSON (${(error as Error).message})`);
  }
  if (!Array.isArray(data.children)) throw new UsageError(`${path}: not a register file (expected { "children": [...] }, as iro-desk import writes)`);
  return { children: data.children, disputes: data.disputes ?? [], staff: data.staff ?? [] };
}

