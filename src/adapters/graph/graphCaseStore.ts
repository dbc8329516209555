import type { ChildCase } from "../../domain/caseload/childCase.js";
import type { CasePage, CaseStore, StoredCase, UnreadableCase } from "../../ports/CaseStore.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { fromRegisterFields, toRegisterFields } from "./caseRegisterFields.js";
import { itemsPath, readItem, updateItemFields, versionOf, type GraphListItem, type ListLocation } from "./listItems.js";

/** The case register as a SharePoint list, through Graph (Sites.Selected or Sites.ReadWrite.All on one site). */
export class GraphCaseStore implements CaseStore {
  private readonly items: string;

  constructor(private readonly graph: GraphConnection, location: ListLocation, private readonly pageSize = 200) {
    this.items = itemsPath(location);
  }

  async *readCases(signal?: AbortSignal): AsyncIterable<CasePage> {
    let page = await graphCall("The case register", true, (call) =>
      this.graph.api(this.items).query({ $expand: "fields", $top: String(this.pageSize) }).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: GraphListItem[]; "@odata.nextLink"?: string }>,
    );
    for (;;) {
      const cases: StoredCase[] = [];
      const unreadable: UnreadableCase[] = [];
      for (const item of page.value) {
        const read = await this.toStoredCase(item, signal);
        if ("childCase" in read) cases.push(read);
        else unreadable.push(read);
      }
      yield { cases, unreadable };
      const next = page["@odata.nextLink"];
      if (!next) return;
      page = await graphCall("The case register", true, (call) => this.graph.follow(next).middlewareOptions([call]).option("signal", signal).get());
    }
  }

  async readCase(id: string, signal?: AbortSignal): Promise<StoredCase> {
    const item = await readItem(this.graph, this.items, id, `Case item ${id}`, signal);
    const read = await this.toStoredCase(item, signal);
    if (!("childCase" in read)) throw new Error(`Case item ${id} cannot be read: ${read.problems.join("; ")}`);
    return read;
  }

  /** Not repeatable after a timeout: a list item create has no transaction id, so a retry could add it twice. */
  async createCase(childCase: ChildCase, signal?: AbortSignal): Promise<StoredCase> {
    const item = await graphCall(`The case ${childCase.ref}`, false, (call) =>
      this.graph.api(this.items).middlewareOptions([call]).option("signal", signal).post({ fields: toRegisterFields(childCase) }) as Promise<GraphListItem>,
    );
    return { id: item.id, version: (await versionOf(this.graph, this.items, item, `The case ${childCase.ref}`, signal)).version, childCase };
  }

  /** On the version read (If-Match); a repeat after a lost answer that meets its own change counts as saved. */
  async updateCase(id: string, version: string, childCase: ChildCase, signal?: AbortSignal): Promise<StoredCase> {
    const saved = await updateItemFields(this.graph, this.items, id, version, toRegisterFields(childCase), `The case ${childCase.ref}`, signal);
    return { id, version: saved.version, childCase };
  }

  private async toStoredCase(item: GraphListItem, signal?: AbortSignal): Promise<StoredCase | UnreadableCase> {
    const { childCase, ref, problems } = fromRegisterFields(item.fields);
    if (!childCase) return { id: item.id, ref, problems };
    return { id: item.id, version: (await versionOf(this.graph, this.items, item, `The case ${childCase.ref}`, signal)).version, childCase };
  }
}
