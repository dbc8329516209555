import { describe, expect, it } from "vitest";
import { fromRegisterFields } from "../../src/adapters/graph/caseRegisterFields.js";
import { CASE_REGISTER_LIST } from "../../src/sandbox/demo/demoTenant.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";

const { browser, sandbox } = useBrowserAndSandbox();
const at = (page: string, user: string) => `${sandbox.url}/${page}?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${user}`;
const IRO = "sam.okafor@westmere.example";
const child = (ref: string) => sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).map((i) => fromRegisterFields(i.data.fields).childCase!).find((c) => c.ref === ref)!;

describe("records to send and early reviews in the caseload", { timeout: 60_000 }, () => {
  it("lists the children with decisions or a record to send, marks one sent, and records an early review that brings the next review forward", async () => {
    const page = await ukPage(browser(), 480, 1000);
    await page.goto(at("preview-caseload.html", IRO));
    await page.getByRole("heading", { name: "My load" }).waitFor();
    await page.getByLabel("Show").selectOption("records");
    const first = page.locator(".child").filter({ hasText: /^Ref .*(Decisions|Full record) of LAC review \d+ due by/s }).first();
    const line = (await first.innerText()).match(/(Decisions|Full record) of LAC review (\d+) due by \w{3} \d\d\/\d\d\/\d{4}( \(late\))?/)!;
    const ref = (await first.locator(".ref").innerText()).replace(/^Ref /, "");
    // The choice is shown whole, not cut short by a narrow box: its text fits inside the select (less its arrow and padding).
    const fits = await page.getByLabel("Show").evaluate((select: HTMLSelectElement) => {
      const style = getComputedStyle(select);
      const context = document.createElement("canvas").getContext("2d")!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const text = context.measureText(select.selectedOptions[0]!.text).width;
      return { text, room: select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 20 };
    });
    expect(fits.text).toBeLessThanOrEqual(fits.room);
    await screenshot(page, "caseload-records-to-send");
    expect(await axeViolations(page)).toEqual([]);

    await first.click();
    await page.getByRole("heading", { name: "Decisions and records to send" }).waitFor();
    await screenshot(page, "caseload-records-child");
    const kind = line[1] === "Decisions" ? "decisions" : "full record";
    await page.getByRole("button", { name: `Mark as sent today: ${kind} of LAC review ${line[2]}` }).click();
    await page.getByRole("button", { name: `Mark as sent today: ${kind} of LAC review ${line[2]}` }).waitFor({ state: "detached" });
    const held = child(ref).lac!.reviews.at(-1)!;
    expect(line[1] === "Decisions" ? held.decisionsSent : held.recordSent).toBe("2026-03-02");

    const nextBefore = child(ref).lac!;
    await page.getByLabel("Why the next review should be held early").selectOption("iro-request");
    await page.getByRole("button", { name: "Record the request (today)" }).click();
    // 10 working days after Mon 02/03/2026 is Mon 16/03/2026, unless the review was due sooner anyway.
    await page.getByText(/is brought forward to 16\/03\/2026: the IRO asked for an early review\.$/).waitFor();
    expect(child(ref).lac!.earlyReviews).toEqual([...(nextBefore.earlyReviews ?? []), { requested: "2026-03-02", reason: "iro-request" }]);
    expect(await page.locator("p").filter({ hasText: /due by Mon 16\/03\/2026/ }).count()).toBe(1);
    await screenshot(page, "caseload-early-review");
    expect(await axeViolations(page)).toEqual([]);
    expect(page.errors).toEqual([]);
  });
});
