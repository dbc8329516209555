import { describe, expect, it } from "vitest";
import { BatchRequestContent, BatchResponseContent } from "@microsoft/microsoft-graph-client";
import { CASE_REGISTER_LIST, DEMO_SITE } from "../../src/sandbox/demo/demoTenant.js";
import { IRO, MANAGER, PARTNER, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();

const event = (extra: Record<string, unknown> = {}) => ({
  subject: "Check",
  start: { dateTime: "2026-03-20T10:00:00", timeZone: "Europe/London" },
  end: { dateTime: "2026-03-20T11:00:00", timeZone: "Europe/London" },
  ...extra,
});
const eventCount = () => sandbox.store.allEvents(sandbox.store.user(IRO)!.id).length;

describe("the sandbox answers as Graph does", () => {
  it("/me and /users/{upn}; an unknown user is Graph's 404", async () => {
    expect((await sandbox.raw(IRO, "GET", "/me")).body).toMatchObject({ userPrincipalName: IRO, displayName: "Sam Okafor" });
    expect((await sandbox.raw(IRO, "GET", `/users/${MANAGER}`)).body.jobTitle).toBe("IRO Service Manager");
    const missing = await sandbox.raw(IRO, "GET", "/users/nobody@westmere.example");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("Request_ResourceNotFound");
  });

  it("another person's calendar is not readable; their free/busy is, through getSchedule", async () => {
    const denied = await sandbox.raw(IRO, "GET", `/users/${MANAGER}/events`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("ErrorAccessDenied");
  });

  it("times come back in the zone asked for with Prefer: outlook.timezone", async () => {
    const made = await sandbox.raw(IRO, "POST", "/me/events", event(), { Prefer: 'outlook.timezone="GMT Standard Time"' });
    expect(made.status).toBe(201);
    expect(made.body.start).toEqual({ dateTime: "2026-03-20T10:00:00.0000000", timeZone: "GMT Standard Time" });
    const utc = await sandbox.raw(IRO, "GET", `/me/events/${made.body.id}`);
    expect(utc.body.start).toEqual({ dateTime: "2026-03-20T10:00:00.0000000", timeZone: "UTC" });
    const summer = await sandbox.raw(IRO, "POST", "/me/events", event({ start: { dateTime: "2026-04-01T10:00:00", timeZone: "Europe/London" }, end: { dateTime: "2026-04-01T11:00:00", timeZone: "Europe/London" } }));
    expect(summer.body.start.dateTime).toBe("2026-04-01T09:00:00.0000000");
  });

  it("bad input gets Graph's 400 naming the problem, and nothing is stored", async () => {
    const before = eventCount();
    const cases: [unknown, RegExp][] = [
      ["{ not json", /Unable to read JSON request payload/],
      [event({ colour: "red" }), /The property 'colour' does not exist on type 'microsoft.graph.event'/],
      [event({ start: { dateTime: "2026-02-30T10:00:00", timeZone: "UTC" } }), /Cannot convert the literal '2026-02-30T10:00:00'/],
      [event({ start: { dateTime: "2026-03-20T12:00:00", timeZone: "UTC" } }), /end time of the event must be later than its start/],
      [event({ attendees: [{ emailAddress: { address: "not an address" } }] }), /is not an email address/],
      [event({ start: { dateTime: "2026-03-20T10:00:00", timeZone: "Mars Standard Time" } }), /not 'Mars Standard Time'/],
    ];
    for (const [body, message] of cases) {
      const answer = await sandbox.raw(IRO, "POST", "/me/events", body);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(message);
    }
    expect(eventCount()).toBe(before);
  });

  it("getSchedule: availabilityView codes, an unknown person's error inside the 200, and its limits", async () => {
    const range = { startTime: { dateTime: "2026-03-02T09:00:00", timeZone: "Europe/London" }, endTime: { dateTime: "2026-03-02T17:00:00", timeZone: "Europe/London" } };
    const answer = await sandbox.raw(IRO, "POST", "/me/calendar/getSchedule", { schedules: [IRO, PARTNER], ...range, availabilityViewInterval: 60 });
    expect(answer.status).toBe(200);
    const [iro, partner] = answer.body.value;
    expect(iro.availabilityView).toMatch(/^[0-4]{8}$/);
    expect(iro.workingHours).toMatchObject({ daysOfWeek: ["monday", "tuesday", "wednesday", "thursday", "friday"], startTime: "09:00:00.0000000", timeZone: { name: "GMT Standard Time" } });
    expect(partner).toMatchObject({ scheduleId: PARTNER, availabilityView: "", error: { responseCode: "ErrorMailRecipientNotFound" } });
    // A busy hour shows as 2 in its slot.
    await sandbox.raw(MANAGER, "POST", "/me/events", { subject: "Busy", showAs: "busy", start: { dateTime: "2026-03-03T10:00:00", timeZone: "Europe/London" }, end: { dateTime: "2026-03-03T11:00:00", timeZone: "Europe/London" } });
    const one = await sandbox.raw(IRO, "POST", "/me/calendar/getSchedule", { schedules: [MANAGER], startTime: { dateTime: "2026-03-03T10:00:00", timeZone: "Europe/London" }, endTime: { dateTime: "2026-03-03T11:00:00", timeZone: "Europe/London" }, availabilityViewInterval: 30 });
    expect(one.body.value[0].availabilityView).toBe("22");

    const many = await sandbox.raw(IRO, "POST", "/me/calendar/getSchedule", { schedules: Array.from({ length: 21 }, (_, i) => `p${i}@westmere.example`), ...range });
    expect(many.status).toBe(400);
    const long = await sandbox.raw(IRO, "POST", "/me/calendar/getSchedule", { schedules: [IRO], startTime: range.startTime, endTime: { dateTime: "2026-05-04T09:00:00", timeZone: "Europe/London" } });
    expect(long.status).toBe(400);
    expect(long.body.error.message).toMatch(/62 days/);
    const interval = await sandbox.raw(IRO, "POST", "/me/calendar/getSchedule", { schedules: [IRO], ...range, availabilityViewInterval: 4 });
    expect(interval.status).toBe(400);
  });

  it("pages calendarView and events by $top and @odata.nextLink", async () => {
    const first = await sandbox.raw(IRO, "GET", "/me/calendarView?startDateTime=2026-02-16T00:00:00Z&endDateTime=2026-04-30T00:00:00Z&$top=5");
    expect(first.body.value).toHaveLength(5);
    const all = [...first.body.value];
    let next: string | undefined = first.body["@odata.nextLink"];
    while (next) {
      const page = await sandbox.raw(IRO, "GET", next.slice(sandbox.graphUrl.length));
      all.push(...page.body.value);
      next = page.body["@odata.nextLink"];
    }
    const whole = await sandbox.raw(IRO, "GET", "/me/calendarView?startDateTime=2026-02-16T00:00:00Z&endDateTime=2026-04-30T00:00:00Z&$top=1000");
    expect(all.map((e) => e.id)).toEqual(whole.body.value.map((e: { id: string }) => e.id));
    expect(all.length).toBeGreaterThan(10);
  });

  it("list items: unknown columns refused, stale If-Match is 412, $filter on fields", async () => {
    const items = `/sites/${encodeURIComponent(DEMO_SITE)}/lists/${CASE_REGISTER_LIST}/items`;
    const unknown = await sandbox.raw(IRO, "POST", items, { fields: { Title: "1", Colour: "red" } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toBe("Field 'Colour' is not recognized");
    const item = await sandbox.raw(IRO, "GET", `${items}/3?$expand=fields`);
    const etag = item.body["@odata.etag"];
    expect(etag).toMatch(/^"[0-9a-f-]{36},1"$/);
    expect((await sandbox.raw(IRO, "PATCH", `${items}/3/fields`, { ChildName: "A" }, { "If-Match": etag })).status).toBe(200);
    const stale = await sandbox.raw(IRO, "PATCH", `${items}/3/fields`, { ChildName: "B" }, { "If-Match": etag });
    expect(stale.status).toBe(412);
    expect(stale.body.error.code).toBe("preconditionFailed");
    expect(sandbox.store.listItem(sandbox.store.list(CASE_REGISTER_LIST)!.id, 3)!.data.fields.ChildName).toBe("A");
    const mine = await sandbox.raw(IRO, "GET", `${items}?$expand=fields&$filter=fields/IRO eq '${IRO}'&$top=999`);
    expect(mine.body.value.length).toBeGreaterThan(10);
    expect(mine.body.value.every((i: { fields: { IRO: string } }) => i.fields.IRO === IRO)).toBe(true);
  });

  it("$batch: up to 20 requests, dependsOn, 424 after a failed dependency, and the client library's batch helpers work", async () => {
    const batch = new BatchRequestContent();
    batch.addRequest({ id: "1", request: new Request(`${sandbox.graphUrl}/me`, { method: "GET" }) });
    batch.addRequest({ id: "2", request: new Request(`${sandbox.graphUrl}/users/nobody@westmere.example`, { method: "GET" }), dependsOn: ["1"] });
    batch.addRequest({ id: "3", request: new Request(`${sandbox.graphUrl}/me`, { method: "GET" }), dependsOn: ["2"] });
    const content = await batch.getContent();
    const answer = (await sandbox.graph(IRO).api("/$batch").post(content)) as ConstructorParameters<typeof BatchResponseContent>[0];
    const responses = new BatchResponseContent(answer).getResponses();
    expect(responses.get("1")?.status).toBe(200);
    expect(responses.get("2")?.status).toBe(404);
    expect(responses.get("3")?.status).toBe(424);

    const tooMany = await sandbox.raw(IRO, "POST", "/$batch", { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: "GET", url: "/me" })) });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error.message).toBe("Number of batch requests exceeds the limit of 20.");
  });

  it("keeps everything on disk: a booking made before a restart is there after it", async () => {
    const made = await sandbox.raw(IRO, "POST", "/me/events", event({ subject: "Survives restart", transactionId: "restart-1" }));
    await sandbox.restart();
    const read = await sandbox.raw(IRO, "GET", `/me/events/${made.body.id}`);
    expect(read.status).toBe(200);
    expect(read.body.subject).toBe("Survives restart");
  });
});
