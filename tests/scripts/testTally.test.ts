import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain ES module of the build scripts, without types
import { tally } from "../../scripts/testTally.mjs";

const report = (passed: number, failedTests: number, failedSuites = 0) => ({ numPassedTests: passed, numFailedTests: failedTests, numFailedTestSuites: failedSuites });

describe("npm test's closing line", () => {
  it("counts the passed and failed tests of a run", () => {
    expect(tally(report(10, 2), false)).toMatchObject({ passed: 10, failed: 2 });
    expect(tally(report(10, 0), true)).toMatchObject({ passed: 10, failed: 0 });
  });

  it("counts a run whose tests all passed but whose vitest failed (an unhandled rejection) as a failure", () => {
    expect(tally(report(10, 0), false)).toMatchObject({ passed: 10, failed: 1 });
  });

  it("counts a test file that could not load as a failure", () => {
    expect(tally(report(3, 0, 1), false)).toMatchObject({ passed: 3, failed: 1 });
  });

  it("counts a run that wrote no report as a failure", () => {
    expect(tally(null, false)).toMatchObject({ passed: 0, failed: 1 });
  });
});
