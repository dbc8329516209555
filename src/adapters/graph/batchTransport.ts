import { answerRead, type Context, type Middleware } from "./graphRequest.js";

/** Graph's limit on requests in one $batch. */
const MAX_BATCH = 20;

interface Waiting {
  readonly context: Context;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * The last step of a batching connection: reads (GET) that reach it in the same turn of the event
 * loop go to Graph as ONE POST /$batch (JSON batching, learn.microsoft.com/graph/json-batching,
 * checked 2026-11), so a pane that asks for its settings, the register's changes and the chair's
 * bookings together pays one round trip, not three. A read alone goes alone. Each request gets
 * its own answer back (status, headers, body) as if it had been sent alone, so the retry
 * middleware above still retries a throttled one after its Retry-After, and the adapters read
 * their answers unchanged. Writes are never batched: each goes alone, so what was done is clear.
 */
export class BatchTransport implements Middleware {
  private waiting: Waiting[] = [];

  /** `root` is Graph's versioned base ("…/v1.0"); inner URLs are relative to it, as Graph wants. */
  constructor(private readonly root: string, private readonly send: typeof fetch) {}

  execute(context: Context): Promise<void> {
    if ((context.options.method ?? "GET").toUpperCase() !== "GET" || !context.request.startsWith(`${this.root}/`)) return this.alone(context);
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ context, resolve, reject });
      // Everything that arrives before the next task goes together.
      if (this.waiting.length === 1) setTimeout(() => this.flush(), 0);
    });
  }

  private async alone(context: Context): Promise<void> {
    context.response = await this.send(context.request, context.options);
  }

  private flush(): void {
    const all = this.waiting;
    this.waiting = [];
    for (let i = 0; i < all.length; i += MAX_BATCH) void this.together(all.slice(i, i + MAX_BATCH));
  }

  private async together(parts: readonly Waiting[]): Promise<void> {
    // A part whose own signal is already aborted (its timeout, the pane closing) is not sent.
    const live = parts.filter((p) => {
      const signal = p.context.options.signal;
      if (signal?.aborted) p.reject(signal.reason);
      return !signal?.aborted;
    });
    if (live.length === 0) return;
    if (live.length === 1) return this.alone(live[0]!.context).then(live[0]!.resolve, live[0]!.reject);
    // A part aborted while the batch is out is answered at once; the others still get theirs.
    for (const p of live) p.context.options.signal?.addEventListener("abort", () => p.reject(p.context.options.signal!.reason), { once: true });
    const authorization = live[0]!.context.options.headers.authorization ?? live[0]!.context.options.headers.Authorization;
    const requests = live.map((p, id) => ({
      id: String(id),
      method: "GET",
      url: p.context.request.slice(this.root.length),
      headers: Object.fromEntries(Object.entries(p.context.options.headers).filter(([name]) => name.toLowerCase() !== "authorization")),
    }));
    let answer: Response;
    try {
      answer = await this.send(`${this.root}/$batch`, {
        method: "POST",
        headers: { "Content-Type": "application/json", ...(authorization ? { Authorization: authorization } : {}) },
        body: JSON.stringify({ requests }),
      });
    } catch (error) {
      for (const p of live) p.reject(error);
      return;
    }
    if (!answer.ok) {
      // The batch itself was refused (throttled, sign-in): each part gets that answer, and is retried or reported on its own.
      const text = await answer.text().catch(() => "");
      for (const p of live) {
        p.context.response = new Response(text, { status: answer.status, headers: answer.headers });
        p.resolve();
      }
      return;
    }
    let responses: { id: string; status: number; headers?: Record<string, string>; body?: unknown }[];
    try {
      responses = ((await answer.json()) as { responses: typeof responses }).responses;
    } catch (error) {
      for (const p of live) p.reject(error);
      return;
    }
    live.forEach((p, id) => {
      const r = responses.find((x) => x.id === String(id));
      if (!r) return p.reject(new TypeError("Graph's batch answer left out a request."));
      p.context.response = answerRead(r.status, r.headers ?? {}, r.body === null || r.body === "" || r.status === 204 ? undefined : r.body);
      p.resolve();
    });
  }
}
