import { defineConfig } from "vitest/config";

export default defineConfig({
  // The sign-in the pages were built for (src/hosts/root/signInBuilt.d.ts): both, in the tests.
  define: { IRO_DESK_SIGN_IN: JSON.stringify("any") },
  test: {
    include: ["tests/**/*.test.ts"],
    // Contract and CLI tests start processes; keep the 2-core machines responsive.
    maxWorkers: 2,
    // Exhaustive checks (every day for 80 years, every hour for five) and CLI runs take well under
    // a second on an idle machine but several on a loaded 2-core one: time limits are for hangs.
    testTimeout: 30_000,
    // Browser tests poll what a person sees until it settles (a draw after a key press); on a loaded
    // machine a draw can take more than vitest's default second. The limit is for hangs, not speed.
    expect: { poll: { timeout: 10_000 } },
  },
});
