import type { Dispute } from "../../domain/disputes/dispute.js";
import type { DisputeStore, StoredDispute } from "../../ports/DisputeStore.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { fromDisputeFields, toDisputeFields } from "./disputeFields.js";

interface Item {
  id: string;
  "@odata.etag"?: string;
  fields: Record<string, unknown>;
}

/** The Disputes SharePoint list through Graph, with ETag concurrency like the case register. */
export class GraphDisputeStore implements DisputeStore {
  private readonly items: string;

  constructor(private readonly graph: GraphConnection, location: { site: string; list: string }) {
    this.items = `/sites/${encodeURIComponent(location.site)}/lists/${encodeURIComponent(location.list)}/items`;
  }

  async readDisputes(signal?: AbortSignal): Promise<StoredDispute[]> {
    const all: StoredDispute[] = [];
    let page = await graphCall("The disputes list", true, (call) => this.graph.api(this.items).query({ $expand: "fields", $top: "500" }).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: Item[]; "@odata.nextLink"?: string }>);
    for (;;) {
      for (const item of page.value) {
        const dispute = fromDisputeFields(item.fields);
        if (dispute) all.push({ id: item.id, version: String(item["@odata.etag"]), dispute });
      }
      const next = page["@odata.nextLink"];
      if (!next) return all;
      page = await graphCall("The disputes list", true, (call) => this.graph.follow(next).middlewareOptions([call]).option("signal", signal).get());
    }
  }

  async createDispute(dispute: Dispute, signal?: AbortSignal): Promise<StoredDispute> {
    const item = await graphCall("The dispute", false, (call) => this.graph.api(this.items).middlewareOptions([call]).option("signal", signal).post({ fields: toDisputeFields(dispute) }) as Promise<Item>);
    return { id: item.id, version: String(item["@odata.etag"]), dispute };
  }

  async updateDispute(id: string, version: string, dispute: Dispute, signal?: AbortSignal): Promise<StoredDispute> {
    const fields = await graphCall(`Dispute ${dispute.id}`, true, (call) =>
      this.graph.api(`${this.items}/${encodeURIComponent(id)}/fields`).header("If-Match", version).middlewareOptions([call]).option("signal", signal).patch(toDisputeFields(dispute)) as Promise<Record<string, unknown>>,
    );
    return { id, version: String(fields["@odata.etag"]), dispute };
  }
}
