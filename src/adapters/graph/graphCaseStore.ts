import type { ChildCase } from "../../domain/caseload/childCase.js";
import { RequestError } from "../../ports/errors.js";
import type { CaseChangeFeed, CaseChanges, CasePage, CaseStore, StoredCase, UnreadableCase } from "../../ports/CaseStore.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { GraphError } from "./graphRequest.js";
import { fromRegisterFields, toRegisterFields } from "./caseRegisterFields.js";
import { itemsPath, readItem, updateItemFields, versionOf, type GraphListItem, type ListLocation } from "./listItems.js";

interface DeltaPage {
  value: (GraphListItem & { deleted?: { state?: string } })[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

/** The case register as a SharePoint list, through Graph (Sites.Selected or Sites.ReadWrite.All on one site). */
export class GraphCaseStore implements CaseStore, CaseChangeFeed {
  private readonly items: string;

  constructor(private readonly graph: GraphConnection, location: ListLocation, private readonly pageSize = 200) {
    this.items = itemsPath(location);
  }

  readCases(signal?: AbortSignal): AsyncIterable<CasePage> {
    return this.pages({ $expand: "fields", $top: String(this.pageSize) }, signal);
  }

  /** The register's items a query gives, a page at a time (joined by @odata.nextLink). */
  private async *pages(query: Record<string, string>, signal?: AbortSignal): AsyncIterable<CasePage> {
    let page = await graphCall("The case register", true, (call) =>
      this.graph.api(this.items).query(query).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: GraphListItem[]; "@odata.nextLink"?: string }>,
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
      page = await graphCall("The case register", true, (call) => this.graph.follow(next).middlewareOptions([call]).option("signal", signal).get() as Promise<typeof page>);
    }
  }

  /**
   * The entries a person holds: the IRO and CPChair columns are indexed (listDefinitions.ts), so
   * SharePoint answers an eq filter on either past 5,000 items, and compares text without regard
   * to case. Two filters (an "or" across two columns is not narrowed by either index), every page
   * of each; a child the person holds on both counts is listed once.
   */
  async heldBy(address: string, signal?: AbortSignal): Promise<CasePage> {
    const who = address.replace(/'/g, "''");
    const cases = new Map<string, StoredCase>();
    const unreadable = new Map<string, UnreadableCase>();
    await Promise.all(
      ["IRO", "CPChair"].map(async (column) => {
        for await (const page of this.pages({ $expand: "fields", $filter: `fields/${column} eq '${who}'`, $top: String(this.pageSize) }, signal)) {
          for (const c of page.cases) cases.set(c.id, c);
          for (const u of page.unreadable) unreadable.set(u.id, u);
        }
      }),
    );
    return { cases: [...cases.values()], unreadable: [...unreadable.values()] };
  }

  async readCase(id: string, signal?: AbortSignal): Promise<StoredCase> {
    const item = await readItem(this.graph, this.items, id, `Case item ${id}`, signal);
    const read = await this.toStoredCase(item, signal);
    if (!("childCase" in read)) throw new RequestError(0, `The register entry ${read.ref ?? `item ${id}`} cannot be read (${read.problems.join("; ")}): correct it in the case register list.`);
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

  /**
   * Graph's delta query on the register's items (learn.microsoft.com/graph/api/listitem-delta): all
   * pages of one round, joined by @odata.nextLink, up to the @odata.deltaLink for next time. A link
   * Graph can no longer answer (410 Gone, resyncRequired) starts a full read again from the Location
   * it gives, and the answer says so (full: true) so a cache replaces what it holds.
   */
  async changes(deltaLink: string | null, signal?: AbortSignal, onPage?: (page: CasePage, first: boolean) => void): Promise<CaseChanges> {
    return this.round(deltaLink, deltaLink === null, false, signal, onPage);
  }

  /** One round of pages from `link` (the first page when null); `full` when it enumerates everything. */
  private async round(link: string | null, full: boolean, restarted: boolean, signal?: AbortSignal, onPage?: (page: CasePage, first: boolean) => void): Promise<CaseChanges> {
    const first = () => this.graph.api(`${this.items}/delta`).query({ $expand: "fields", $top: String(this.pageSize) });
    const get = (request: ReturnType<GraphConnection["api"]>) =>
      graphCall("The case register's changes", true, async (call) => {
        try {
          return (await request.middlewareOptions([call]).option("signal", signal).get()) as DeltaPage;
        } catch (error) {
          if (error instanceof GraphError && error.statusCode === 410) return { resync: error.headers?.get("Location") ?? null };
          throw error;
        }
      });
    const resync = (location: string | null) => {
      if (restarted) throw new RequestError(410, "Microsoft 365 kept asking to read the register's changes again from the start. Try again later.");
      return this.round(location, true, true, signal, onPage);
    };
    const answer = await get(link === null ? first() : this.graph.follow(link));
    if ("resync" in answer) return resync(answer.resync);
    const cases: StoredCase[] = [];
    const unreadable: UnreadableCase[] = [];
    const removed: string[] = [];
    for (let page = answer, first = true; ; first = false) {
      const pageCases: StoredCase[] = [];
      const pageUnreadable: UnreadableCase[] = [];
      for (const item of page.value) {
        if (item.deleted) {
          removed.push(item.id);
          continue;
        }
        const read = await this.toStoredCase(item, signal);
        if ("childCase" in read) pageCases.push(read);
        else pageUnreadable.push(read);
      }
      cases.push(...pageCases);
      unreadable.push(...pageUnreadable);
      if (full) onPage?.({ cases: pageCases, unreadable: pageUnreadable }, first);
      const next = page["@odata.nextLink"];
      if (!next) {
        if (!page["@odata.deltaLink"]) throw new RequestError(0, "Microsoft 365 ended the register's changes without a delta link. Try again; if it keeps happening, tell your IRO Desk administrator.");
        // An item can appear more than once in one round: its last appearance is its state.
        return { full, cases: lastOf(cases, removed), unreadable, removed: full ? [] : [...new Set(removed)], deltaLink: page["@odata.deltaLink"] };
      }
      const following = await get(this.graph.follow(next));
      if ("resync" in following) return resync(following.resync);
      page = following;
    }
  }

  private async toStoredCase(item: GraphListItem, signal?: AbortSignal): Promise<StoredCase | UnreadableCase> {
    const { childCase, ref, problems } = fromRegisterFields(item.fields);
    if (!childCase) return { id: item.id, ref, problems };
    return { id: item.id, version: (await versionOf(this.graph, this.items, item, `The case ${childCase.ref}`, signal)).version, childCase };
  }
}

/** Each case once, as it last appeared, and not at all if it was deleted after. */
function lastOf(cases: readonly StoredCase[], removed: readonly string[]): StoredCase[] {
  const byId = new Map<string, StoredCase>();
  for (const c of cases) byId.set(c.id, c);
  for (const id of removed) byId.delete(id);
  return [...byId.values()];
}
