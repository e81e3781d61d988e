import type { TAnalysisResultsQuery } from "@openkam/contracts";
import { accounts, analysisResultBlocks, analysisRuns, newId } from "@openkam/db";
import { eq, sql } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { toPage } from "../../http/cursor";
import { type Scope, systemScope } from "../../tenancy/scope";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { accountsInRun, groupsOfTwoRuns, latestResultsOfAccount, listResults } from "./analytics.repository";
import { BLOCK_SIZE, type NewResultRow, resultRows, resultsFromRows, writeRunResults } from "./result-blocks";
import { nameOrderKey } from "@openkam/domain/names/name-order";

// Enough accounts for three blocks, so that pages, lookups and comparisons cross block boundaries.
const ACCOUNTS = 2 * BLOCK_SIZE + 88;
const GROUPS = ["champions", "loyal", "lost"] as const;

let t: TestApp;
let director: Client;
let manager: Client;
let org: Scope;
let ids: string[];
let names: Map<string, string>;
let results: NewResultRow[];
let runId: string;

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const scopeOf = (c: Client): Scope => ({ orgId: c.orgId, userId: c.userId, role: c.role });

async function newRun(kind: "rfm" | "matrix" = "rfm"): Promise<string> {
  const id = newId();
  await t.db.orm.insert(analysisRuns).values({ orgId: org.orgId, id, kind, status: "succeeded", asOf: "2026-06-30", parameters: {}, scope: "organization", currency: "CNY", createdBy: director.userId });
  return id;
}

async function allPages(scope: Scope, query: Omit<TAnalysisResultsQuery, "cursor">) {
  const items = [];
  let cursor: string | undefined;
  do {
    const page = toPage(await listResults(t.db, scope, runId, { ...query, cursor }), query.limit);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  t = await createTestApp();
  director = await t.newOrgWithUser("director");
  manager = await t.newUser(director.orgId, "account_manager");
  org = systemScope(director.orgId);
  // Random (not time-ordered) ids, so the blocks' id order differs from creation, name and rank order.
  ids = Array.from({ length: ACCOUNTS }, () => randomUUID());
  names = new Map(ids.map((id, i) => [id, `Account ${String((i * 7919) % ACCOUNTS).padStart(4, "0")}`]));
  await t.db.orm.insert(accounts).values(ids.map((id, i) => ({ orgId: org.orgId, id, name: names.get(id)!, nameKey: nameOrderKey(names.get(id)!), currency: "CNY", ownerUserId: i % 20 === 0 ? manager.userId : null })));
  results = ids.map((accountId, i) => ({ accountId, grp: GROUPS[i % 3]!, rank: ((i * 389) % ACCOUNTS) + 1, values: { i, monthly: [i, i / 2, -(i + 1)], label: `名 ${i}` } }));
  runId = await newRun();
  await writeRunResults(t.db, org, runId, resultsFromRows(results));
});
afterAll(async () => t?.close());

describe("results stored in blocks", () => {
  it("keeps every result, in blocks of up to BLOCK_SIZE accounts in id order, each named by its last account", async () => {
    const blocks = await t.db.orm.select().from(analysisResultBlocks).where(eq(analysisResultBlocks.runId, runId));
    expect(blocks.map((b) => b.accountIds.length).sort((a, b) => b - a)).toEqual([BLOCK_SIZE, BLOCK_SIZE, 88]);
    const stored = blocks.sort((a, b) => byId(a.lastAccountId, b.lastAccountId)).flatMap((b) => {
      expect(b.lastAccountId).toBe(b.accountIds.at(-1));
      return b.accountIds;
    });
    expect(stored).toEqual([...ids].sort(byId));

    const rows = await t.db.rows<{ account_id: string; grp: string; rank: number; values: unknown }>(sql`select r.account_id, r.grp, r.rank, r.values from ${resultRows(org, runId, { values: true })} r`);
    expect(rows.map((r) => ({ accountId: r.account_id, grp: r.grp, rank: r.rank, values: r.values })).sort((a, b) => byId(a.accountId, b.accountId)))
      .toEqual([...results].sort((a, b) => byId(a.accountId, b.accountId)));
  });

  it("pages by rank and by name across blocks, with each row's own figures, and filters by group", async () => {
    const byRank = await allPages(org, { limit: 37, sort: "rank" });
    const expected = [...results].sort((a, b) => a.rank - b.rank);
    expect(byRank.map((r) => r.id)).toEqual(expected.map((r) => r.accountId));
    expect(byRank.map((r) => r.values)).toEqual(expected.map((r) => r.values));
    expect(byRank.map((r) => r.accountName)).toEqual(expected.map((r) => names.get(r.accountId)));

    const byName = await allPages(org, { limit: 50, sort: "-name" });
    expect(byName.map((r) => r.accountName)).toEqual([...names.values()].sort().reverse());

    const loyal = await allPages(org, { limit: 60, sort: "-rank", group: "loyal" });
    const expectedLoyal = results.filter((r) => r.grp === "loyal").sort((a, b) => b.rank - a.rank);
    expect(loyal.map((r) => [r.id, r.grp, r.values])).toEqual(expectedLoyal.map((r) => [r.accountId, "loyal", r.values]));
  });

  it("shows an account manager only the accounts they work on, and nobody a deleted account", async () => {
    const own = ids.filter((_, i) => i % 20 === 0);
    const seen = await allPages(scopeOf(manager), { limit: 10, sort: "rank" });
    expect(seen.map((r) => r.id).sort(byId)).toEqual([...own].sort(byId));
    expect(seen.map((r) => r.id)).toEqual(results.filter((r) => own.includes(r.accountId)).sort((a, b) => a.rank - b.rank).map((r) => r.accountId));
    const byName = await allPages(scopeOf(manager), { limit: 4, sort: "name" });
    expect(byName.map((r) => r.accountName)).toEqual(own.map((id) => names.get(id)!).sort());

    const deleted = own[0]!;
    await t.db.orm.update(accounts).set({ deletedAt: new Date() }).where(eq(accounts.id, deleted));
    try {
      expect((await allPages(org, { limit: 200, sort: "rank" })).map((r) => r.id)).not.toContain(deleted);
      expect((await groupsOfTwoRuns(t.db, org, runId, runId)).map((r) => r.account_id)).not.toContain(deleted);
    } finally {
      await t.db.orm.update(accounts).set({ deletedAt: null }).where(eq(accounts.id, deleted));
    }
  });

  it("finds one account's result in one block, at the edges of the blocks too", async () => {
    const sorted = [...ids].sort(byId);
    const edges = [0, BLOCK_SIZE - 1, BLOCK_SIZE, 2 * BLOCK_SIZE - 1, 2 * BLOCK_SIZE, ACCOUNTS - 1].map((i) => sorted[i]!);
    for (const accountId of edges) {
      const expected = results.find((r) => r.accountId === accountId)!;
      const [latest] = await latestResultsOfAccount(t.db, org, accountId);
      expect(latest).toMatchObject({ kind: "rfm", run_id: runId, as_of: "2026-06-30", grp: expected.grp, values: expected.values });
    }
    // An id after the last block's, and one in a gap between stored ids, are in no result.
    expect(await latestResultsOfAccount(t.db, org, "ffffffff-ffff-4fff-bfff-ffffffffffff")).toEqual([]);
    expect(await accountsInRun(t.db, org, runId, [edges[1]!, edges[2]!, randomUUID()])).toEqual(new Set([edges[1], edges[2]]));
  });

  it("compares two runs account by account, and a newer run replaces an account's latest result", async () => {
    const later = await newRun();
    const moved = ids.slice(0, 5);
    await writeRunResults(t.db, org, later, resultsFromRows(results.filter((r) => !moved.includes(r.accountId) || r.accountId === moved[0])
      .map((r) => (r.accountId === moved[0] ? { ...r, grp: "hibernating", values: { moved: true } } : r))));
    const rows = await groupsOfTwoRuns(t.db, org, runId, later);
    expect(rows).toHaveLength(ACCOUNTS);
    expect(rows.find((r) => r.account_id === moved[0])).toMatchObject({ from_grp: results[0]!.grp, to_grp: "hibernating", in_from: true, in_to: true });
    expect(rows.find((r) => r.account_id === moved[1])).toMatchObject({ in_from: true, in_to: false, to_grp: null });
    expect(rows.filter((r) => r.from_grp !== r.to_grp || !r.in_to)).toHaveLength(5);

    expect(await latestResultsOfAccount(t.db, org, moved[0]!)).toEqual([expect.objectContaining({ run_id: later, grp: "hibernating", values: { moved: true } })]);
    // Not in the later run: the earlier one still answers for it.
    expect(await latestResultsOfAccount(t.db, org, moved[1]!)).toEqual([expect.objectContaining({ run_id: runId })]);

    // Writing a run's results again replaces them.
    await writeRunResults(t.db, org, later, resultsFromRows(results.slice(0, 3)));
    const again = await t.db.rows<{ n: number }>(sql`select count(*)::int as n from ${resultRows(org, later)} r`);
    expect(again).toEqual([{ n: 3 }]);
  });

  it("keeps organizations apart", async () => {
    const other = systemScope((await t.newOrgWithUser("director")).orgId);
    expect(await t.db.rows(sql`select 1 from ${resultRows(other, runId)} r`)).toEqual([]);
    expect(await latestResultsOfAccount(t.db, other, ids[0]!)).toEqual([]);
    expect(await listResults(t.db, other, runId, { limit: 50, sort: "rank" })).toEqual([]);
  });

  it("finds a page far down the candidates: a group held by the last accounts by name", async () => {
    const lastByName = [...ids].sort((a, b) => names.get(a)!.localeCompare(names.get(b)!)).slice(-5);
    const rareRun = await newRun();
    await writeRunResults(t.db, org, rareRun, resultsFromRows(results.map((r) => (lastByName.includes(r.accountId) ? { ...r, grp: "rare" } : r))));
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = toPage(await listResults(t.db, org, rareRun, { limit: 2, sort: "name", group: "rare", cursor }), 2);
      pages.push(page.items.map((r) => r.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(pages).toEqual([lastByName.slice(0, 2), lastByName.slice(2, 4), lastByName.slice(4)]);
  });

  it("keeps groups and figures with quotes, backslashes, tabs and line breaks as they were, and results without a group", async () => {
    const odd = await newRun();
    const written: NewResultRow[] = ids.slice(0, 4).map((accountId, i) => ({
      accountId, grp: [null, 'say "hi"', "back\\slash\t{tab}", "line\nbreak,NULL"][i]!, rank: i + 1,
      values: { note: ["a\\b", 'q"r', "t\tu\nv", "\\N"][i], n: i - 1.5 },
    }));
    await writeRunResults(t.db, org, odd, resultsFromRows(written));
    const rows = await t.db.rows<{ account_id: string; grp: string | null; rank: number; values: unknown }>(sql`select r.account_id, r.grp, r.rank, r.values from ${resultRows(org, odd, { values: true })} r`);
    expect(rows.map((r) => ({ accountId: r.account_id, grp: r.grp, rank: r.rank, values: r.values })).sort((a, b) => a.rank - b.rank)).toEqual(written);
  });
});
