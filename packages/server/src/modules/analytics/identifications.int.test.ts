import type { TAnalysisRun } from "@openkam/contracts";
import { analysisRuns, jobs } from "@openkam/db";
import { buildTeamMember } from "@openkam/db/testing/builders";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { AS_OF, buildBook, readRun, runAnalysis } from "./analytics.fixtures";
import { executeRun } from "./run-executor";

/** POST /api/analytics/identifications: four runs as of one date, made by one job, the selection reading the other three. */
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const RULE = {
  any: [
    { all: [{ field: "abcClass", op: "eq", value: "A" }, { field: "rfmSegment", op: "in", value: ["champions", "loyal"] }] },
    { field: "quadrant", op: "eq", value: "strategic_partner" },
    { field: "industry", op: "eq", value: "Retail" },
  ],
};

async function startIdentification(c: Client, body: Record<string, unknown>): Promise<TAnalysisRun[]> {
  const res = await c.post("/api/analytics/identifications", body);
  expect(res.statusCode, res.body).toBe(202);
  return res.json().runs as TAnalysisRun[];
}

/** Each result's account, group and figures, by rank. */
const resultsOf = async (c: Client, id: string) => (await readRun(c, id)).results.map((r) => [r.accountName, r.group, r.values]);

describe("identifications", () => {
  it("queues RFM, Pareto, matrix and selection runs as of one date for one job, and makes them as the runs API does", async () => {
    const director = await t.newOrgWithUser("director");
    await buildBook(t, director.orgId);
    const runs = await startIdentification(director, { asOf: AS_OF, rule: RULE });
    expect(runs.map((r) => [r.kind, r.status, r.asOf, r.scope])).toEqual([
      ["rfm", "queued", AS_OF, "organization"], ["pareto", "queued", AS_OF, "organization"], ["matrix", "queued", AS_OF, "organization"], ["selection", "queued", AS_OF, "organization"],
    ]);
    expect(runs.map((r) => r.parameters)).toEqual([
      { lookbackDays: 365, scoring: { kind: "quintiles" } }, { lookbackDays: 365, cutoffs: { a: 0.8, b: 0.15 } }, { thresholds: {} }, { rule: RULE },
    ]);
    const queued = await t.db.orm.select({ kind: jobs.kind, payload: jobs.payload }).from(jobs).where(and(eq(jobs.orgId, director.orgId), eq(jobs.status, "queued")));
    expect(queued).toEqual([{ kind: "identification", payload: { runs: Object.fromEntries(runs.map((r) => [r.kind, r.id])) } }]);

    expect(await t.jobs.drain()).toBe(1);
    const made = await Promise.all(runs.map((r) => readRun(director, r.id)));
    expect(made.map((m) => [m.run.kind, m.run.status, m.run.error])).toEqual([["rfm", "succeeded", null], ["pareto", "succeeded", null], ["matrix", "succeeded", null], ["selection", "succeeded", null]]);
    // The same results as runs of each kind made one by one.
    for (const [i, kind] of (["rfm", "pareto", "matrix"] as const).entries()) {
      const alone = await runAnalysis(t, director, { kind, asOf: AS_OF });
      expect(await resultsOf(director, runs[i]!.id), kind).toEqual(await resultsOf(director, alone.run.id));
      expect(made[i]!.run.summary, kind).toEqual(alone.run.summary);
    }
    const selection = made[3]!;
    expect(selection.run.kind === "selection" && selection.run.summary?.sources).toEqual({ quadrant: runs[2]!.id, rfmSegment: runs[0]!.id, abcClass: runs[1]!.id, clv: null });
    // A is class A and loyal; B is in Retail (an account fact, read with the matrix's in the one read of accounts).
    expect(Object.entries(selection.byName).filter(([, r]) => r.group === "selected").map(([name]) => name).sort()).toContain("A");
    expect(selection.byName.B!.group).toBe("selected");
    expect(selection.byName.G!.group).toBe("not_selected");
  });

  it("reads the selection's facts from its own runs even when a later run of the kind finished first", async () => {
    const director = await t.newOrgWithUser("director");
    await buildBook(t, director.orgId);
    const runs = await startIdentification(director, { asOf: AS_OF, rule: RULE });
    const later = (await director.post("/api/analytics/runs", { kind: "matrix", asOf: "2025-05-31" })).json() as { id: string };
    // The later matrix run's job is claimed first, so it is the organization's latest matrix when the selection is made.
    await t.db.rows(sql`update ${jobs} set run_after = now() - interval '1 hour' where org_id = ${director.orgId} and kind = 'analysis'`);
    await t.jobs.drain();
    expect((await readRun(director, later.id)).run.status).toBe("succeeded");
    const selection = await readRun(director, runs[3]!.id);
    expect(selection.run.kind === "selection" && selection.run.summary?.sources.quadrant).toBe(runs[2]!.id);
  });

  it("fails the selection with a message when a run it reads did not succeed, and leaves the runs already made", async () => {
    const director = await t.newOrgWithUser("director");
    await buildBook(t, director.orgId);
    const runs = await startIdentification(director, { asOf: AS_OF, rule: RULE });
    await t.db.orm.update(analysisRuns).set({ status: "failed", error: "stopped", finishedAt: sql`now()` }).where(and(eq(analysisRuns.orgId, director.orgId), eq(analysisRuns.id, runs[0]!.id)));
    await t.jobs.drain();
    const [rfm, pareto, , selection] = await Promise.all(runs.map((r) => readRun(director, r.id)));
    expect(rfm!.run).toMatchObject({ status: "failed", error: "stopped" });
    expect(pareto!.run.status).toBe("succeeded");
    expect(selection!.run).toMatchObject({ status: "failed", error: "The rfm run of this identification did not succeed, so the rule's rfmSegment conditions cannot be evaluated" });
    expect(selection!.results).toEqual([]);
  });

  it("resumes after a stop: the runs already made are left as they are, the others made", async () => {
    const director = await t.newOrgWithUser("director");
    await buildBook(t, director.orgId);
    const runs = await startIdentification(director, { asOf: AS_OF, rule: RULE });
    // The RFM run made before the job stopped (as the job would have made it).
    await executeRun(t.db, director.orgId, runs[0]!.id, { attempt: 1, heartbeat: async () => {} });
    const before = (await readRun(director, runs[0]!.id)).run;
    expect(before.status).toBe("succeeded");
    await t.db.orm.update(analysisRuns).set({ finishedAt: sql`'2025-01-01T00:00:00Z'::timestamptz` }).where(and(eq(analysisRuns.orgId, director.orgId), eq(analysisRuns.id, runs[0]!.id)));
    await t.jobs.drain();
    const made = await Promise.all(runs.map((r) => readRun(director, r.id)));
    expect(made.map((m) => m.run.status)).toEqual(["succeeded", "succeeded", "succeeded", "succeeded"]);
    expect(made[0]!.run.finishedAt).toBe("2025-01-01T00:00:00.000Z");
    expect(made[3]!.run.kind === "selection" && made[3]!.run.summary?.sources.rfmSegment).toBe(runs[0]!.id);
  });

  it("takes the rule of the latest succeeded selection, and makes no selection without one", async () => {
    const director = await t.newOrgWithUser("director");
    await buildBook(t, director.orgId);
    const without = await startIdentification(director, {});
    expect(without.map((r) => r.kind)).toEqual(["rfm", "pareto", "matrix"]);
    // The date defaults to today (UTC), as a run's does.
    expect(new Set(without.map((r) => r.asOf))).toEqual(new Set([new Date().toISOString().slice(0, 10)]));
    await t.jobs.drain();
    const rule = { field: "revenue12m", op: "gte", value: 1000 };
    await runAnalysis(t, director, { kind: "selection", asOf: AS_OF, parameters: { rule } });
    const withRule = await startIdentification(director, { asOf: AS_OF });
    expect(withRule.map((r) => r.kind)).toEqual(["rfm", "pareto", "matrix", "selection"]);
    expect(withRule[3]!.parameters).toEqual({ rule });
    await t.jobs.drain();
    const selection = await readRun(director, withRule[3]!.id);
    expect(Object.entries(selection.byName).filter(([, r]) => r.group === "selected").map(([name]) => name).sort()).toEqual(["A", "C"]);
  });

  it("runs an account manager's identification over their own accounts", async () => {
    const director = await t.newOrgWithUser("director");
    const book = await buildBook(t, director.orgId);
    const manager = await t.newUser(director.orgId, "account_manager");
    await buildTeamMember(t.db, director.orgId, book.a.id, manager.userId);
    await buildTeamMember(t.db, director.orgId, book.b.id, manager.userId);
    const runs = await startIdentification(manager, { asOf: AS_OF, rule: RULE });
    expect(new Set(runs.map((r) => r.scope))).toEqual(new Set(["own_accounts"]));
    await t.jobs.drain();
    for (const run of runs) {
      const made = await readRun(manager, run.id);
      expect(made.run.status, run.kind).toBe("succeeded");
      expect(Object.keys(made.byName).sort(), run.kind).toEqual(["A", "B"]);
    }
  });

  it("refuses bad input and the roles that cannot run analyses", async () => {
    const director = await t.newOrgWithUser("director");
    const bad = async (body: Record<string, unknown>, pointer: string) => {
      const res = await director.post("/api/analytics/identifications", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      expect(JSON.stringify(res.json().errors ?? res.json()), JSON.stringify(body)).toContain(pointer);
    };
    await bad({ asOf: "2999-01-01" }, "asOf");
    await bad({ asOf: "2025-02-30" }, "asOf");
    await bad({ rule: { field: "revenue12m", op: "gte", value: "a lot" } }, "rule");
    await bad({ rule: RULE, kind: "rfm" }, "kind");
    for (const role of ["member", "viewer"] as const) {
      const c = await t.newUser(director.orgId, role);
      expect((await c.post("/api/analytics/identifications", {})).statusCode, role).toBe(403);
    }
    const none = await t.db.orm.select({ id: analysisRuns.id }).from(analysisRuns).where(eq(analysisRuns.orgId, director.orgId));
    expect(none).toEqual([]);
  });
});
