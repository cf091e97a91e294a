import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Notebook execution spawns tslab processes; give it room on a 2-core machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
