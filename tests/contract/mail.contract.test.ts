import { describe, expect, it } from "vitest";
import { GraphMail } from "../../src/adapters/graph/graphMail.js";
import { OUTLOOK_CUSTOM_PROPERTIES } from "../../src/adapters/graph/extendedProperties.js";
import { instant } from "../../src/domain/calendar/londonTime.js";
import { UncertainError } from "../../src/ports/errors.js";
import { IRO, MANAGER, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();

const inbox = (upn: string) => sandbox.store.messages(sandbox.store.user(upn)!.id, "inbox");

describe("Mail port against the sandbox (GraphMail)", () => {
  it("sends to people in the tenant, keeps a copy in Sent Items, and carries custom headers", async () => {
    const mail = new GraphMail(sandbox.graph(IRO));
    await mail.send({
      to: [{ address: MANAGER, name: "Priya Shah" }],
      cc: [{ address: "jo.marsh@partners.example", name: "Jo Marsh" }],
      subject: "[OFFICIAL-SENSITIVE] RAG Amber – ref 100001",
      html: "<p>Actions</p>",
      headers: { "X-IRO-Desk-Classification": "OFFICIAL-SENSITIVE" },
    });
    const received = inbox(MANAGER).find((m) => m.data.subject === "[OFFICIAL-SENSITIVE] RAG Amber – ref 100001");
    expect(received?.data).toMatchObject({ from: { emailAddress: { address: IRO } }, isRead: false, internetMessageHeaders: [{ name: "X-IRO-Desk-Classification", value: "OFFICIAL-SENSITIVE" }] });
    expect(sandbox.store.messages(sandbox.store.user(IRO)!.id, "sentitems")).toHaveLength(1);
  });

  it("drafts a reply to a received message addressed to whoever the letter is for, with the letter above the original, and sends it from Drafts", async () => {
    const managerMail = new GraphMail(sandbox.graph(MANAGER));
    const received = inbox(MANAGER)[0]!;
    const message = await managerMail.message(received.id);
    expect(message.internetMessageId).toMatch(/^<.+@sandbox\.iro-desk\.local>$/);
    expect(message.from.address).toBe(IRO);
    const other = "daniel.hughes@westmere.example";
    const draft = await managerMail.draftReply(received.id, "<p>Escalated to stage 3.</p>", [{ address: other, name: "Daniel Hughes" }]);
    expect(draft.to).toEqual([{ address: other, name: "Daniel Hughes" }]);
    // Kept in Drafts: nothing has gone to anyone yet.
    expect(sandbox.store.messages(sandbox.store.user(MANAGER)!.id, "drafts").map((m) => m.id)).toContain(draft.id);
    expect(inbox(other).filter((m) => String(m.data.subject).startsWith("RE:"))).toHaveLength(0);
    await managerMail.sendDraft(draft.id);
    const reply = inbox(other).find((m) => m.data.subject === "RE: [OFFICIAL-SENSITIVE] RAG Amber – ref 100001");
    expect(String((reply?.data.body as { content: string }).content)).toMatch(/^<p>Escalated to stage 3\.<\/p>.*Actions/s);
    expect(reply?.data.conversationId).toBe(received.data.conversationId);
    // Not to the sender of the original: the letter is for the person the ladder names.
    expect(inbox(IRO).filter((m) => m.data.subject === "RE: [OFFICIAL-SENSITIVE] RAG Amber – ref 100001")).toHaveLength(0);
  });

  it("finds what was sent since an instant in Sent Items, with the add-in's custom properties, which recipients never get", async () => {
    const mail = new GraphMail(sandbox.graph(IRO));
    const since = instant(Date.now() - 1_000);
    // As Outlook sends an email an add-in tagged: its custom properties stay on the item.
    const props = { id: OUTLOOK_CUSTOM_PROPERTIES, value: JSON.stringify({ iroDeskRag: "rating-1" }) };
    const sent = await sandbox.raw(IRO, "POST", "/me/sendMail", { message: { subject: "RAG Red – ref 100001", body: { contentType: "html", content: "<p>Red</p>" }, toRecipients: [{ emailAddress: { address: MANAGER } }], singleValueExtendedProperties: [props] } });
    expect(sent.status).toBe(202);
    const found = await mail.sentSince(since);
    expect(found.map((m) => m.customProperties)).toContainEqual({ iroDeskRag: "rating-1" });
    expect(found.every((m) => m.sent >= since)).toBe(true);
    expect(await mail.sentSince(instant(Date.now() + 60_000))).toEqual([]);
    // Extended properties only when asked for; the recipient's copy has none.
    const plain = await sandbox.raw(IRO, "GET", "/me/mailFolders/sentitems/messages?$top=50");
    expect(plain.body.value.some((m: Record<string, unknown>) => "singleValueExtendedProperties" in m)).toBe(false);
    const got = inbox(MANAGER).find((m) => m.data.subject === "RAG Red – ref 100001")!;
    expect(got.data.singleValueExtendedProperties).toBeUndefined();
  });

  it("a send whose answer never came is not repeated: one email, and the user is told to check", async () => {
    const mail = new GraphMail(sandbox.graph(IRO, { maxAttempts: 3, timeoutMs: 1_500, maxDelayMs: 1_000 }));
    sandbox.faults.set([{ kind: "hang", count: 1, pathContains: "/sendMail", hangMs: 3_000 }]);
    const error = await mail.send({ to: [{ address: MANAGER, name: "Priya" }], subject: "Only once", html: "<p>x</p>" }).catch((e: unknown) => e);
    sandbox.faults.set([]);
    expect(error).toBeInstanceOf(UncertainError);
    expect((error as Error).message).toBe('No answer came in time for sending "Only once". It may have gone through: check before trying again.');
    expect(inbox(MANAGER).filter((m) => m.data.subject === "Only once")).toHaveLength(1);
  });

  it("a throttled send is retried and arrives once", async () => {
    const mail = new GraphMail(sandbox.graph(IRO));
    sandbox.faults.set([{ kind: "429", count: 1, pathContains: "/sendMail", retryAfterSeconds: 0 }]);
    await mail.send({ to: [{ address: MANAGER, name: "Priya" }], subject: "Throttled once", html: "<p>x</p>" });
    sandbox.faults.set([]);
    expect(inbox(MANAGER).filter((m) => m.data.subject === "Throttled once")).toHaveLength(1);
  });
});
