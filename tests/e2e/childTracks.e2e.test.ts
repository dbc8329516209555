import { describe, expect, it } from "vitest";
import { CASE_REF_PROPERTY } from "../../src/adapters/graph/extendedProperties.js";
import { fromRegisterFields } from "../../src/adapters/graph/caseRegisterFields.js";
import { timescaleOptions } from "../../src/app/timescaleOptions.js";
import { DEFAULT_SETTINGS } from "../../src/app/serviceSettings.js";
import { formatUkDate } from "../../src/domain/calendar/ukDate.js";
import { assessChild } from "../../src/domain/caseload/assessChild.js";
import type { ChildCase } from "../../src/domain/caseload/childCase.js";
import { CASE_REGISTER_LIST } from "../../src/sandbox/demo/demoTenant.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import type { Page } from "playwright-core";

const { browser, sandbox } = useBrowserAndSandbox();
const TODAY = "2026-03-02" as IsoDate;
const at = (page: string, user: string, extra = "") => `${sandbox.url}/${page}?today=${TODAY}&now=2026-03-02T08:00:00Z&user=${user}${extra}`;
const TOM = "tom.whitfield@westmere.example";
const MANAGER = "priya.shah@westmere.example";

/** The demo's children as the register holds them, each with what the engine says is next. */
const register = () =>
  sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).map((i) => {
    const child = fromRegisterFields(i.data.fields).childCase!;
    return { child, assessed: assessChild(child, TODAY, timescaleOptions(DEFAULT_SETTINGS)) };
  });
const eventsTagged = (upn: string, ref: string) =>
  sandbox.store.allEvents(sandbox.store.user(upn)!.id).filter((e) => ((e.data.singleValueExtendedProperties ?? []) as { id: string; value: string }[]).some((p) => p.id === CASE_REF_PROPERTY && p.value === ref));
const day = (date: IsoDate) => `${["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][new Date(`${date}T12:00:00Z`).getUTCDay() === 0 ? 6 : new Date(`${date}T12:00:00Z`).getUTCDay() - 1]} ${formatUkDate(date)}`;

/** Finds free times, takes the top one (looked at, and checked with axe), and books it. */
async function bookTopTime(page: Page, shot: string): Promise<void> {
  await page.getByRole("button", { name: "Find free times" }).click();
  await page.getByRole("heading", { name: "Best times" }).waitFor();
  await page.locator('input[name="slot"]').first().check();
  await screenshot(page, shot);
  expect(await axeViolations(page)).toEqual([]);
  await page.getByRole("button", { name: /^Book: / }).click();
  await page.getByRole("heading", { name: "Booked" }).waitFor();
}

describe("the new tracks where IROs work", { timeout: 90_000 }, () => {
  it("an IRO's caseload shows adoption and secure accommodation reviews with their due-by dates and statuses, and books an adoption review", async () => {
    const all = register();
    const adoption = all.find((x) => x.child.iro === TOM && x.assessed.next?.event === "adoption-review" && x.assessed.status === "due-soon")!;
    const reviewed = all.find((x) => x.child.iro === TOM && x.assessed.next?.event === "adoption-review" && x.child.adoption!.reviews.length > 0)!;
    const secure = all.find((x) => x.child.iro === TOM && x.assessed.next?.event === "secure-review")!;
    expect([adoption, reviewed, secure].every(Boolean)).toBe(true);

    const page = await ukPage(browser(), 480, 1000);
    await page.goto(at("preview-caseload.html", TOM));
    await page.getByRole("heading", { name: "My load" }).waitFor();
    const line = (ref: string) => page.locator(".child").filter({ has: page.locator(".ref", { hasText: new RegExp(`^Ref ${ref}$`) }) });
    const next = adoption.assessed.next!;
    expect(await line(adoption.child.ref).innerText()).toContain(`Adoption review ${next.number} due by ${day(next.dueBy)}`);
    expect(await line(adoption.child.ref).locator(".badge").first().innerText()).toBe("Due soon");
    expect(await line(secure.child.ref).innerText()).toContain(`Secure accommodation review ${secure.assessed.next!.number} due by ${day(secure.assessed.next!.dueBy)}`);
    await page.getByLabel("Search by reference or name").fill(reviewed.child.ref);
    await screenshot(page, "tracks-caseload-adoption");
    expect(await axeViolations(page)).toEqual([]);

    // A child with an adoption review held: the history names it, with the looked after reviews before the placement.
    await line(reviewed.child.ref).click();
    await page.getByRole("heading", { name: "History", exact: true }).waitFor();
    const history = await page.getByRole("table").first().innerText();
    expect(history).toMatch(/Adoption review 1/);
    expect(history).toMatch(/LAC review \d+/);
    // Early reviews are for looked after reviews: not offered while the adoption reviews are the child's reviews.
    expect(await page.getByRole("heading", { name: "Early review" }).count()).toBe(0);
    await screenshot(page, "tracks-caseload-adoption-child");

    // Book the child's next adoption review from the caseload (due after the family's 5 working days' notice, so in time).
    const second = reviewed.assessed.next!;
    expect(await page.locator("p").filter({ hasText: /due by/ }).first().innerText()).toMatch(new RegExp(`^On track\\s+Adoption review ${second.number} due by ${day(second.dueBy)}: \\d+ working days left$`));
    await page.getByRole("button", { name: "Book", exact: true }).click();
    await page.getByRole("heading", { name: `Adoption review ${second.number} – ref ${reviewed.child.ref}` }).waitFor();
    await bookTopTime(page, "tracks-book-adoption");
    const [event] = eventsTagged(TOM, reviewed.child.ref).filter((e) => e.data.isOrganizer !== false);
    expect(event?.data.subject).toBe(`Adoption review ${second.number} – ref ${reviewed.child.ref}`);
    const body = String((event!.data.body as { content: string }).content);
    expect(body).toContain("<li>The prospective adopters’ views and support</li>");
    expect(body).toContain("consultation forms (child, prospective adopters");
    expect(((event!.data.singleValueExtendedProperties ?? []) as { value: string }[]).map((p) => p.value)).toContain(`adoption-review ${second.number}`);
    // Back in the list the child is booked for this review.
    await page.getByRole("button", { name: "Back to the caseload" }).click();
    await page.getByLabel("Search by reference or name").fill(reviewed.child.ref);
    await expect.poll(() => line(reviewed.child.ref).locator(".badge").first().innerText()).toBe("Booked");
    expect(await line(reviewed.child.ref).innerText()).toContain(`Adoption review ${second.number} due by ${day(second.dueBy)}, booked`);
    expect(page.errors).toEqual([]);
  });

  it("a manager books a transfer-in conference from the Outlook pane: the CP chairs by capacity, and the subject names it", async () => {
    const waiting = register().find((x) => x.assessed.next?.event === "transfer-in-conference" && x.assessed.status !== "overdue")!;
    const child: ChildCase = waiting.child;
    const page = await ukPage(browser());
    await page.goto(at("preview-outlook.html", MANAGER));
    // The chairs' loads are counted over the register read so far: the child is opened once all of it is.
    await page.waitForFunction(() => performance.getEntriesByName("iro:current", "mark").length === 1);
    await page.getByLabel("Find a child by case reference or name").fill(child.ref);
    const button = page.getByRole("button", { name: new RegExp(`Ref ${child.ref}`) });
    expect(await button.innerText()).toContain(`Transfer-in CP conference due by ${day(waiting.assessed.next!.dueBy)}`);
    await button.click();
    await page.getByRole("heading", { name: `Transfer-in CP conference – ref ${child.ref}` }).waitFor();
    const chairs = page.getByRole("group", { name: "Chair, by capacity" });
    expect(await chairs.locator("li").count()).toBe(4);
    const chosen = /^(.*?) \d+ children/.exec((await chairs.locator("li").first().innerText()).replace(/\s+/g, " "))![1]!;
    await bookTopTime(page, "tracks-book-transfer-in");
    const chair = sandbox.store.users().find((u) => u.displayName === chosen)!;
    const copy = sandbox.store.allEvents(chair.id).find((e) => e.data.subject === `Transfer-in CP conference – ref ${child.ref}`);
    expect(copy?.data.isOrganizer).toBe(false);
    const [organizer] = eventsTagged(MANAGER, child.ref);
    expect(String((organizer!.data.body as { content: string }).content)).toContain("<li>Reasons for the transfer and the plan from the other authority</li>");
    expect(page.errors).toEqual([]);
  });
});
