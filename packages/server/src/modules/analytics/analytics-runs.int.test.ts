import type { TAnalysisResult } from "@openkam/contracts";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildOrder } from "@openkam/db/testing/builders-activity";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestApp } from "../../testing/test-app";
import { systemScope } from "../../tenancy/scope";
import { appWithBook, AS_OF, type Book, buildBook, readRun, runAnalysis } from "./analytics.fixtures";
import { resultsFromRows, writeRunResults } from "./result-blocks";

/** The runs API: listing, paging, groups, comparison, scope, bad input. */
let t: TestApp;
let director: Client;
let book: Book;

beforeAll(async () => {
  ({ t, director, book } = await appWithBook());
});
afterAll(async () => t?.close());

const finiteEverywhere = (value: unknown): boolean =>
  typeof value === "number" ? Number.isFinite(value) : value !== null && typeof value === "object" ? Object.values(value).every(finiteEverywhere) : true;

describe("reading runs", () => {
  it("pages through results by rank and filters them by group", async () => {
    const { run } = await runAnalysis(t, director, { kind: "rfm", asOf: AS_OF });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await director.get(`/api/analytics/runs/${run.id}?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode).toBe(200);
      const page = res.json().results as { items: TAnalysisResult[]; nextCursor: string | null };
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((r) => r.accountName));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(["A", "C", "B", "E", "D"]);
    const byNameDesc = (await director.get(`/api/analytics/runs/${run.id}?sort=-name&limit=3`)).json().results.items.map((r: TAnalysisResult) => r.accountName);
    expect(byNameDesc).toEqual(["E", "D", "C"]);
    const loyal = (await director.get(`/api/analytics/runs/${run.id}?group=loyal`)).json().results;
    expect(loyal).toEqual({ items: [expect.objectContaining({ accountName: "A", group: "loyal", tier: "standard", ownerName: null })], nextCursor: null });
    expect((await director.get(`/api/analytics/runs/${run.id}?cursor=garbage`)).statusCode).toBe(400);
  });

  it("lists runs newest first, by kind, with a cursor", async () => {
    const first = await runAnalysis(t, director, { kind: "pareto", asOf: AS_OF });
    const second = await runAnalysis(t, director, { kind: "pareto", asOf: "2025-05-31" });
    const page1 = (await director.get("/api/analytics/runs?kind=pareto&limit=1")).json();
    expect(page1.items.map((r: { id: string }) => r.id)).toEqual([second.run.id]);
    const page2 = (await director.get(`/api/analytics/runs?kind=pareto&limit=1&cursor=${page1.nextCursor}`)).json();
    expect(page2.items.map((r: { id: string }) => r.id)).toEqual([first.run.id]);
    const all = (await director.get("/api/analytics/runs?limit=200")).json().items as Array<{ kind: string }>;
    expect(new Set(all.map((r) => r.kind))).toEqual(new Set(["rfm", "pareto"]));
  });

  it("shows no results of a run until it has succeeded, and compares only runs that succeeded", async () => {
    const done = await runAnalysis(t, director, { kind: "rfm", asOf: AS_OF });
    const queued = (await director.post("/api/analytics/runs", { kind: "rfm", asOf: AS_OF })).json() as { id: string };
    // Results written before the run is marked succeeded (as the executor writes them) stay out of sight.
    await writeRunResults(t.db, systemScope(director.orgId), queued.id, resultsFromRows([{ accountId: book.a.id, grp: "loyal", rank: 1, values: {} }]));
    const pending = await director.get(`/api/analytics/runs/${queued.id}`);
    expect(pending.json()).toMatchObject({ run: { status: "queued" }, results: { items: [], nextCursor: null } });
    expect((await director.get(`/api/analytics/runs/${done.run.id}/compare/${queued.id}`)).statusCode).toBe(422);
    await t.jobs.drain();
    const finished = await readRun(director, queued.id);
    expect(finished.run.status).toBe("succeeded");
    expect(finished.results.map((r) => r.accountName)).toEqual(done.results.map((r) => r.accountName));
    expect((await director.get(`/api/analytics/runs/${done.run.id}/compare/${queued.id}`)).statusCode).toBe(200);
  });

  it("answers 404 for an unknown run and 400 for a malformed id", async () => {
    expect((await director.get("/api/analytics/runs/0190a000-0000-7000-8000-00000000abcd")).statusCode).toBe(404);
    expect((await director.get("/api/analytics/runs/0190a000-0000-7000-8000-00000000abcd/compare/0190a000-0000-7000-8000-00000000abce")).statusCode).toBe(404);
    expect((await director.get("/api/analytics/runs/not-a-uuid")).statusCode).toBe(400);
  });
});

describe("bad parameters", () => {
  it("answers 400 problem details with a message per field", async () => {
    const cases: Array<[unknown, string[]]> = [
      [{ kind: "rfm", parameters: { lookbackDays: 0 } }, ["body.parameters.lookbackDays"]],
      [{ kind: "rfm", parameters: { scoring: { kind: "thresholds", recency: [30, 10, 60, 90], frequency: [1, 2, 3, 4], monetary: [1, 2, 3, 4] } } }, ["body.parameters.scoring.recency"]],
      [{ kind: "pareto", parameters: { cutoffs: { a: 0.9, b: 0.2 } } }, ["body.parameters.cutoffs.b"]],
      [{ kind: "forecast", parameters: { horizon: 25 } }, ["body.parameters.horizon"]],
      [{ kind: "clv", parameters: { timeUnit: "year" } }, ["body.parameters.timeUnit"]],
      [{ kind: "clv", asOf: AS_OF, parameters: { calibrationEnd: "2025-07-01" } }, ["body.parameters.calibrationEnd"]],
      [{ kind: "rfm", asOf: "2999-01-01" }, ["body.asOf"]],
      [{ kind: "rfm", asOf: "2025-02-30" }, ["body.asOf"]],
      [{ kind: "rfm", parameters: { colour: "red" } }, ["body.parameters"]],
      [{ kind: "horoscope" }, ["body.kind"]],
      [{ kind: "selection", parameters: {} }, ["body.parameters.rule"]],
      [{ kind: "selection", parameters: { rule: { all: [{ field: "revenue12m", op: "in", value: [1] }, { field: "abcClass", op: "eq", value: "D" }] } } }, ["body.parameters.rule.all.0.op", "body.parameters.rule.all.1.value"]],
    ];
    for (const [body, fields] of cases) {
      const res = await director.post("/api/analytics/runs", body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.headers["content-type"]).toContain("application/problem+json");
      const problem = res.json() as { errors: Array<{ field: string; message: string }> };
      expect(problem.errors.map((e) => e.field), JSON.stringify(problem)).toEqual(expect.arrayContaining(fields));
      for (const e of problem.errors) expect(e.message.length).toBeGreaterThan(0);
    }
    expect((await director.get("/api/analytics/runs?limit=200")).json().items.filter((r: { asOf: string }) => r.asOf === "2999-01-01")).toEqual([]);
  });
});

describe("comparing runs", () => {
  it("shows which accounts moved between quadrants after the data changed", async () => {
    const before = await runAnalysis(t, director, { kind: "matrix", asOf: AS_OF });
    // D's big order lands in the last year: D becomes the largest contributor.
    await buildOrder(t.db, director.orgId, book.d.id, { orderDate: "2025-06-10", amount: "50000.00" });
    const after = await runAnalysis(t, director, { kind: "matrix", asOf: AS_OF });
    expect(after.byName.D!.group).not.toBe("dog");
    const res = await director.get(`/api/analytics/runs/${before.run.id}/compare/${after.run.id}`);
    expect(res.statusCode).toBe(200);
    const comparison = res.json() as { from: { id: string }; to: { id: string }; transitions: Array<{ from: string; to: string; accounts: number }>; moved: Array<{ accountName: string; from: string; to: string }> };
    expect([comparison.from.id, comparison.to.id]).toEqual([before.run.id, after.run.id]);
    const expectedMoves = Object.keys(before.byName)
      .sort()
      .filter((name) => before.byName[name]!.group !== after.byName[name]!.group)
      .map((name) => ({ accountName: name, from: before.byName[name]!.group, to: after.byName[name]!.group }));
    expect(comparison.moved.map(({ accountName, from, to }) => ({ accountName, from, to }))).toEqual(expectedMoves);
    expect(comparison.moved.map((m) => m.accountName)).toContain("D");
    expect(comparison.transitions.reduce((s, x) => s + x.accounts, 0)).toBe(6);
    expect(comparison.transitions).toContainEqual({ from: "dog", to: after.byName.D!.group, accounts: expect.any(Number) });

    const rfm = await runAnalysis(t, director, { kind: "rfm", asOf: AS_OF });
    const mixed = await director.get(`/api/analytics/runs/${before.run.id}/compare/${rfm.run.id}`);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().errors[0].field).toBe("params.otherId");
  });

  it("follows orders created, changed and deleted through the API: the order book kept in memory is read again when they change", async () => {
    const c = await t.newOrgWithUser("director");
    const account = await buildAccount(t.db, c.orgId, { name: "Solo" });
    const monetary = async () => {
      const solo = (await runAnalysis(t, c, { kind: "rfm", asOf: AS_OF })).byName.Solo;
      return solo ? (solo.values as { monetary: number }).monetary : null;
    };
    expect(await monetary()).toBeNull();
    const created = await c.post("/api/orders", { accountId: account.id, orderDate: "2025-06-01", currency: "CNY", amount: "120.00" });
    expect(created.statusCode, created.body).toBe(201);
    expect(await monetary()).toBe(120);
    expect((await c.patch(`/api/orders/${created.json().id}`, { amount: "80.50", version: 1 })).statusCode).toBe(200);
    expect(await monetary()).toBe(80.5);
    expect((await c.delete(`/api/orders/${created.json().id}`)).statusCode).toBe(204);
    expect(await monetary()).toBeNull();
  });

  it("reports accounts that entered or left a run with a null group", async () => {
    const early = await runAnalysis(t, director, { kind: "rfm", asOf: "2024-12-31" });
    const late = await runAnalysis(t, director, { kind: "rfm", asOf: AS_OF });
    const comparison = (await director.get(`/api/analytics/runs/${early.run.id}/compare/${late.run.id}`)).json();
    // E bought first in 2025: not in the earlier run.
    expect(comparison.moved).toContainEqual({ accountId: book.e.id, accountName: "E", from: null, to: late.byName.E!.group });
  });
});

describe("scope", () => {
  it("runs an account manager's analysis over their own accounts, and shows them only their rows of a director's run", async () => {
    const manager = await t.newUser(director.orgId, "account_manager");
    await buildTeamMember(t.db, director.orgId, book.a.id, manager.userId);
    await buildTeamMember(t.db, director.orgId, book.b.id, manager.userId);
    const own = await runAnalysis(t, manager, { kind: "pareto", asOf: AS_OF });
    expect(own.run).toMatchObject({ scope: "own_accounts", accountCount: 2 });
    expect(own.results.map((r) => [r.accountName, r.values])).toEqual([
      ["A", { rank: 1, revenue: 6000, share: 0.882353, cumulativeShare: 0.882353 }],
      ["B", { rank: 2, revenue: 800, share: 0.117647, cumulativeShare: 1 }],
    ]);
    const org = await runAnalysis(t, director, { kind: "pareto", asOf: AS_OF });
    expect(org.run.scope).toBe("organization");
    const seen = await readRun(manager, org.run.id);
    expect(seen.results.map((r) => r.accountName)).toEqual(["A", "B"]);
    expect(seen.run.accountCount).toBe(org.run.accountCount);
    expect(seen.run.summary).toEqual(org.run.summary);
    const comparison = (await manager.get(`/api/analytics/runs/${own.run.id}/compare/${org.run.id}`)).json();
    expect(comparison.transitions.reduce((s: number, x: { accounts: number }) => s + x.accounts, 0)).toBe(2);
  });
});

describe("edge cases", () => {
  it("succeeds with zero accounts and no NaN on an organization without orders", async () => {
    const empty = await t.newOrgWithUser("admin");
    await buildAccount(t.db, empty.orgId, { name: "No orders yet" });
    for (const kind of ["rfm", "pareto", "matrix", "clv", "forecast"] as const) {
      const { run, results } = await runAnalysis(t, empty, { kind, asOf: AS_OF });
      expect(run, kind).toMatchObject({ status: "succeeded", accountCount: 0, error: null });
      expect(results, kind).toEqual([]);
      expect(run.summary, kind).not.toBeNull();
      expect(finiteEverywhere(run.summary), kind).toBe(true);
    }
    const selection = await runAnalysis(t, empty, { kind: "selection", asOf: AS_OF, parameters: { rule: { field: "revenue12m", op: "gt", value: 0 } } });
    expect(selection.run).toMatchObject({ status: "succeeded", accountCount: 1, summary: { selected: 0, notSelected: 1 } });
  });

  it("treats a single-order customer as a customer with one order", async () => {
    const c = await t.newOrgWithUser("admin");
    const only = await buildAccount(t.db, c.orgId, { name: "Once" });
    await buildOrder(t.db, c.orgId, only.id, { orderDate: "2025-06-01", amount: "250.00" });
    const { results } = await runAnalysis(t, c, { kind: "rfm", asOf: AS_OF });
    // One customer: no one is worse on any dimension, so every score is 1.
    expect(results.map((r) => [r.group, r.values])).toEqual([["lost", { recency: 29, frequency: 1, monetary: 250, r: 1, f: 1, m: 1 }]]);
  });

  it("leaves out orders in another currency than the organization's and counts them", async () => {
    const c = await t.newOrgWithUser("admin");
    const acc = await buildAccount(t.db, c.orgId, { name: "Exporter", currency: "USD" });
    await buildOrder(t.db, c.orgId, acc.id, { orderDate: "2025-06-01", amount: "100.00", currency: "USD" });
    await buildOrder(t.db, c.orgId, acc.id, { orderDate: "2025-06-02", amount: "100.00", currency: "EUR" });
    await buildOrder(t.db, c.orgId, acc.id, { orderDate: "2020-06-02", amount: "100.00", currency: "EUR" });
    const { run } = await runAnalysis(t, c, { kind: "pareto", asOf: AS_OF });
    expect(run).toMatchObject({ accountCount: 0, currency: "CNY", summary: { excludedOrders: { currency: 2, future: 0 } } });
  });

  it("requires a role that may run analyses", async () => {
    for (const role of ["member", "viewer"] as const) {
      const c = await t.newUser(director.orgId, role);
      expect((await c.post("/api/analytics/runs", { kind: "rfm" })).statusCode, role).toBe(403);
      expect((await c.get("/api/analytics/runs")).statusCode, role).toBe(200);
    }
  });
});

describe("promoting from a run", () => {
  it("moves the chosen accounts in one go, recording who, why and the run in each account's history", async () => {
    const { run } = await runAnalysis(t, director, { kind: "selection", asOf: AS_OF, parameters: { rule: { field: "revenue12m", op: "gte", value: 1000 } } });
    const before = (await director.get(`/api/accounts/${book.c.id}`)).json();
    expect((await director.post(`/api/accounts/${book.c.id}/tier`, { tier: "key", reason: "Earlier", version: before.version })).statusCode).toBe(200);
    const res = await director.post(`/api/analytics/runs/${run.id}/promote`, { accountIds: [book.a.id, book.c.id], tier: "key", reason: "Selected as key accounts" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ promoted: 1, unchanged: 1 });
    expect((await director.get(`/api/accounts/${book.a.id}`)).json().tier).toBe("key");
    const [latest] = (await director.get(`/api/accounts/${book.a.id}/tier-history`)).json().items;
    expect(latest).toMatchObject({ fromTier: "standard", toTier: "key", reason: "Selected as key accounts", runId: run.id, changedBy: { id: director.userId } });
    const results = (await director.get(`/api/analytics/runs/${run.id}?group=selected`)).json().results.items as TAnalysisResult[];
    expect(results.find((r) => r.accountId === book.a.id)?.tier).toBe("key");
  });

  it("refuses the whole request when one account is not visible, and refuses members and viewers", async () => {
    const { run } = await runAnalysis(t, director, { kind: "pareto", asOf: AS_OF });
    const manager = await t.newUser(director.orgId, "account_manager");
    await buildTeamMember(t.db, director.orgId, book.e.id, manager.userId);
    const res = await manager.post(`/api/analytics/runs/${run.id}/promote`, { accountIds: [book.e.id, book.d.id], tier: "growth", reason: "Both" });
    expect(res.statusCode).toBe(404);
    expect((await director.get(`/api/accounts/${book.e.id}`)).json().tier).toBe("standard");
    expect((await manager.post(`/api/analytics/runs/${run.id}/promote`, { accountIds: [book.e.id], tier: "growth", reason: "Mine" })).json()).toEqual({ promoted: 1, unchanged: 0 });
    expect((await manager.post(`/api/analytics/runs/${run.id}/promote`, { accountIds: [book.e.id], tier: "strategic", reason: "Mine" })).statusCode).toBe(403);
    for (const role of ["member", "viewer"] as const) {
      const c = await t.newUser(director.orgId, role);
      expect((await c.post(`/api/analytics/runs/${run.id}/promote`, { accountIds: [book.e.id], tier: "standard", reason: "No" })).statusCode, role).toBe(403);
    }
    const bad = await director.post(`/api/analytics/runs/${run.id}/promote`, { accountIds: [], tier: "gold", reason: "" });
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["body.accountIds", "body.tier", "body.reason"]));
  });
});

describe("an account's latest figures", () => {
  it("come from the latest succeeded run of each kind that includes the account", async () => {
    const c = await t.newOrgWithUser("director");
    const mine = await buildBook(t, c.orgId);
    expect((await c.get(`/api/accounts/${mine.a.id}/analytics`)).json()).toEqual({ clv: null, rfm: null, quadrant: null, abcClass: null });
    const rfm = await runAnalysis(t, c, { kind: "rfm", asOf: AS_OF });
    const pareto = await runAnalysis(t, c, { kind: "pareto", asOf: AS_OF });
    const matrix = await runAnalysis(t, c, { kind: "matrix", asOf: AS_OF });
    expect((await c.get(`/api/accounts/${mine.a.id}/analytics`)).json()).toEqual({
      clv: null,
      rfm: { runId: rfm.run.id, asOf: AS_OF, segment: "loyal", r: 4, f: 5, m: 5 },
      quadrant: { runId: matrix.run.id, asOf: AS_OF, quadrant: "cash_cow" },
      abcClass: { runId: pareto.run.id, asOf: AS_OF, abcClass: "A" },
    });
    // A later run that does not include the account does not hide the earlier figure.
    await runAnalysis(t, c, { kind: "rfm", asOf: "2024-08-01" });
    expect((await c.get(`/api/accounts/${mine.e.id}/analytics`)).json().rfm).toMatchObject({ runId: rfm.run.id });
    expect((await c.get(`/api/accounts/${mine.g.id}/analytics`)).json()).toEqual({ clv: null, rfm: null, quadrant: null, abcClass: null });
    expect((await director.get(`/api/accounts/${mine.a.id}/analytics`)).statusCode).toBe(404);
  });
});

describe("deleting a run", () => {
  const blocksOf = async (runId: string) => (await t.db.rows<{ n: number }>(sql`select count(*)::int as n from analysis_result_blocks where run_id = ${runId}`))[0]!.n;

  it("deletes a finished run with its results, records who did it, and answers 404 after", async () => {
    const c = await t.newOrgWithUser("director");
    await buildBook(t, c.orgId);
    const { run } = await runAnalysis(t, c, { kind: "rfm", asOf: AS_OF });
    const kept = await runAnalysis(t, c, { kind: "pareto", asOf: AS_OF });
    expect(await blocksOf(run.id)).toBeGreaterThan(0);

    expect((await c.delete(`/api/analytics/runs/${run.id}`)).statusCode).toBe(204);
    expect((await c.get(`/api/analytics/runs/${run.id}`)).statusCode).toBe(404);
    expect(await blocksOf(run.id)).toBe(0);
    expect((await c.get("/api/analytics/runs")).json().items.map((r: { id: string }) => r.id)).toEqual([kept.run.id]);
    const audit = await t.db.rows<{ action: string; actor_user_id: string; before: { kind: string } }>(
      sql`select action, actor_user_id, before from audit_log where org_id = ${c.orgId} and entity_type = 'analysis_run' and entity_id = ${run.id}`);
    expect(audit).toEqual([{ action: "delete", actor_user_id: c.userId, before: expect.objectContaining({ kind: "rfm", status: "succeeded" }) }]);
    expect((await c.delete(`/api/analytics/runs/${run.id}`)).statusCode).toBe(404);

    // A failed run goes the same way (five customers are too few for CLV).
    const failed = await runAnalysis(t, c, { kind: "clv", asOf: AS_OF });
    expect(failed.run.status).toBe("failed");
    expect((await c.delete(`/api/analytics/runs/${failed.run.id}`)).statusCode).toBe(204);
  });

  it("waits for a run to finish, and keeps a run accounts were promoted from", async () => {
    const c = await t.newOrgWithUser("director");
    const mine = await buildBook(t, c.orgId);
    const queued = (await c.post("/api/analytics/runs", { kind: "rfm", asOf: AS_OF })).json() as { id: string };
    const refused = await c.delete(`/api/analytics/runs/${queued.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/not finished/);
    await t.jobs.drain();

    expect((await c.post(`/api/analytics/runs/${queued.id}/promote`, { accountIds: [mine.a.id], tier: "key", reason: "Loyal" })).statusCode).toBe(200);
    const kept = await c.delete(`/api/analytics/runs/${queued.id}`);
    expect(kept.statusCode).toBe(409);
    expect(kept.headers["content-type"]).toMatch(/application\/problem\+json/);
    expect(kept.json().detail).toMatch(/promoted from this run/);
    expect((await readRun(c, queued.id)).results.length).toBeGreaterThan(0);
  });

  it("lets account managers delete only their own runs, members and viewers none, and no one another organization's", async () => {
    const c = await t.newOrgWithUser("director");
    const mine = await buildBook(t, c.orgId);
    const manager = await t.newUser(c.orgId, "account_manager");
    await buildTeamMember(t.db, c.orgId, mine.a.id, manager.userId);
    const directors = await runAnalysis(t, c, { kind: "rfm", asOf: AS_OF });
    const managers = await runAnalysis(t, manager, { kind: "rfm", asOf: AS_OF });

    expect((await manager.delete(`/api/analytics/runs/${directors.run.id}`)).statusCode).toBe(403);
    for (const role of ["member", "viewer"] as const) {
      const other = await t.newUser(c.orgId, role);
      expect((await other.delete(`/api/analytics/runs/${managers.run.id}`)).statusCode, role).toBe(403);
    }
    const outsider = await t.newOrgWithUser("admin");
    expect((await outsider.delete(`/api/analytics/runs/${directors.run.id}`)).statusCode).toBe(404);
    expect((await c.get(`/api/analytics/runs/${directors.run.id}`)).statusCode).toBe(200);

    expect((await manager.delete(`/api/analytics/runs/${managers.run.id}`)).statusCode).toBe(204);
    expect((await c.delete(`/api/analytics/runs/${directors.run.id}`)).statusCode).toBe(204);
  });
});
