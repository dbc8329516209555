import { describe, expect, it } from "vitest";
import { hidesAttendeeList, isOutsideCouncil } from "../../../src/domain/scheduling/attendeeList.js";

const council = { domains: ["westmere.example"], caseContacts: ["pat.carer@westmere.example"] };
const staff = [{ address: "alfie.collins@westmere.example" }, { address: "Ivy.Smith@Westmere.example" }];

describe("who sees whom in an invitation", () => {
  it("anyone on another domain, or named on the case as a carer, parent or partner, is outside the council", () => {
    expect(isOutsideCouncil("jo@family.example", council)).toBe(true);
    expect(isOutsideCouncil("PAT.CARER@westmere.example", council)).toBe(true);
    expect(isOutsideCouncil("ivy.smith@WESTMERE.example", council)).toBe(false);
    // A look-alike domain is not the council's.
    expect(isOutsideCouncil("x@mail.westmere.example.evil", council)).toBe(true);
  });

  it("by default the list is hidden as soon as one person outside the council is invited", () => {
    expect(hidesAttendeeList("hidden-when-outside", staff, council)).toBe(false);
    expect(hidesAttendeeList("hidden-when-outside", [...staff, { address: "jo@family.example" }], council)).toBe(true);
  });

  it("a service may hide every list or show every list", () => {
    expect(hidesAttendeeList("hidden", staff, council)).toBe(true);
    expect(hidesAttendeeList("shown", [...staff, { address: "jo@family.example" }], council)).toBe(false);
  });
});
