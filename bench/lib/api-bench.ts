import { createDatabase, type DatabaseConfig } from "@openkam/db";
import { buildApp } from "@openkam/server";
import { sql } from "drizzle-orm";
import { mkdirSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { dataStatements, openRecordingDatabase, type Statement } from "./capture";
import { startServer, type RunningServer } from "./child";
import { waitForQuiet, warmAndLoad, type LoadResult } from "./load";
import type { BenchOptions } from "./options";
import { fmt, log, table } from "./report";
import { BENCH_DATA, seededPgliteDir, seededPostgresDatabase, type SeedInfo } from "./seeded";
import type { BareRoute } from "./serve-bare";
import { createBenchToken, dropBenchTokens, type BenchActor } from "./token";

type Role = "admin" | "account_manager";

/** One route to measure: the real path, and whether it needs an account id. */
export interface RouteSpec {
  name: string;
  /** The path for one account id (ignored when the route takes none). */
  path: (accountId: string) => string;
  perAccount: boolean;
  roles: Role[];
}

export interface Measurement {
  engine: "postgres" | "pglite";
  route: string;
  role: Role;
  /** Statements per request in the real app, authentication included. */
  queries: number;
  ours: LoadResult;
  bare: LoadResult;
}

/** Goals from the platform issue: p99 < 50 ms (PostgreSQL mode) and at least half the bare route's throughput. */
export const GOALS = { p99Ms: 50, minRatio: 0.5 };

interface Prepared {
  spec: RouteSpec;
  role: Role;
  actor: BenchActor;
  paths: string[];
  barePaths: string[];
  bare: BareRoute;
  queries: number;
}

/** Runs each route once through the real app on a recording driver: checks it answers 200 and keeps its SQL for the bare route. */
async function prepare(target: { url: string } | { dataDir: string }, specs: RouteSpec[]): Promise<Prepared[]> {
  const db = await openRecordingDatabase(target);
  try {
    await dropBenchTokens(db);
    const actors = new Map<Role, BenchActor>();
    for (const role of new Set(specs.flatMap((s) => s.roles))) actors.set(role, await createBenchToken(db, role));
    const app = await buildApp({ database: db, config: { runJobs: false } });
    await app.ready();
    // In server mode the credential cache turns on once its LISTEN connection is up; count statements as served.
    if (db.listen) await new Promise((resolve) => setTimeout(resolve, 500));
    const prepared: Prepared[] = [];
    for (const spec of specs) {
      for (const role of spec.roles) {
        const actor = actors.get(role)!;
        // A fixed sample of the accounts this actor sees: the Pareto-shaped demo data makes some big, most small.
        const ids = spec.perAccount
          ? (await db.rows<{ id: string }>(sql`select a.id from accounts a where a.org_id = ${actor.orgId} and a.deleted_at is null
              and (${role === "admin"} or exists (select 1 from account_team_members t where t.org_id = a.org_id and t.account_id = a.id and t.user_id = ${actor.userId}))
              order by md5(a.id::text) limit 100`)).map((r) => r.id)
          : ["-"];
        if (ids.length === 0) throw new Error(`${role} sees no accounts`);
        const headers = { authorization: `Bearer ${actor.token}` };
        const url = spec.path(ids[0]!);
        await app.inject({ method: "GET", url, headers });
        const { result: res, statements } = await db.record(() => app.inject({ method: "GET", url, headers }));
        if (res.statusCode === 404 && res.body.includes("No route")) {
          log(`  ${spec.name}: the route ${url} does not exist yet; skipped`);
          continue;
        }
        if (res.statusCode !== 200) throw new Error(`${url} as ${role} answered ${res.statusCode}: ${res.body.slice(0, 300)}`);
        const data: Statement[] = dataStatements(statements);
        log(`  ${spec.name} as ${role}: ${statements.length} statements per request (${statements.length - data.length} for authentication), ${fmt(res.body.length)} bytes`);
        if (process.env.BENCH_SHOW_SQL) for (const s of statements) log(`    ${s.inTransaction ? "[tx] " : ""}${s.text.replace(/\s+/g, " ")}`);
        prepared.push({
          spec, role, actor, queries: statements.length,
          paths: ids.map((id) => spec.path(id)),
          barePaths: ids.map((id) => `/bare/${spec.name}-${role}${spec.perAccount ? `/${id}` : ""}`),
          bare: { name: `${spec.name}-${role}`, statements: data, ...(spec.perAccount ? { capturedId: ids[0] } : {}) },
        });
      }
    }
    await app.close();
    return prepared;
  } finally {
    await db.close();
  }
}

async function measureEngine(engine: "postgres" | "pglite", specs: RouteSpec[], options: BenchOptions): Promise<{ results: Measurement[]; info: SeedInfo }> {
  let database: DatabaseConfig;
  let info: SeedInfo;
  let cleanup: () => Promise<void>;
  if (engine === "postgres") {
    const seeded = await seededPostgresDatabase(options.scale, options.fresh);
    database = { url: seeded.url };
    info = seeded.info;
    cleanup = seeded.drop;
  } else {
    const seeded = await seededPgliteDir(options.scale, options.fresh);
    database = { dataDir: seeded.dataDir };
    info = seeded.info;
    cleanup = async () => {
      const db = await createDatabase({ dataDir: seeded.dataDir });
      await dropBenchTokens(db);
      await db.close();
    };
  }
  const results: Measurement[] = [];
  try {
    const prepared = await prepare(database as { url: string } | { dataDir: string }, specs);
    if (prepared.length === 0) return { results, info };
    const warm = options.quick ? 1 : 3;
    const run = async (server: RunningServer, paths: string[], headers?: Record<string, string>) => {
      await waitForQuiet(options.waitQuiet);
      return warmAndLoad({ baseUrl: server.url, cpuMicros: server.cpuMicros, paths, headers, connections: options.connections, seconds: options.seconds }, warm);
    };

    // One server at a time: the embedded database admits one process, and on a small machine they would compete.
    const bare = await startServer("serve-bare.ts", { database, routes: prepared.map((p) => p.bare) });
    const bareResults: LoadResult[] = [];
    try {
      for (const p of prepared) {
        bareResults.push(await run(bare, p.barePaths));
        log(`  bare ${p.bare.name} (${engine}): ${fmt(bareResults.at(-1)!.rps)} req/s`);
      }
    } finally {
      await bare.stop();
    }
    const ours = await startServer("serve-app.ts", { database });
    try {
      for (const [i, p] of prepared.entries()) {
        const result = await run(ours, p.paths, { authorization: `Bearer ${p.actor.token}` });
        log(`  openkam ${p.bare.name} (${engine}): ${fmt(result.rps)} req/s`);
        results.push({ engine, route: p.spec.name, role: p.role, queries: p.queries, ours: result, bare: bareResults[i]! });
      }
    } finally {
      await ours.stop();
    }
  } finally {
    await cleanup();
  }
  return { results, info };
}

const cpu = (r: LoadResult) => (r.cpuPerRequest === null ? "-" : fmt(r.cpuPerRequest));
/** When the Node process is the bottleneck, throughput ratio ≈ the inverse ratio of CPU per request; unlike req/s, it holds on a busy machine. */
const cpuRatio = (m: Measurement) =>
  m.ours.cpuPerRequest && m.bare.cpuPerRequest ? `${fmt((m.bare.cpuPerRequest / m.ours.cpuPerRequest) * 100)}%` : "-";

function verdict(m: Measurement): string {
  const ratio = m.ours.rps / m.bare.rps;
  const notes: string[] = [];
  if (m.ours.failures > 0 || m.bare.failures > 0) notes.push(`FAILED REQUESTS ours ${m.ours.failures} bare ${m.bare.failures}`);
  if (m.engine === "postgres") notes.push(m.ours.p99 < GOALS.p99Ms ? "p99 ok" : "p99 MISSED");
  notes.push(ratio >= GOALS.minRatio ? "ratio ok" : "ratio MISSED");
  return notes.join(", ");
}

/** Measures the routes on each engine, ours beside bare, and prints the table (also written to .bench-data/results/). */
export async function runApiBench(title: string, specs: RouteSpec[], options: BenchOptions): Promise<Measurement[]> {
  log(`${title}: scale ${options.scale}, ${options.connections} connections, ${options.seconds} s per run${options.quick ? " (quick)" : ""}`);
  const all: Measurement[] = [];
  const seeds: Record<string, SeedInfo> = {};
  for (const engine of options.engines) {
    log(`${engine}:`);
    const { results, info } = await measureEngine(engine, specs, options);
    all.push(...results);
    seeds[engine] = info;
  }
  const rows = all.map((m) => [
    `${m.engine} ${m.route} (${m.role})`, m.queries,
    fmt(m.ours.rps), fmt(m.ours.p50), fmt(m.ours.p99),
    fmt(m.bare.rps), fmt(m.bare.p50), fmt(m.bare.p99),
    `${fmt((m.ours.rps / m.bare.rps) * 100)}%`, cpu(m.ours), cpu(m.bare), cpuRatio(m), `${fmt(m.ours.loadBefore, 1)} / ${fmt(m.bare.loadBefore, 1)}`, verdict(m),
  ]);
  const headers = ["engine route (role)", "queries", "req/s", "p50 ms", "p99 ms", "bare req/s", "bare p50", "bare p99", "ours/bare", "CPU µs/req", "bare CPU µs/req", "bare/ours CPU", "load before", "goals"];
  console.log(`\n${title}\n${table(headers, rows)}\n`);
  mkdirSync(resolve(BENCH_DATA, "results"), { recursive: true });
  writeFileSync(resolve(BENCH_DATA, "results", `${title.replace(/[^a-z0-9]+/gi, "-")}.json`), JSON.stringify({ options, seeds, results: all, at: new Date().toISOString() }, null, 2));
  return all;
}
