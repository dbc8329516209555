import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    // Contract and CLI tests start processes; keep the 2-core machines responsive.
    maxWorkers: 2,
  },
});
