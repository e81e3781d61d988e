import react from "@vitejs/plugin-react";
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import pg from "pg";

/**
 * Three tiers: unit tests (pure, *.test.ts), and integration tests
 * (*.int.test.ts: real routes and repositories) run twice, on embedded PGlite
 * and on a PostgreSQL server. In CI the PostgreSQL run is mandatory.
 */
const testServerUrl = () => process.env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: testServerUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

const ci = process.env.CI === "true" || process.env.CI === "1";
const pgUp = await postgresReachable();
if (!pgUp) {
  if (ci) throw new Error(`CI: the PostgreSQL test server at ${testServerUrl()} is unreachable; the PostgreSQL suite is mandatory`);
  console.warn(`\n[openkam] PostgreSQL at ${testServerUrl()} is unreachable: the PostgreSQL integration suite does not run.\n`);
}

/** The browser suite needs Chromium; in CI it is mandatory, elsewhere it is left out with a warning. */
const CHROMIUM = "/usr/bin/chromium";
const chromiumUp = existsSync(CHROMIUM);
if (!chromiumUp) {
  if (ci) throw new Error(`CI: ${CHROMIUM} is missing; the browser suite (e2e) is mandatory`);
  console.warn(`\n[openkam] ${CHROMIUM} is missing: the browser suite (e2e) does not run. Install Chromium to run it.\n`);
}

const integration = (name: string, db: "pglite" | "postgres") => ({
  extends: true as const,
  test: {
    name,
    include: ["packages/*/src/**/*.int.test.ts"],
    env: { OPENKAM_TEST_DB: db },
    globalSetup: ["packages/db/src/testing/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  test: {
    pool: "forks",
    // Most integration time is spent waiting on a database (the PostgreSQL server, PGlite's worker thread), so two
    // test files at a time pay off even on two cores; Vitest's default would run one at a time there.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      { extends: true, test: { name: "unit", include: ["packages/*/src/**/*.test.ts"], exclude: ["**/*.int.test.ts", "**/node_modules/**", "packages/web/**"] } },
      {
        extends: true,
        plugins: [react()],
        test: { name: "web", environment: "jsdom", include: ["packages/web/src/**/*.test.{ts,tsx}"], setupFiles: ["packages/web/src/testing/setup.ts"] },
      },
      integration("pglite", "pglite"),
      ...(pgUp ? [integration("postgres", "postgres")] : []),
      ...(chromiumUp ? [{
        extends: true as const,
        test: {
          name: "e2e",
          include: ["e2e/**/*.e2e.test.ts"],
          globalSetup: ["e2e/support/global-setup.ts"],
          // One browser flow at a time against one server: the flows share its data.
          fileParallelism: false,
          testTimeout: 120_000,
          hookTimeout: 300_000,
        },
      }] : []),
    ],
  },
});
