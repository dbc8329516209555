// What one vitest run adds to `npm test`'s closing line. Vitest's own exit status counts too: a run
// whose tests all passed still fails when vitest reports an unhandled error or rejection, and then
// it adds one failure, so the closing line never says "0 failed" for a failing run.
export function tally(report, exitedOk) {
  if (!report) return { passed: 0, failed: 1, why: "wrote no report" };
  const failedTests = report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? report.numFailedTestSuites : 0);
  if (!exitedOk && failedTests === 0) return { passed: report.numPassedTests, failed: 1, why: "vitest exited with an error although no test failed (an unhandled error or rejection: see above)" };
  return { passed: report.numPassedTests, failed: failedTests, why: failedTests > 0 ? `${failedTests} failed` : null };
}
