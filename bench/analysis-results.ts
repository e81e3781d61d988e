// node --import tsx bench/analysis-results.ts [--orders 1000000] [--accounts 100000] [--engine postgres|pglite] [--quick] [--fresh] [--wait-quiet N]
//
// Reading a large run's results, as the Identify pages and the account 360 page do: a page of results by rank (the
// first, and one 20 pages in), by name, of one group, an account manager's page, one account's latest results, the
// comparison of two runs, the groups a selection run reads of another run, and a whole run as CSV (the export). The runs (rfm and matrix, twice each)
// are made first over the synthetic orders of identify-run.ts; each read is timed 7 times and the median reported.

import { accounts, createDatabase, memberships, newId, users, type Database } from "@openkam/db";
import { createJobQueue, type Scope } from "@openkam/server";
import { accountsInRun, findRun, groupsOfTwoRuns, latestResultsOfAccount, listResults, resultsOfRun } from "@openkam/server/modules/analytics/analytics.repository";
import { runResultsCsv } from "@openkam/server/modules/analytics/run-export";
import { createRun } from "@openkam/server/modules/analytics/analytics.service";
import { executeRun } from "@openkam/server/modules/analytics/index";
import { toPage } from "@openkam/server/http/cursor";
import { sql } from "drizzle-orm";
import { loadavg } from "node:os";
import { numberFlag } from "./lib/flags";
import { waitForQuiet } from "./lib/load";
import { parseBenchOptions } from "./lib/options";
import { fmt, log, table } from "./lib/report";
import { specOf, syntheticPgliteDir, syntheticPostgresDatabase } from "./lib/synthetic-orders";

const options = parseBenchOptions();
const spec = specOf(numberFlag("orders", options.quick ? 100_000 : 1_000_000), numberFlag("accounts", options.quick ? 10_000 : 100_000));
const REPEATS = 7;
/** Accounts the account manager of the benchmark owns (about 1%). */
const OWN_EVERY = 100;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < REPEATS; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return median(times);
}

async function makeRun(db: Database, scope: Scope, kind: "rfm" | "matrix", asOf: string): Promise<string> {
  const run = await createRun({ db, scope, jobs: createJobQueue(db), input: { kind, asOf, parameters: {} } as Parameters<typeof createRun>[0]["input"] });
  await executeRun(db, scope.orgId, run.id, { attempt: 1, heartbeat: async () => {} });
  return run.id;
}

async function measure(engine: "postgres" | "pglite") {
  const target = engine === "postgres" ? await syntheticPostgresDatabase(spec, options.fresh) : await syntheticPgliteDir(spec, options.fresh);
  const db = await createDatabase("url" in target ? { url: target.url, maxConnections: 4 } : { dataDir: target.dataDir });
  try {
    const { orgId, asOf } = target.info;
    const admin: Scope = { orgId, userId: newId(), role: "admin", tokenId: null };
    const managerId = newId();
    await db.orm.insert(users).values({ id: managerId, email: `bench-${managerId}@example.com`, name: "Bench manager", nameKey: "bench manager", passwordHash: "x" });
    await db.orm.insert(memberships).values({ orgId, userId: managerId, role: "account_manager" });
    await db.rows(sql`update ${accounts} set owner_user_id = ${managerId} where org_id = ${orgId} and ('x' || right(id::text, 8))::bit(32)::int % ${OWN_EVERY} = 0`);
    const manager: Scope = { orgId, userId: managerId, role: "account_manager", tokenId: null };
    const [{ owned }] = await db.rows<{ owned: number }>(sql`select count(*)::int as owned from ${accounts} where org_id = ${orgId} and owner_user_id = ${managerId}`) as [{ owned: number }];
    log(`${engine}: the account manager owns ${fmt(owned)} accounts`);
    log(`${engine}: making the runs (rfm and matrix, twice each)`);
    const rfm = await makeRun(db, admin, "rfm", asOf);
    const matrix = await makeRun(db, admin, "matrix", asOf);
    const matrixAgain = await makeRun(db, admin, "matrix", asOf);
    await makeRun(db, admin, "rfm", asOf);
    await waitForQuiet(options.waitQuiet);
    const loadBefore = loadavg()[0]!;

    const page = { limit: 50, sort: "rank" as const };
    let deepCursor: string | undefined;
    for (let i = 0; i < 20; i++) deepCursor = toPage(await listResults(db, admin, matrix, { ...page, cursor: deepCursor }), 50).nextCursor ?? undefined;
    const [someone] = await db.rows<{ id: string }>(sql`select id from ${accounts} where org_id = ${orgId} order by name limit 1 offset 4321`);
    const matrixRow = (await findRun(db, admin, matrix))!;
    const rfmRow = (await findRun(db, admin, rfm))!;
    /** A whole CSV export read through, as the route streams it; its size in MB. */
    const exported = async (scope: Scope, run: typeof matrixRow) => {
      let bytes = 0;
      for await (const chunk of runResultsCsv(db, scope, run)) bytes += Buffer.byteLength(chunk);
      return bytes / 1e6;
    };
    log(`  matrix run as CSV: ${fmt(await exported(admin, matrixRow), 1)} MB; rfm: ${fmt(await exported(admin, rfmRow), 1)} MB`);
    const reads: Array<[string, () => Promise<unknown>]> = [
      ["matrix page 1 by rank (director)", () => listResults(db, admin, matrix, page)],
      ["matrix page 21 by rank", () => listResults(db, admin, matrix, { ...page, cursor: deepCursor })],
      ["matrix page 1 by name", () => listResults(db, admin, matrix, { ...page, sort: "name" })],
      ["matrix page 1 of one quadrant", () => listResults(db, admin, matrix, { ...page, group: "strategic_partner" })],
      ["rfm page 1 (account manager, ~1% of accounts)", () => listResults(db, manager, rfm, page)],
      ["one account's latest results (4 runs)", () => latestResultsOfAccount(db, admin, someone!.id)],
      ["compare two matrix runs", () => groupsOfTwoRuns(db, admin, matrix, matrixAgain)],
      ["groups of a run (a selection's facts)", () => resultsOfRun(db, admin, rfm, { clv: false })],
      ["50 accounts in a run", () => accountsInRun(db, admin, matrix, [someone!.id])],
      ["matrix run as CSV, every result (director)", () => exported(admin, matrixRow)],
      ["rfm run as CSV (account manager, ~1% of accounts)", () => exported(manager, rfmRow)],
    ];
    const rows: Array<[string, string]> = [];
    for (const [name, read] of reads) {
      const ms = await timed(read);
      log(`  ${name}: ${fmt(ms, 1)} ms`);
      rows.push([name, fmt(ms, 1)]);
    }
    console.log(`\n${engine}, ${fmt(spec.accounts)} accounts, runs of ${fmt(spec.accounts)} results (load average before: ${fmt(loadBefore, 2)}); median of ${REPEATS}`);
    console.log(table(["read", "ms"], rows));
  } finally {
    await db.close();
    await target.drop();
  }
}

for (const engine of options.engines) await measure(engine);
