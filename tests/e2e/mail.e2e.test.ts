import { describe, expect, it } from "vitest";
import { fromDisputeFields } from "../../src/adapters/graph/disputeFields.js";
import { fromRegisterFields } from "../../src/adapters/graph/caseRegisterFields.js";
import { CASE_REGISTER_LIST, DISPUTES_LIST } from "../../src/sandbox/demo/demoTenant.js";
import { HOSTILE } from "../fixtures/hostile.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";

const { browser, sandbox } = useBrowserAndSandbox();
const IRO = "sam.okafor@westmere.example";
const url = (extra = "") => `${sandbox.url}/preview-mail.html?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${IRO}${extra}`;
const register = () => sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).map((i) => fromRegisterFields(i.data.fields).childCase!);
const disputes = () => sandbox.store.listItems(sandbox.store.list(DISPUTES_LIST)!.id).map((i) => fromDisputeFields(i.data.fields)!);

describe("templates into email and disputes from email", { timeout: 60_000 }, () => {
  it("inserts a RAG template at the cursor with the marking, escapes what was typed, and keeps the rating on the case", async () => {
    const page = await ukPage(browser());
    await page.goto(url());
    await page.getByText(/Your \d+ children/).waitFor();
    await page.locator("#compose-body").click();
    await page.keyboard.press("End");
    const child = await page.locator(".child .ref").first().innerText();
    const ref = child.replace("Ref ", "");
    await page.locator(".child").first().click();
    await page.getByLabel("Red").check();
    await page.getByLabel("Concerns").fill(HOSTILE[1]!);
    await page.getByLabel("Action 1").fill("Permanence planning meeting");
    await page.getByLabel("Owner").fill("Team manager");
    await page.getByLabel("Working days").fill("5");
    // What will be inserted is previewed first, exactly.
    await page.getByRole("figure", { name: "Preview of the email" }).getByText(/Permanence planning meeting – Team manager, by 09\/03\/2026/).waitFor();
    await page.getByRole("button", { name: "Insert into the email" }).click();
    await page.getByText(/^Inserted “RAG Red: monitoring email” into the email/).waitFor();
    const body = page.locator("#compose-body");
    expect(await body.innerText()).toMatch(/^Hello,\s*OFFICIAL-SENSITIVE/);
    expect(await body.innerText()).toContain(`I have rated the care plan for ref ${ref} Red`);
    expect(await body.innerText()).toContain(HOSTILE[1]); // shown as text …
    expect(await body.locator("img").count()).toBe(0); // … never as an element
    expect(await page.getByLabel("Subject").inputValue()).toBe(`[OFFICIAL-SENSITIVE] RAG Red – ref ${ref}: care plan monitoring`);
    await page.getByRole("button", { name: /to the recipients$/ }).click();
    expect(await page.locator('output[name="to"]').innerText()).toMatch(/@westmere\.example; .*@westmere\.example/);
    const rag = register().find((c) => c.ref === ref)!.rag;
    expect(rag[rag.length - 1]).toEqual({ date: "2026-03-02", rating: "red", reason: HOSTILE[1], respondBy: "2026-03-09", actions: [{ action: "Permanence planning meeting", owner: "Team manager", due: "2026-03-09" }] });
    await screenshot(page, "mail-template-inserted");
    expect(await axeViolations(page)).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  it("inserts plain text into a plain-text email", async () => {
    const page = await ukPage(browser());
    await page.goto(url());
    await page.getByLabel("Plain text email").check();
    await page.locator(".child").first().click();
    await page.getByLabel("Template", { exact: true }).selectOption("consultation-request");
    await page.getByRole("button", { name: "Insert into the email" }).click();
    await page.getByText(/^Inserted/).waitFor();
    expect(await page.locator("#compose-body strong").count()).toBe(0);
    expect(await page.locator("#compose-body").innerText()).toContain("OFFICIAL-SENSITIVE\n");
  });

  it("raises a dispute from a received email, escalates it with the stage letter sent as a reply, and resolves it", async () => {
    const page = await ukPage(browser());
    await page.goto(url("&mode=read"));
    const first = page.locator(".child").first();
    const subject = (await first.locator("strong").innerText()).trim();
    const ref = /Ref (\d+)/.exec(subject)![1]!;
    await first.click();
    await page.getByRole("heading", { name: "Raise a dispute from this email" }).waitFor();
    await page.getByRole("region", { name: "IRO Desk task pane" }).getByLabel("Theme").selectOption("Permanence");
    await page.getByLabel("What is the dispute about?").fill("No permanence plan nine months after the review.");
    await page.getByRole("button", { name: "Raise dispute" }).click();
    await page.getByText(/^Dispute DRP-.* raised for ref \d+ at stage 1/).waitFor();
    let mine = disputes().find((d) => d.caseRef === ref && d.issue.startsWith("No permanence plan"))!;
    expect(mine).toMatchObject({ status: "open", stage: 0, theme: "Permanence" });
    expect(mine.linkedMessage?.internetMessageId).toMatch(/@sandbox\.iro-desk\.local>$/);

    await page.getByRole("button", { name: "Escalate", exact: true }).click();
    await page.getByText(/^Escalated to stage 2 \(Team manager\)/).waitFor();
    const letter = page.frameLocator('iframe[title="Reply body"]');
    expect(await letter.locator("body").innerText()).toContain(`stage 2 of the dispute resolution protocol (Team manager), a concern about the care plan for ref ${ref}`);
    await page.getByRole("form", { name: "Reply" }).getByRole("button", { name: "Send" }).click();
    await page.getByText(/^Reply sent to/).waitFor();
    const worker = register().find((c) => c.ref === ref)!.socialWorker!;
    const received = sandbox.store.messages(sandbox.store.user(worker)!.id, "inbox").find((m) => String(m.data.subject).startsWith("RE: Ref"));
    expect(String((received!.data.body as { content: string }).content)).toContain("stage 2 of the dispute resolution protocol");

    mine = disputes().find((d) => d.id === mine.id)!;
    expect(mine.stage).toBe(1);
    expect(mine.history.map((h) => h.action)).toEqual(["raised", "escalated"]);
    await screenshot(page, "mail-dispute-escalated");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Outcome").fill("Team manager agreed a permanence planning meeting.");
    await page.getByRole("button", { name: "Resolve" }).click();
    await page.getByText("Resolved at stage 2.").waitFor();
    mine = disputes().find((d) => d.id === mine.id)!;
    expect(mine.status).toBe("resolved");
    expect(mine.history[2]).toMatchObject({ action: "resolved", stage: 1, note: "Team manager agreed a permanence planning meeting." });
    expect(page.errors).toEqual([]);
  });
});

describe("an unanswered Red or Amber rating", { timeout: 60_000 }, () => {
  it("is listed past its response date, and one press starts a dispute for that child with the concern filled in", async () => {
    const page = await ukPage(browser());
    await page.goto(url("&mode=read"));
    await page.locator(".child").first().click();
    await page.getByRole("heading", { name: "Red or Amber ratings not answered in time" }).waitFor();
    const start = page.getByRole("button", { name: /^Start a dispute for ref \d+$/ }).first();
    const ref = /ref (\d+)$/.exec((await start.getAttribute("aria-label"))!)![1]!;
    const reason = register().find((c) => c.ref === ref)!.rag.at(-1)!.reason;
    await start.click();
    expect(await page.getByLabel("What is the dispute about?").inputValue()).toBe(reason);
    expect(await page.getByRole("region", { name: "IRO Desk task pane" }).getByLabel("Theme").inputValue()).toBe("Care plan drift");
    await page.getByRole("button", { name: "Raise dispute" }).click();
    await page.getByText(new RegExp(`^Dispute DRP-.* raised for ref ${ref} at stage 1`)).waitFor();
    expect(disputes().find((d) => d.caseRef === ref && d.issue === reason)).toMatchObject({ status: "open", theme: "Care plan drift" });
    await expect.poll(() => page.getByRole("button", { name: `Start a dispute for ref ${ref}` }).count()).toBe(0);
    expect(page.errors).toEqual([]);
  });
});

describe("templates and the ladder as settings a manager edits", { timeout: 60_000 }, () => {
  it("refuses an unknown placeholder when saving and writes nothing; saves a good edit into the case store; a stale save is not forced", async () => {
    const page = await ukPage(browser());
    await page.goto(`${sandbox.url}/preview-manager.html?today=2026-03-02&user=priya.shah@westmere.example&tab=settings`);
    await page.getByLabel("Template", { exact: true }).selectOption({ label: "RAG Amber: monitoring email" });
    await page.getByLabel("Subject").fill("RAG Amber – {{caseref}}");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText(/^Not saved:/).waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("The subject uses {{caseref}}, which IRO Desk does not know.");
    const settingsList = sandbox.store.list("IroDeskSettings")!;
    // The service's one settings item (made by provisioning) is untouched.
    expect(sandbox.store.listItems(settingsList.id).map((i) => i.version)).toEqual([1]);

    await page.getByLabel("Subject").fill("RAG Amber for ref {{caseRef}}: please respond by {{responseDue}}");
    await page.getByLabel("Response days").nth(1).fill("10");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved “RAG Amber: monitoring email” and the dispute ladder.").waitFor();
    const saved = sandbox.store.listItems(settingsList.id)[0]!.data.fields;
    expect(JSON.parse(String(saved.Templates)).find((t: { id: string }) => t.id === "rag-amber").subject).toBe("RAG Amber for ref {{caseRef}}: please respond by {{responseDue}}");
    expect(JSON.parse(String(saved.Ladder))[1]).toEqual({ name: "Team manager", responseDays: 10 });
    expect(await axeViolations(page)).toEqual([]);

    // Someone else saves in between: this page's save is refused and says to reload.
    const other = await ukPage(browser());
    await other.goto(`${sandbox.url}/preview-manager.html?today=2026-03-02&user=daniel.hughes@westmere.example&tab=settings`);
    await other.getByLabel("Name").fill("RAG Red (Daniel's wording)");
    await other.getByRole("button", { name: "Save" }).click();
    await other.getByText(/^Saved/).waitFor();
    await page.getByLabel("Name").fill("RAG Amber (Priya's wording)");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText(/changed by someone else since you opened it/).waitFor();
    expect(JSON.parse(String(sandbox.store.listItems(settingsList.id)[0]!.data.fields.Templates))[0].name).toBe("RAG Red (Daniel's wording)");
    expect(sandbox.store.listItems(settingsList.id)).toHaveLength(1);
    await screenshot(page, "manager-settings-conflict");
  });
});
