import { buildApp, createJobQueue } from "@openkam/server";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT, newCliDatabase, runCli, type CliDatabase } from "../testing/cli-harness";

describe("openkam seed --demo", () => {
  let database: CliDatabase;
  beforeAll(async () => {
    database = await newCliDatabase();
  });
  afterAll(async () => database.dispose());

  it("creates the demo organization and its admin once, in embedded and in server mode", async () => {
    const seeded = await runCli(["seed", "--demo", "--scale", "0.1"], database.env);
    expect(seeded.stdout).toContain("Demo login: demo@openkam.dev / openkam-demo");
    expect(seeded.code).toBe(0);

    const again = await runCli(["seed", "--demo", "--scale", "0.1"], database.env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^error: the demo organisation .* already exists/);

    const db = await database.open();
    const jobs = createJobQueue(db);
    const app = await buildApp({ database: db, config: { runJobs: false }, jobs });
    try {
      const login = await app.inject({ method: "POST", url: "/api/auth/login", payload: { email: "demo@openkam.dev", password: "openkam-demo" } });
      expect(login.statusCode).toBe(200);
      expect(login.json<{ role: string }>().role).toBe("admin");

      // The demo's analyses are queued by the seed, and run by the server's job queue.
      expect(seeded.stdout).toContain("Queued 8 analyses of the demo's key accounts");
      const cookie = login.headers["set-cookie"];
      const listRuns = async () => {
        const page = await app.inject({ method: "GET", url: "/api/analytics/runs?limit=50", headers: { cookie } });
        expect(page.statusCode).toBe(200);
        return page.json<{ items: Array<{ id: string; kind: string; asOf: string; status: string; error: string | null; accountCount: number | null; summary: Record<string, unknown> | null }> }>().items;
      };
      const queued = await listRuns();
      expect(queued.map((r) => r.kind).sort()).toEqual(["clv", "forecast", "matrix", "matrix", "pareto", "rfm", "rfm", "selection"]);
      expect(queued.every((r) => r.status === "queued")).toBe(true);
      // Today's RFM, Pareto, matrix and selection are one identification's job; the others one job each.
      const queuedJobs = await db.rows<{ kind: string; payload: { runs?: Record<string, string> } }>(sql`select kind, payload from jobs where status = 'queued' order by run_after, id`);
      expect(queuedJobs.map((j) => j.kind)).toEqual(["analysis", "analysis", "identification", "analysis", "analysis"]);
      const today = queued.find((r) => r.kind === "pareto")!.asOf;
      expect(queuedJobs[2]!.payload.runs).toEqual(Object.fromEntries(queued.filter((r) => r.asOf === today && !["clv", "forecast"].includes(r.kind)).map((r) => [r.kind, r.id])));
      await jobs.drain();
      const done = await listRuns();
      expect(done.map((r) => [r.kind, r.status, r.error])).toEqual(done.map((r) => [r.kind, "succeeded", null]));
      expect(done.every((r) => (r.accountCount ?? 0) > 0)).toBe(true);
      // The selection ran last and read the groups of today's matrix run, queued after the earlier one.
      const [matrix, earlierMatrix] = done.filter((r) => r.kind === "matrix").sort((a, b) => b.asOf.localeCompare(a.asOf));
      const selection = done.find((r) => r.kind === "selection")!;
      expect(earlierMatrix!.asOf < matrix!.asOf).toBe(true);
      expect((selection.summary!.sources as Record<string, string | null>).quadrant).toBe(matrix!.id);

      expect(selection.summary!.selected).toBeGreaterThan(0);
      // The two matrix runs compare at once.
      const comparison = await app.inject({ method: "GET", url: `/api/analytics/runs/${matrix!.id}/compare/${earlierMatrix!.id}`, headers: { cookie } });
      expect(comparison.statusCode).toBe(200);
      expect(comparison.json<{ transitions: Array<{ accounts: number }> }>().transitions.reduce((n, t) => n + t.accounts, 0)).toBeGreaterThan(0);
    } finally {
      await app.close();
      await db.close();
    }
  }, CLI_TEST_TIMEOUT);
});
