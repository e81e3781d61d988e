// node --import tsx bench/identify-run.ts [--orders 1000000] [--accounts 100000] [--engine postgres|pglite] [--quick] [--fresh] [--wait-quiet N]
//
// Times a full key-account identification (RFM, Pareto, matrix and selection runs, each created by
// the analytics service and executed by the run executor the job handler calls, results written)
// over a synthetic order book, per kind and in total, next to the same RFM as one hand-tuned DuckDB
// query over the same orders (read from the CSV into a DuckDB table first; the query is timed alone). The
// identification runs twice: cold (the process reads the order book first) and warm (it has it in memory).
// --quick: 100,000 orders. Goal (identification issue): the full run within 3× of DuckDB's RFM at
// 10,000,000 orders in PostgreSQL mode.
import { createDatabase, newId, type Database } from "@openkam/db";
import type { Scope } from "@openkam/server";
import { OrderBookCache } from "@openkam/server/modules/analytics/order-book-cache";
import { insertOrder } from "@openkam/server/modules/orders/orders.repository";
import { emptyRunPhases, type RunPhases } from "@openkam/server/modules/analytics/index";
import { sql } from "drizzle-orm";
import { writeFileSync } from "node:fs";
import { loadavg } from "node:os";
import { resolve } from "node:path";
import { DUCKDB_MISSING, duckdbRfmSql, loadDuckDb, readCsvSource } from "./lib/duckdb-rfm";
import { numberFlag } from "./lib/flags";
import { identify, type KindRun } from "./lib/identification";
import { waitForQuiet } from "./lib/load";
import { parseBenchOptions } from "./lib/options";
import { fmt, log, table } from "./lib/report";
import { BENCH_DATA } from "./lib/seeded";
import { specOf, SYNTHETIC_AS_OF, syntheticOrdersCsv, syntheticPgliteDir, syntheticPostgresDatabase, type OrdersSpec } from "./lib/synthetic-orders";

const options = parseBenchOptions();
const spec = specOf(numberFlag("orders", options.quick ? 100_000 : 1_000_000), numberFlag("accounts", 100_000));
const GOAL_RATIO = 3;
const GOAL_ORDERS = 10_000_000;
const LOOKBACK_DAYS = 365;
const seconds = (started: number) => (performance.now() - started) / 1000;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

interface DuckResult {
  readCsvSeconds: number;
  /** Median of three timed runs after a warm-up. */
  rfmSeconds: number;
  customers: number;
  loadBefore: number;
}

async function measureDuckdb(csv: string, asOf: string): Promise<DuckResult | null> {
  const duckdb = await loadDuckDb();
  if (!duckdb) {
    log(DUCKDB_MISSING);
    return null;
  }
  await waitForQuiet(options.waitQuiet);
  const loadBefore = loadavg()[0]!;
  const instance = await duckdb.DuckDBInstance.create(":memory:");
  const connection = await instance.connect();
  try {
    let started = performance.now();
    await connection.run(`create table orders as select * from ${readCsvSource(csv)}`);
    const readCsvSeconds = seconds(started);
    const query = duckdbRfmSql({ source: "orders", asOf, lookbackDays: LOOKBACK_DAYS });
    let customers = (await connection.runAndReadAll(query)).currentRowCount;
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      started = performance.now();
      customers = (await connection.runAndReadAll(query)).currentRowCount;
      times.push(seconds(started));
    }
    return { readCsvSeconds, rfmSeconds: median(times), customers, loadBefore };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

const PHASES = ["orderBook", "aggregate", "score", "excluded", "write"] as const satisfies ReadonlyArray<keyof RunPhases>;

interface Identification {
  /**
   * cold: the process has not read the organization's order book yet; warm: it has, and the orders did not change;
   * "one new order": an order was added since (through the orders repository, as the API does), so the first run brings
   * the book up to date.
   */
  state: "cold" | "warm" | "one new order";
  kinds: KindRun[];
  totalSeconds: number;
}

interface EngineResult {
  engine: "postgres" | "pglite";
  loadBefore: number;
  loadSeconds: number;
  /** Reading the order book from every order, and storing it as the snapshot (what the first run after a seed pays once). */
  orderBookSeconds: number;
  /** Reading it from the stored snapshot (what the first run of a new or restarted process pays once). */
  snapshotReadSeconds: number;
  identifications: Identification[];
}

async function addOneOrder(db: Database, scope: Scope): Promise<void> {
  const [account] = await db.rows<{ id: string }>(sql`select id from accounts where org_id = ${scope.orgId} order by id limit 1 offset 777`);
  await db.transaction((tx) => insertOrder(tx, scope, { id: newId(), accountId: account!.id, orderDate: "2026-06-01", currency: "CNY", amount: "1234.50", status: "confirmed" }));
}

async function measureEngine(engine: "postgres" | "pglite", orders: OrdersSpec): Promise<EngineResult> {
  const target = engine === "postgres" ? await syntheticPostgresDatabase(orders, options.fresh) : await syntheticPgliteDir(orders, options.fresh);
  const db = await createDatabase("url" in target ? { url: target.url, maxConnections: 4 } : { dataDir: target.dataDir });
  try {
    const { orgId, asOf } = target.info;
    const scope: Scope = { orgId, userId: null, role: "admin", tokenId: null };
    await waitForQuiet(options.waitQuiet);
    const loadBefore = loadavg()[0]!;
    log(`${engine}: identification run over ${fmt(orders.orders)} orders (load ${fmt(loadBefore, 2)})`);
    // The order book read alone, by caches of their own: the runs below still start cold. The first read packs every
    // order and stores the book as the snapshot, which the second read (a new process's) and the cold runs read.
    const read = await new OrderBookCache().get(db, scope);
    log(`  order book read alone, from every order and stored: ${fmt(read.seconds, 2)} s, ${fmt(read.book.orders)} orders (${read.wholeFrom})`);
    const restarted = await new OrderBookCache().get(db, scope);
    log(`  order book read alone, from the stored snapshot: ${fmt(restarted.seconds, 2)} s, ${fmt(restarted.book.orders)} orders (${restarted.wholeFrom})`);
    const identifications: Identification[] = [];
    for (const state of ["cold", "warm", "one new order"] as const) {
      if (state === "one new order") await addOneOrder(db, scope);
      log(`  identification, ${state}:`);
      const { kinds, seconds } = await identify(db, orgId, asOf, (k) => {
        log(`  ${k.kind}: ${fmt(k.seconds, 2)} s, ${fmt(k.accounts)} accounts (${PHASES.map((p) => `${p} ${fmt(k.phases[p], 2)}`).join(", ")}; the pass went over ${fmt(k.phases.passAccounts)} accounts)`);
      });
      identifications.push({ state, kinds, totalSeconds: seconds });
    }
    return { engine, loadBefore, loadSeconds: target.info.loadSeconds, orderBookSeconds: read.seconds, snapshotReadSeconds: restarted.seconds, identifications };
  } finally {
    await db.close();
    await target.drop();
  }
}

function goalCell(engine: EngineResult["engine"], kind: string, ratio: number): string {
  if (kind !== "total") return "";
  if (engine !== "postgres") return `reported (goal applies to PostgreSQL)`;
  const verdict = ratio <= GOAL_RATIO ? "within" : "over";
  return spec.orders >= GOAL_ORDERS ? `≤ ${GOAL_RATIO}×: ${verdict === "within" ? "met" : "missed"}` : `≤ ${GOAL_RATIO}× at 10M (${verdict} at ${fmt(spec.orders / 1e6, 1)}M)`;
}

const csv = await syntheticOrdersCsv(spec, options.fresh);
log(`${fmt(spec.orders)} orders over ${fmt(spec.accounts)} accounts, as of ${SYNTHETIC_AS_OF}; ${csv}`);
const engines: EngineResult[] = [];
for (const engine of options.engines) engines.push(await measureEngine(engine, spec));
const duck = await measureDuckdb(csv, SYNTHETIC_AS_OF);
if (duck) log(`DuckDB: read_csv into a table ${fmt(duck.readCsvSeconds, 2)} s; RFM query ${fmt(duck.rfmSeconds, 3)} s (median of 3), ${fmt(duck.customers)} customers (load ${fmt(duck.loadBefore, 2)})`);

for (const e of engines) {
  for (const identification of e.identifications) {
    console.log(`\n${e.engine}, ${fmt(spec.orders)} orders, ${fmt(spec.accounts)} accounts, ${identification.state} (load average before: ${fmt(e.loadBefore, 2)}; order book read alone: from every order and stored ${fmt(e.orderBookSeconds, 2)} s, from the snapshot ${fmt(e.snapshotReadSeconds, 2)} s)\n`);
    const total = emptyRunPhases();
    for (const k of identification.kinds) for (const p of PHASES) total[p] += k.phases[p];
    const rows = [...identification.kinds, { kind: "total", seconds: identification.totalSeconds, accounts: 0, phases: total }].map((k) => {
      const phases = PHASES.map((p) => fmt(k.phases[p], 2));
      if (!duck) return [k.kind, fmt(k.seconds, 2), ...phases, "-", "-", "-"];
      const ratio = k.seconds / duck.rfmSeconds;
      return [k.kind, fmt(k.seconds, 2), ...phases, fmt(duck.rfmSeconds, 3), `${fmt(ratio, 1)}×`, goalCell(e.engine, k.kind, ratio)];
    });
    console.log(table(["kind", "seconds", ...PHASES.map((p) => `${p} s`), "DuckDB RFM s", "ratio", "goal"], rows));
  }
}
writeFileSync(resolve(BENCH_DATA, "identify-run-last.json"), JSON.stringify({ spec, at: new Date().toISOString(), duckdb: duck, engines }, null, 2));
