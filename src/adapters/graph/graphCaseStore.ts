import type { ChildCase } from "../../domain/caseload/childCase.js";
import { ConflictError } from "../../ports/errors.js";
import type { CasePage, CaseStore, StoredCase, UnreadableCase } from "../../ports/CaseStore.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { fromRegisterFields, toRegisterFields } from "./caseRegisterFields.js";

export interface CaseRegisterLocation {
  /** The SharePoint site id (host,siteGuid,webGuid) or "root". */
  readonly site: string;
  /** The list's id or name. */
  readonly list: string;
}

interface GraphListItem {
  id: string;
  eTag?: string;
  "@odata.etag"?: string;
  fields: Record<string, unknown>;
}

/** The case register as a SharePoint list, through Graph (Sites.Selected or Sites.ReadWrite.All on one site). */
export class GraphCaseStore implements CaseStore {
  private readonly items: string;

  constructor(private readonly graph: GraphConnection, location: CaseRegisterLocation, private readonly pageSize = 200) {
    this.items = `/sites/${encodeURIComponent(location.site)}/lists/${encodeURIComponent(location.list)}/items`;
  }

  async *readCases(signal?: AbortSignal): AsyncIterable<CasePage> {
    let page = await graphCall("The case register", true, (call) =>
      this.graph.api(this.items).query({ $expand: "fields", $top: String(this.pageSize) }).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: GraphListItem[]; "@odata.nextLink"?: string }>,
    );
    for (;;) {
      const cases: StoredCase[] = [];
      const unreadable: UnreadableCase[] = [];
      for (const item of page.value) {
        const read = toStoredCase(item);
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
    const item = await graphCall(`Case item ${id}`, true, (call) =>
      this.graph.api(`${this.items}/${encodeURIComponent(id)}`).query({ $expand: "fields" }).middlewareOptions([call]).option("signal", signal).get() as Promise<GraphListItem>,
    );
    const read = toStoredCase(item);
    if (!("childCase" in read)) throw new Error(`Case item ${id} cannot be read: ${read.problems.join("; ")}`);
    return read;
  }

  /** Not repeatable after a timeout: a list item create has no transaction id, so a retry could add it twice. */
  async createCase(childCase: ChildCase, signal?: AbortSignal): Promise<StoredCase> {
    const item = await graphCall(`The case ${childCase.ref}`, false, (call) =>
      this.graph.api(this.items).middlewareOptions([call]).option("signal", signal).post({ fields: toRegisterFields(childCase) }) as Promise<GraphListItem>,
    );
    return { id: item.id, version: etagOf(item), childCase };
  }

  /**
   * PATCH with If-Match: repeatable, since a repeat after a lost answer meets a changed ETag. That
   * 412 is then checked: if the item already holds exactly this change, it was ours and landed.
   */
  async updateCase(id: string, version: string, childCase: ChildCase, signal?: AbortSignal): Promise<StoredCase> {
    const wanted = toRegisterFields(childCase);
    try {
      const fields = await graphCall(`The case ${childCase.ref}`, true, (call) =>
        this.graph.api(`${this.items}/${encodeURIComponent(id)}/fields`).header("If-Match", version).middlewareOptions([call]).option("signal", signal).patch(wanted) as Promise<Record<string, unknown>>,
      );
      return { id, version: String(fields["@odata.etag"]), childCase };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      const current = await this.readCase(id, signal);
      if (JSON.stringify(toRegisterFields(current.childCase)) === JSON.stringify(wanted)) return current;
      throw error;
    }
  }
}

function toStoredCase(item: GraphListItem): StoredCase | UnreadableCase {
  const { childCase, ref, problems } = fromRegisterFields(item.fields);
  return childCase ? { id: item.id, version: etagOf(item), childCase } : { id: item.id, ref, problems };
}

function etagOf(item: GraphListItem): string {
  return String(item["@odata.etag"] ?? item.eTag ?? item.fields["@odata.etag"]);
}
