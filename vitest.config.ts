import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./src", import.meta.url)),
      "@inngest-fns": fileURLToPath(new URL("./inngest", import.meta.url)),
    },
  },
  test: {
    include: ["tests/**/*.test.ts"],
    environment: "node",
    testTimeout: 30_000,
    hookTimeout: 240_000,
    // Integration files each own a database; two workers match the 2-core machines.
    maxWorkers: 2,
    // Browser tests poll the UI; the demo's one database connection is shared with background updates.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    fileParallelism: true,
  },
});
