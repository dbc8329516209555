import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Contract and CLI tests start processes; keep the 2-core machines responsive.
    maxWorkers: 2,
    // Exhaustive checks (every day for 80 years, every hour for five) and CLI runs take well under
    // a second on an idle machine but several on a loaded 2-core one: time limits are for hangs.
    testTimeout: 30_000,
  },
});
