import { buildApp } from "@openkam/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT, newCliDatabase, runCli, type CliDatabase } from "../testing/cli-harness";

describe("openkam seed --demo", () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await newCliDatabase();
  });
  afterAll(async () => database.dispose());

  it("creates the demo organization and its admin once, in embedded and in server mode", async () => {
    const seeded = await runCli(["seed", "--demo", "--scale", "0.05"], database.env);
    expect(seeded.stdout).toContain("Demo login: demo@openkam.dev / openkam-demo");
    expect(seeded.code).toBe(0);

    const again = await runCli(["seed", "--demo", "--scale", "0.05"], database.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: the demo organisation .* already exists/);

    const db = await database.open();
    const app = await buildApp({ database: db, config: { runJobs: false } });
    try {
      const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "demo@openkam.dev", password: "openkam-demo" } });
      expect(login.statusCode).toBe(200);
      expect(login.json<{ role: string }>().role).toBe("admin");
    } finally {
      await app.close();
      await db.close();
    }
  }, CLI_TEST_TIMEOUT);
});
