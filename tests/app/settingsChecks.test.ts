import { describe, expect, it } from "vitest";
import { readServiceSettings } from "../../src/app/readServiceSettings.js";
import { readSettings } from "../../src/app/readSettings.js";
import { DEFAULT_LADDER } from "../../src/domain/disputes/dispute.js";

describe("the settings this work added, checked", () => {
  it("attendeeList: hidden when anyone outside the council is invited unless the service chooses otherwise", () => {
    expect(readServiceSettings({}).settings.attendeeList).toBe("hidden-when-outside");
    expect(readServiceSettings({ attendeeList: "shown" }).settings.attendeeList).toBe("shown");
    expect(readServiceSettings({ attendeeList: "public" }).errors).toEqual(["settings.attendeeList should be one of hidden-when-outside, hidden, shown"]);
  });

  it("showChildNames: off unless the service turns it on; only true or false", () => {
    expect(readServiceSettings({}).settings.showChildNames).toBe(false);
    expect(readServiceSettings({ showChildNames: true }).settings.showChildNames).toBe(true);
    const refused = readServiceSettings({ showChildNames: "yes" });
    expect(refused.errors).toEqual(["settings.showChildNames should be true or false"]);
    expect(refused.settings.showChildNames).toBe(false);
  });

  it("draftKeepDays: 14 days unless the service says otherwise, from 1 to 90", () => {
    expect(readServiceSettings({}).settings.draftKeepDays).toBe(14);
    expect(readServiceSettings({ draftKeepDays: 7 }).settings.draftKeepDays).toBe(7);
    expect(readServiceSettings({ draftKeepDays: 0 }).errors).toEqual(["settings.draftKeepDays should be a whole number from 1 to 90"]);
  });

  it("the ladder names who each stage's letter goes to: a role on the case or a named person with an address", () => {
    const ladder = DEFAULT_LADDER.map((s, i) => (i === 2 ? { ...s, letterTo: { address: "ruth.adeyemi@westmere.example", name: "Ruth Adeyemi" } } : s));
    expect(readSettings({ ladder: JSON.stringify(ladder) })).toMatchObject({ errors: [], settings: { ladder } });
    for (const letterTo of [{ role: "head-of-service" }, { address: "not an address", name: "Ruth" }, { address: "ruth@westmere.example", name: " " }]) {
      const bad = DEFAULT_LADDER.map((s, i) => (i === 2 ? { ...s, letterTo } : s));
      expect(readSettings({ ladder: JSON.stringify(bad) }).errors, JSON.stringify(letterTo)).toEqual([expect.stringMatching(/^the dispute ladder: .*"letterTo"/)]);
    }
  });
});
