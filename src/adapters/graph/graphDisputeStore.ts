import type { Dispute } from "../../domain/disputes/dispute.js";
import type { DisputeStore, StoredDispute } from "../../ports/DisputeStore.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { fromDisputeFields, toDisputeFields } from "./disputeFields.js";
import { itemsPath, updateItemFields, versionOf, type GraphListItem, type ListLocation } from "./listItems.js";

/** The Disputes SharePoint list through Graph, with ETag concurrency like the case register. */
export class GraphDisputeStore implements DisputeStore {
  private readonly items: string;

  constructor(private readonly graph: GraphConnection, location: ListLocation) {
    this.items = itemsPath(location);
  }

  async readDisputes(signal?: AbortSignal): Promise<StoredDispute[]> {
    const all: StoredDispute[] = [];
    let page = await graphCall("The disputes list", true, (call) => this.graph.api(this.items).query({ $expand: "fields", $top: "500" }).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: GraphListItem[]; "@odata.nextLink"?: string }>);
    for (;;) {
      for (const item of page.value) {
        const dispute = fromDisputeFields(item.fields);
        if (dispute) all.push({ id: item.id, version: (await versionOf(this.graph, this.items, item, `Dispute ${dispute.id}`, signal)).version, dispute });
      }
      const next = page["@odata.nextLink"];
      if (!next) return all;
      page = await graphCall("The disputes list", true, (call) => this.graph.follow(next).middlewareOptions([call]).option("signal", signal).get() as Promise<typeof page>);
    }
  }

  async createDispute(dispute: Dispute, signal?: AbortSignal): Promise<StoredDispute> {
    const item = await graphCall("The dispute", false, (call) => this.graph.api(this.items).middlewareOptions([call]).option("signal", signal).post({ fields: toDisputeFields(dispute) }) as Promise<GraphListItem>);
    return { id: item.id, version: (await versionOf(this.graph, this.items, item, `Dispute ${dispute.id}`, signal)).version, dispute };
  }

  /** On the version read; a retry that meets its own saved change (412 after a lost answer) counts as saved, not as someone else's. */
  async updateDispute(id: string, version: string, dispute: Dispute, signal?: AbortSignal): Promise<StoredDispute> {
    const saved = await updateItemFields(this.graph, this.items, id, version, toDisputeFields(dispute), `Dispute ${dispute.id}`, signal);
    return { id, version: saved.version, dispute };
  }
}
