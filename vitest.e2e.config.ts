import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./app", import.meta.url)),
      "#db": fileURLToPath(new URL("./db", import.meta.url)),
    },
  },
  test: {
    include: ["test/e2e/**/*.e2e.test.ts"],
    globalSetup: ["./test/setup/global-e2e.ts"],
    setupFiles: ["./test/setup/per-file.ts", "./test/e2e/page-errors.ts"],
    pool: "forks",
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
