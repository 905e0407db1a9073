import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The database and HTTP suites again, on PostgreSQL: `npm run test:postgres`. The global set-up starts a
// throw-away PostgreSQL server unless TEST_DATABASE_URL already names one. The SQLite backup test stays in the
// SQLite run (on PostgreSQL, backups are pg_dump's job); tests/postgres holds what only PostgreSQL can check.
export default defineConfig({
  root: fileURLToPath(new URL("../..", import.meta.url)),
  resolve: { alias: { "~": fileURLToPath(new URL("../../app", import.meta.url)) } },
  esbuild: { jsx: "automatic" },
  test: {
    include: ["tests/integration/**/*.test.ts", "tests/http/**/*.test.ts", "tests/postgres/**/*.test.ts"],
    exclude: ["tests/http/sqlite-backup.test.ts", "node_modules/**"],
    environment: "node",
    globalSetup: ["tests/postgres/global-setup.ts"],
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
