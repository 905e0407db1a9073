import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Unit, integration, component and HTTP tests. Browser tests have their own config in tests/e2e.
export default defineConfig({
  resolve: { alias: { "~": fileURLToPath(new URL("./app", import.meta.url)) } },
  esbuild: { jsx: "automatic" },
  test: {
    include: [
      "app/**/*.test.{ts,tsx}",
      "db/**/*.test.ts",
      "scripts/**/*.test.ts",
      "server/**/*.test.ts",
      "tests/**/*.test.{ts,tsx}",
    ],
    // tests/postgres runs only on PostgreSQL (`npm run test:postgres`).
    exclude: ["tests/e2e/**", "tests/postgres/**", "node_modules/**"],
    environment: "node",
    setupFiles: ["tests/setup/vitest.setup.ts"],
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
