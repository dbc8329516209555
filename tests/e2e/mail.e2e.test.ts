import { describe, expect, it } from "vitest";
import { fromDisputeFields } from "../../src/adapters/graph/disputeFields.js";
import { fromRegisterFields } from "../../src/adapters/graph/caseRegisterFields.js";
import { CASE_REGISTER_LIST, DISPUTES_LIST } from "../../src/sandbox/demo/demoTenant.js";
import { instant, instantToLondon } from "../../src/domain/calendar/londonTime.js";
import { formatUkDate } from "../../src/domain/calendar/ukDate.js";
import { HOSTILE } from "../fixtures/hostile.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";

const { browser, sandbox } = useBrowserAndSandbox();
const IRO = "sam.okafor@westmere.example";
const url = (extra = "") => `${sandbox.url}/preview-mail.html?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${IRO}${extra}`;
const register = () => sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).map((i) => fromRegisterFields(i.data.fields).childCase!);
const disputes = () => sandbox.store.listItems(sandbox.store.list(DISPUTES_LIST)!.id).map((i) => fromDisputeFields(i.data.fields)!);

describe("templates into email and disputes from email", { timeout: 60_000 }, () => {
  it("inserts a RAG template at the cursor with the marking and escapes what was typed; the rating goes on the case only when the email is sent", async () => {
    const page = await ukPage(browser());
    await page.goto(url());
    await page.getByText(/Your \d+ children/).waitFor();
    const child = await page.locator(".child .ref").first().innerText();
    const ref = child.replace("Ref ", "");
    const ragBefore = register().find((c) => c.ref === ref)!.rag.length;
    const fillRed = async (concern: string) => {
      await page.locator("#compose-body").click();
      await page.keyboard.press("End");
      await page.locator(".child").first().click();
      await page.getByRole("radio", { name: "Red" }).check();
      await page.getByLabel("Concerns").fill(concern);
      await page.getByLabel("Action 1").fill("Permanence planning meeting");
      await page.getByLabel("Owner").fill("Team manager");
      await page.getByLabel("Working days").fill("5");
    };
    await fillRed(HOSTILE[1]!);
    // What will be inserted is previewed first, exactly.
    await page.getByRole("figure", { name: "Preview of the email" }).getByText(/Permanence planning meeting – Team manager, by 09\/03\/2026/).waitFor();
    await page.getByRole("button", { name: "Insert into the email" }).click();
    await page.getByText(/^Inserted “RAG Red: monitoring email” into the email for ref \d+\. The red rating goes in the child's RAG history when this email is sent/).waitFor();
    const body = page.locator("#compose-body");
    expect(await body.innerText()).toMatch(/^Hello,\s*OFFICIAL-SENSITIVE/);
    expect(await body.innerText()).toContain(`I have rated the care plan for ref ${ref} Red`);
    expect(await body.innerText()).toContain(HOSTILE[1]); // shown as text …
    expect(await body.locator("img").count()).toBe(0); // … never as an element
    expect(await page.getByLabel("Subject").inputValue()).toBe(`[OFFICIAL-SENSITIVE] RAG Red – ref ${ref}: care plan monitoring`);
    await page.getByRole("button", { name: /to the recipients$/ }).click();
    expect(await page.locator('output[name="to"]').innerText()).toMatch(/@westmere\.example; .*@westmere\.example/);
    // Inserted is not sent: nothing on the child's record yet.
    expect(register().find((c) => c.ref === ref)!.rag).toHaveLength(ragBefore);
    const waiting = page.getByRole("region", { name: "Waiting for their email to be sent" });
    // Listed once the pane has checked Sent Items again (a Graph call after the insert).
    await expect.poll(() => waiting.locator("li").allInnerTexts()).toEqual([expect.stringMatching(new RegExp(`^Red for ref ${ref}, inserted 02/03/2026 08:00`))]);
    await screenshot(page, "mail-template-inserted");
    expect(await axeViolations(page)).toEqual([]);

    // Discarded: the pane opens again, finds no such email in Sent Items, and records nothing.
    await page.getByRole("button", { name: "Discard" }).click();
    await page.getByText("Discarded.").waitFor();
    await page.getByRole("region", { name: "Waiting for their email to be sent" }).waitFor();
    expect(register().find((c) => c.ref === ref)!.rag).toHaveLength(ragBefore);

    // Written again and sent: the next pane finds it in Sent Items and records it, dated the day it was sent.
    await fillRed("Permanence plan drifting");
    await page.getByRole("button", { name: "Insert into the email" }).click();
    await page.getByText(/^Inserted “RAG Red/).waitFor();
    await page.getByRole("button", { name: /to the recipients$/ }).click();
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await page.getByText(/^Sent: /).waitFor();
    const sentOn = instantToLondon(instant(Date.now())).date;
    await page.getByText(`Recorded from your Sent Items: Red for ref ${ref}, sent ${formatUkDate(sentOn)}.`).waitFor();
    const rag = register().find((c) => c.ref === ref)!.rag;
    expect(rag).toHaveLength(ragBefore + 1);
    expect(rag.at(-1)).toMatchObject({ date: sentOn, rating: "red", reason: "Permanence plan drifting", actions: [{ action: "Permanence planning meeting", owner: "Team manager" }] });
    // The discarded one is still waiting (it was never sent) until it is forgotten.
    const still = page.getByRole("region", { name: "Waiting for their email to be sent" });
    expect(await still.locator("li").count()).toBe(1);
    await screenshot(page, "mail-rating-recorded-on-send");
    await still.getByRole("button", { name: `Forget the red rating for ref ${ref}` }).click();
    await expect.poll(() => page.getByRole("region", { name: "Waiting for their email to be sent" }).count()).toBe(0);
    expect(register().find((c) => c.ref === ref)!.rag).toHaveLength(ragBefore + 1);
    expect(page.errors).toEqual([]);
  });

  it("an Amber or Red email with no concern or no action is not inserted: the gaps are named and focus goes to the first", async () => {
    const page = await ukPage(browser());
    await page.goto(url());
    await page.locator(".child").first().click();
    await page.getByLabel("Amber").check();
    await page.getByRole("button", { name: "Insert into the email" }).click();
    const alert = page.getByRole("alert");
    await alert.getByText("Not inserted:").waitFor();
    expect(await alert.locator("li").allInnerTexts()).toEqual([
      "Say what the concern is: an Amber rating names it.",
      "Add at least one action with its owner: an Amber rating's response date is counted from its actions.",
    ]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("concerns");
    expect(await page.getByLabel("Concerns").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#compose-body").innerText()).toBe("Hello,");
    await screenshot(page, "mail-rag-refused");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Concerns").fill("The PEP has not been updated this term.");
    await page.getByRole("button", { name: "Insert into the email" }).click();
    await expect.poll(() => page.getByRole("alert").locator("li").allInnerTexts()).toEqual(["Add at least one action with its owner: an Amber rating's response date is counted from its actions."]);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("action-0");
    // Green needs neither.
    await page.getByLabel("Green").check();
    await page.getByRole("button", { name: "Insert into the email" }).click();
    await page.getByText(/^Inserted “RAG Green/).waitFor();
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

  it("raises a dispute from a received email only with a theme and an issue, after asking; escalates after naming who the letter goes to; resolves it", async () => {
    const page = await ukPage(browser());
    await page.goto(url("&mode=read"));
    const first = page.locator(".child").first();
    const subject = (await first.locator("strong").innerText()).trim();
    const ref = /Ref (\d+)/.exec(subject)![1]!;
    await first.click();
    await page.getByRole("heading", { name: "Raise a dispute from this email" }).waitFor();
    const pane = page.getByRole("region", { name: "IRO Desk task pane" });
    const before = disputes().length;
    // Nothing is filled in for the IRO: pressing Raise names both gaps and puts focus on the first.
    expect(await pane.getByLabel("Theme").inputValue()).toBe("");
    expect(await page.getByLabel("What is the dispute about?").inputValue()).toBe("");
    await page.getByRole("button", { name: "Raise dispute…" }).click();
    await page.getByText("Choose the dispute's theme: the service reports disputes by theme.").waitFor();
    await page.getByText("Say what the dispute is about.").waitFor();
    // Focus goes to the first gap once the gaps are drawn (RaiseForm: a timer after the redraw).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("dispute-theme");
    expect(await pane.getByLabel("Theme").getAttribute("aria-invalid")).toBe("true");
    expect(disputes()).toHaveLength(before);
    await pane.getByLabel("Theme").selectOption("Permanence");
    await page.getByLabel("What is the dispute about?").fill("No permanence plan nine months after the review.");
    await page.getByRole("button", { name: "Raise dispute…" }).click();
    // It asks first, saying what is recorded and that nobody is emailed.
    const ask = page.getByRole("region", { name: "Raise this dispute?" });
    await ask.waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Raise this dispute?");
    expect(await ask.innerText()).toContain(`Ref ${ref}, Permanence, at stage 1 (Informal resolution with the social worker)`);
    expect(await ask.innerText()).toContain("Nobody is emailed");
    expect(disputes()).toHaveLength(before);
    await ask.getByRole("button", { name: "Raise the dispute" }).click();
    await page.getByText(/^Dispute DRP-.* raised for ref \d+ at stage 1/).waitFor();
    let mine = disputes().find((d) => d.caseRef === ref && d.issue.startsWith("No permanence plan"))!;
    expect(mine).toMatchObject({ status: "open", stage: 0, theme: "Permanence" });
    expect(mine.linkedMessage?.internetMessageId).toMatch(/@sandbox\.iro-desk\.local>$/);

    // Escalating to stage 2 names the team manager (the ladder's role for it) before anything changes.
    const child = register().find((c) => c.ref === ref)!;
    const manager = sandbox.store.user(child.teamManager!)!;
    await page.getByRole("button", { name: "Escalate…" }).click();
    const escalate = page.getByRole("region", { name: /^Escalate DRP-.* to stage 2\?$/ });
    await escalate.waitFor();
    expect(await escalate.getByRole("list").innerText()).toBe(`${manager.displayName}, the child's team manager (${manager.userPrincipalName})`);
    expect(disputes().find((d) => d.id === mine.id)!.stage).toBe(0);
    await screenshot(page, "mail-dispute-escalate-confirm");
    expect(await axeViolations(page)).toEqual([]);
    // Escape goes back, with focus on the button that opened it.
    await page.keyboard.press("Escape");
    await expect.poll(() => escalate.count()).toBe(0);
    // Focus goes back to the opener once the step has gone (ConfirmStep: after the redraw).
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Escalate…");
    await page.getByRole("button", { name: "Escalate…" }).click();
    await page.getByRole("button", { name: `Escalate and open the letter to ${manager.displayName}` }).click();
    await page.getByText(/^Escalated to stage 2 \(Team manager\)\. A reply to .* is in your Drafts/).waitFor();
    const reply = page.getByRole("form", { name: "Reply" });
    expect(await reply.locator('output[name="reply-to"]').innerText()).toBe(`${manager.displayName} <${manager.userPrincipalName}>`);
    const letter = page.frameLocator('iframe[title="Reply body"]');
    // The letter is the iframe's srcdoc, loaded after the form is drawn: its empty first document is read until then.
    await expect.poll(() => letter.locator("body").innerText()).toContain(`stage 2 of the dispute resolution protocol (Team manager), a concern about the care plan for ref ${ref}`);
    await reply.getByRole("button", { name: "Send" }).click();
    await page.getByText(`Reply sent to ${manager.displayName}.`).waitFor();
    const inboxOf = (upn: string) => sandbox.store.messages(sandbox.store.user(upn)!.id, "inbox").filter((m) => String(m.data.subject).startsWith("RE: Ref") && String((m.data.body as { content: string }).content).includes("stage 2 of the dispute resolution protocol"));
    expect(inboxOf(manager.userPrincipalName)).toHaveLength(1);
    expect(inboxOf(child.socialWorker!)).toHaveLength(0);

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

  it("the stage 3 letter goes to the head of service the ladder names, not as a reply to the social worker who wrote", async () => {
    const page = await ukPage(browser());
    await page.goto(url("&mode=read"));
    const email = page.locator(".child").nth(1);
    const ref = /Ref (\d+)/.exec(await email.locator("strong").innerText())![1]!;
    await email.click();
    const pane = page.getByRole("region", { name: "IRO Desk task pane" });
    await pane.getByLabel("Theme").selectOption("Placement");
    await page.getByLabel("What is the dispute about?").fill("Placement ending with no plan.");
    await page.getByRole("button", { name: "Raise dispute…" }).click();
    await page.getByRole("button", { name: "Raise the dispute" }).click();
    await page.getByText(/^Dispute DRP-.* raised/).waitFor();
    await pane.getByLabel("Escalate to").selectOption({ label: "Stage 3: Service manager / head of service" });
    await page.getByRole("button", { name: "Escalate…" }).click();
    const head = sandbox.store.users().find((u) => u.jobTitle === "Head of Service, Children in Care")!;
    const escalate = page.getByRole("region", { name: /to stage 3\?$/ });
    expect(await escalate.getByRole("list").innerText()).toBe(`${head.displayName}, Service manager / head of service, named in the dispute ladder (${head.userPrincipalName})`);
    await page.getByRole("button", { name: `Escalate and open the letter to ${head.displayName}` }).click();
    const reply = page.getByRole("form", { name: "Reply" });
    await reply.waitFor();
    expect(await reply.locator('output[name="reply-to"]').innerText()).toBe(`${head.displayName} <${head.userPrincipalName}>`);
    // (The letter is the iframe's srcdoc, loaded after the form is drawn.)
    await expect.poll(() => page.frameLocator('iframe[title="Reply body"]').locator("body").innerText()).toMatch(/^OFFICIAL-SENSITIVE\s+Dear Service manager \/ head of service/);
    await reply.getByRole("button", { name: "Send" }).click();
    await page.getByText(`Reply sent to ${head.displayName}.`).waitFor();
    const got = sandbox.store.messages(head.id, "inbox").filter((m) => String((m.data.body as { content: string }).content).includes(`ref ${ref}`));
    expect(got).toHaveLength(1);
    await screenshot(page, "mail-dispute-stage3");
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
    // The theme is the IRO's to choose: none is filled in.
    const theme = page.getByRole("region", { name: "IRO Desk task pane" }).getByLabel("Theme");
    expect(await theme.inputValue()).toBe("");
    await theme.selectOption("Care plan drift");
    await page.getByRole("button", { name: "Raise dispute…" }).click();
    await page.getByRole("button", { name: "Raise the dispute" }).click();
    await page.getByText(new RegExp(`^Dispute DRP-.* raised for ref ${ref} at stage 1`)).waitFor();
    expect(disputes().find((d) => d.caseRef === ref && d.issue === reason)).toMatchObject({ status: "open", theme: "Care plan drift" });
    await expect.poll(() => page.getByRole("button", { name: `Start a dispute for ref ${ref}` }).count()).toBe(0);
    expect(page.errors).toEqual([]);
  });
});

describe("templates and the ladder as settings a manager edits", { timeout: 60_000 }, () => {
  it("refuses an unknown placeholder when saving and writes nothing; saves a good edit into the case store; a stale save is not forced", async () => {
    const page = await ukPage(browser());
    const versionsBefore = sandbox.store.listItems(sandbox.store.list("IroDeskSettings")!.id).map((i) => i.version);
    await page.goto(`${sandbox.url}/preview-manager.html?today=2026-03-02&user=priya.shah@westmere.example&tab=settings`);
    await page.getByLabel("Template", { exact: true }).selectOption({ label: "RAG Amber: monitoring email" });
    await page.getByLabel("Subject").fill("RAG Amber – {{caseref}}");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText(/^Not saved:/).waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("The subject uses {{caseref}}, which IRO Desk does not know.");
    const settingsList = sandbox.store.list("IroDeskSettings")!;
    // The service's one settings item (made by provisioning) is untouched.
    expect(sandbox.store.listItems(settingsList.id).map((i) => i.version)).toEqual(versionsBefore);

    await page.getByLabel("Subject").fill("RAG Amber for ref {{caseRef}}: please respond by {{responseDue}}");
    await page.getByLabel("Response days").nth(1).fill("10");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Saved “RAG Amber: monitoring email” and the dispute ladder.").waitFor();
    const saved = sandbox.store.listItems(settingsList.id)[0]!.data.fields;
    expect(JSON.parse(String(saved.Templates)).find((t: { id: string }) => t.id === "rag-amber").subject).toBe("RAG Amber for ref {{caseRef}}: please respond by {{responseDue}}");
    expect(JSON.parse(String(saved.Ladder))[1]).toEqual({ name: "Team manager", responseDays: 10, letterTo: { role: "team-manager" } });
    expect(await axeViolations(page)).toEqual([]);

    // Someone else saves in between: this page's save is refused and says to reload.
    const other = await ukPage(browser());
    await other.goto(`${sandbox.url}/preview-manager.html?today=2026-03-02&user=daniel.hughes@westmere.example&tab=settings`);
    await other.getByLabel("Name", { exact: true }).fill("RAG Red (Daniel's wording)");
    await other.getByRole("button", { name: "Save" }).click();
    await other.getByText(/^Saved/).waitFor();
    await page.getByLabel("Name", { exact: true }).fill("RAG Amber (Priya's wording)");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText(/changed by someone else since you opened it/).waitFor();
    expect(JSON.parse(String(sandbox.store.listItems(settingsList.id)[0]!.data.fields.Templates))[0].name).toBe("RAG Red (Daniel's wording)");
    expect(sandbox.store.listItems(settingsList.id)).toHaveLength(1);
    await screenshot(page, "manager-settings-conflict");
  });

  it("switching template with unsaved edits asks first; going back keeps the edits, discarding opens the other", async () => {
    const page = await ukPage(browser());
    await page.goto(`${sandbox.url}/preview-manager.html?today=2026-03-02&user=priya.shah@westmere.example&tab=settings`);
    const template = page.getByLabel("Template", { exact: true });
    await template.selectOption({ label: "Review invitation" });
    // No edits: switching needs no answer.
    await template.selectOption({ label: "Consultation request" });
    expect(await page.getByRole("region", { name: "Discard your changes?" }).count()).toBe(0);
    await page.getByLabel("Body").fill("My unsaved wording");
    await template.selectOption({ label: "Decisions circulation" });
    const ask = page.getByRole("region", { name: "Discard your changes?" });
    await ask.waitFor();
    expect(await ask.innerText()).toContain("You have changed “Consultation request” and not saved it.");
    expect(await template.inputValue()).toBe(await template.locator("option", { hasText: "Consultation request" }).getAttribute("value"));
    await screenshot(page, "manager-settings-discard-ask");
    expect(await axeViolations(page)).toEqual([]);
    await ask.getByRole("button", { name: "Go back" }).click();
    expect(await page.getByLabel("Body").inputValue()).toBe("My unsaved wording");
    await template.selectOption({ label: "Decisions circulation" });
    await page.getByRole("button", { name: "Discard the changes and open “Decisions circulation”" }).click();
    expect(await page.getByLabel("Body").inputValue()).not.toContain("My unsaved wording");
    expect(await page.getByLabel("Name", { exact: true }).inputValue()).toBe("Decisions circulation");
  });

  it("a ladder stage can name who its letter goes to", async () => {
    const page = await ukPage(browser());
    await page.goto(`${sandbox.url}/preview-manager.html?today=2026-03-02&user=priya.shah@westmere.example&tab=settings`);
    // Stage 2 writes to the child's team manager; this service writes to a named practice manager instead.
    expect(await page.getByLabel("Stage 2 letter goes to").inputValue()).toBe("team-manager");
    await page.getByLabel("Stage 2 letter goes to").selectOption("named");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText("Stage 2: give the name of the person its letter goes to.").waitFor();
    await page.locator("#stage-to-name-1").fill("Ade Okoro");
    await page.locator("#stage-to-address-1").fill("ade.okoro@westmere.example");
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByText(/^Saved/).waitFor();
    const ladder = JSON.parse(String(sandbox.store.listItems(sandbox.store.list("IroDeskSettings")!.id)[0]!.data.fields.Ladder));
    expect(ladder[1].letterTo).toEqual({ name: "Ade Okoro", address: "ade.okoro@westmere.example" });
    await screenshot(page, "manager-settings-ladder-letter-to");
    expect(await axeViolations(page)).toEqual([]);
  });
});
