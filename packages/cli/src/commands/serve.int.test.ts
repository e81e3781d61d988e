import { createDatabase } from "@openkam/db";
import { testDatabaseKind } from "@openkam/db/testing/test-database";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT, exitOf, newCliDatabase, newDataDir, runCli, spawnCli, waitForOutput } from "../testing/cli-harness";

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const cleanup of cleanups) await cleanup();
});

describe("openkam serve", () => {
  const kind = testDatabaseKind();

  it(`starts on a new ${kind} database, ${kind === "pglite" ? "seeds the demo and prints its login" : "without demo data"}, answers /api/health and stops on SIGTERM`, async () => {
    const database = await newCliDatabase();
    cleanups.push(() => database.dispose());
    // --dev: the web build is not what this test is about.
    const server = spawnCli(["serve", "--port", "0", "--dev"], { ...database.env, OPENKAM_DEMO_SCALE: "0.05" });
    cleanups.push(() => void server.kill("SIGKILL"));
    const output = await waitForOutput(server, /Press Ctrl\+C to stop/);

    const url = /OpenKAM is running at (http:\/\/\S+)/.exec(output)?.[1];
    expect(url).toBeDefined();
    const health = await fetch(`${url}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", database: kind });

    if (kind === "pglite") {
      expect(output).toMatch(/Seeding demo data \(scale 0.05\)/);
      expect(output).toContain("Demo login: demo@openkam.dev / openkam-demo");
      const login = await fetch(`${url}/api/auth/login`, {
        method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "demo@openkam.dev", password: "openkam-demo" }),
      });
      expect(login.status).toBe(200);
    } else {
      // Server mode never creates users on its own.
      expect(output).not.toMatch(/Seeding|Demo login/);
    }

    server.kill("SIGTERM");
    expect(await exitOf(server)).toBe(0);
    if (database.dataDir) expect(existsSync(join(database.dataDir, "openkam.lock"))).toBe(false);
  }, CLI_TEST_TIMEOUT);
});

describe("the data folder lock", () => {
  it("a second process on a data folder in use exits 1 with one line saying to stop the server or use the API", async () => {
    const { dataDir, dispose } = newDataDir();
    cleanups.push(dispose);
    const holder = await createDatabase({ dataDir });
    try {
      const second = await runCli(["migrate", "--data-dir", dataDir]);
      expect(second.code).toBe(1);
      expect(second.stderr.trim()).toBe(
        `error: The data folder ${dataDir} is in use by another OpenKAM process (pid ${process.pid}). Stop the server first, or do this through the running server's API.`,
      );
    } finally {
      await holder.close();
    }
    const afterRelease = await runCli(["migrate", "--data-dir", dataDir]);
    expect(afterRelease.stdout).toContain("is up to date");
    expect(afterRelease.code).toBe(0);
  }, CLI_TEST_TIMEOUT);
});
