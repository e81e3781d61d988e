import { PGlite } from "@electric-sql/pglite";
import { createDatabase, migrate, newId } from "@openkam/db";
import { formatDay, parseDay } from "@openkam/domain";
import { cpSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { databaseUrl } from "./options";
import { fmt, log } from "./report";
import { admin, alive, BENCH_DATA } from "./seeded";

/**
 * Synthetic order books for the identification benchmarks: N orders over A accounts over the three
 * years ending on a fixed date, with a Pareto-shaped revenue distribution, per-account trends and a
 * few credit notes. The same seed gives the same orders, so the CSV file, the PostgreSQL template
 * and the PGlite folder hold the same data and can be cached between runs.
 */
export interface OrdersSpec {
  orders: number;
  accounts: number;
  seed: number;
}

/** A fixed analysis date keeps the data (and the caches) the same from one day to the next. */
export const SYNTHETIC_AS_OF = "2026-06-30";
const HISTORY_DAYS = 3 * 365;
/** Pareto shape of account sizes: 1.16 is the classic 80/20. */
const PARETO_SHAPE = 1.16;
const MAX_SIZE = 20_000;
const CREDIT_NOTE_SHARE = 0.03;
const CHUNK = 65_536;

export function specOf(orders: number, accounts = 100_000, seed = 1): OrdersSpec {
  if (!Number.isInteger(orders) || orders < 1 || !Number.isInteger(accounts) || accounts < 1) throw new Error(`bad order book: ${orders} orders, ${accounts} accounts`);
  return { orders, accounts, seed };
}

const nameOf = (spec: OrdersSpec) => `orders-${spec.orders}-a${spec.accounts}-s${spec.seed}`;

// ---------------------------------------------------------------- random numbers

/** mulberry32: small, fast and good enough for synthetic data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export function normal(random: () => number): number {
  const u = 1 - random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** Walker's alias table: draws an index with probability proportional to its weight in O(1). */
function aliasTable(weights: Float64Array): (random: () => number) => number {
  const n = weights.length;
  const total = weights.reduce((s, w) => s + w, 0);
  const prob = new Float64Array(n);
  const alias = new Int32Array(n);
  const scaled = Float64Array.from(weights, (w) => (w * n) / total);
  const small: number[] = [];
  const large: number[] = [];
  scaled.forEach((p, i) => (p < 1 ? small : large).push(i));
  while (small.length && large.length) {
    const s = small.pop()!;
    const l = large.pop()!;
    prob[s] = scaled[s]!;
    alias[s] = l;
    scaled[l] = scaled[l]! + scaled[s]! - 1;
    (scaled[l]! < 1 ? small : large).push(l);
  }
  for (const i of [...small, ...large]) prob[i] = 1;
  return (random) => {
    const i = Math.floor(random() * n);
    return random() < prob[i]! ? i : alias[i]!;
  };
}

// ---------------------------------------------------------------- the orders

export interface OrderChunk {
  length: number;
  /** Account index, 0-based. */
  account: Int32Array;
  /** Day number (days since 1970-01-01). */
  day: Int32Array;
  /** Signed amount in cents; negative for credit notes. */
  cents: Float64Array;
}

/**
 * The orders in date order (as they would have arrived), in chunks whose buffers are reused.
 * Account sizes follow a Pareto law; larger accounts order more often and more per order. Each
 * account has a trend over the three years (-80% … +80%), so some grow, some shrink and some go quiet.
 */
export function* generateOrders(spec: OrdersSpec): Generator<OrderChunk> {
  const random = seededRandom(spec.seed);
  const size = new Float64Array(spec.accounts);
  const trend = new Float64Array(spec.accounts);
  const meanCents = new Float64Array(spec.accounts);
  for (let i = 0; i < spec.accounts; i++) {
    size[i] = Math.min(MAX_SIZE, (1 - random()) ** (-1 / PARETO_SHAPE));
    trend[i] = (random() * 2 - 1) * 0.8;
    meanCents[i] = 20_000 * size[i]! ** 0.3;
  }
  const draw = aliasTable(Float64Array.from(size, (s) => s ** 0.7));
  const first = parseDay(SYNTHETIC_AS_OF)! - HISTORY_DAYS + 1;
  const chunk: OrderChunk = { length: 0, account: new Int32Array(CHUNK), day: new Int32Array(CHUNK), cents: new Float64Array(CHUNK) };
  for (let k = 0; k < spec.orders; k++) {
    const t = k / spec.orders;
    let a = draw(random);
    // Rejection sampling applies the account's trend at this point in time.
    while (random() * 1.8 > 1 + trend[a]! * (2 * t - 1)) a = draw(random);
    const value = meanCents[a]! * Math.exp(0.6 * normal(random) - 0.18);
    const credit = random() < CREDIT_NOTE_SHARE;
    chunk.account[chunk.length] = a;
    chunk.day[chunk.length] = first + Math.floor(t * HISTORY_DAYS);
    chunk.cents[chunk.length] = credit ? -Math.max(100, Math.round(value * 0.2)) : Math.max(100, Math.round(value));
    if (++chunk.length === CHUNK) {
      yield chunk;
      chunk.length = 0;
    }
  }
  if (chunk.length > 0) yield chunk;
}

const customerIdOf = (i: number) => `C${String(i + 1).padStart(6, "0")}`;
const hex12 = (n: number) => n.toString(16).padStart(12, "0");
/** Deterministic, time-ordered-looking ids, so the caches hold the same rows whatever the run. */
const accountUuidOf = (i: number) => `0195a000-0000-7000-8000-${hex12(i + 1)}`;
const orderUuidOf = (k: number) => `0195b000-0000-7000-8000-${hex12(k + 1)}`;

function money(cents: number): string {
  const abs = Math.abs(cents);
  const c = abs % 100;
  return `${cents < 0 ? "-" : ""}${Math.floor(abs / 100)}.${c < 10 ? "0" : ""}${c}`;
}

/** Day strings by day number, computed once per day rather than once per order. */
function dayFormatter(): (day: number) => string {
  const cache = new Map<number, string>();
  return (day) => {
    let text = cache.get(day);
    if (text === undefined) cache.set(day, (text = formatDay(day)));
    return text;
  };
}

// ---------------------------------------------------------------- CSV

async function writeLines(path: string, lines: Iterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for (const text of lines) {
    if (!out.write(text)) await new Promise<void>((r) => out.once("drain", () => r()));
  }
  await new Promise<void>((r, reject) => out.end((error?: Error | null) => (error ? reject(error) : r())));
}

function* csvChunks(spec: OrdersSpec): Generator<string> {
  const day = dayFormatter();
  yield "customer_id,order_date,amount\n";
  for (const c of generateOrders(spec)) {
    let text = "";
    for (let i = 0; i < c.length; i++) text += `${customerIdOf(c.account[i]!)},${day(c.day[i]!)},${money(c.cents[i]!)}\n`;
    yield text;
  }
}

/** The orders as a CSV file (customer_id,order_date,amount), cached under .bench-data/. */
export async function syntheticOrdersCsv(spec: OrdersSpec, fresh = false): Promise<string> {
  const path = resolve(BENCH_DATA, `${nameOf(spec)}.csv`);
  if (!fresh && existsSync(path)) return path;
  mkdirSync(BENCH_DATA, { recursive: true });
  const started = performance.now();
  const partial = `${path}.${process.pid}.partial`;
  await writeLines(partial, csvChunks(spec));
  renameSync(partial, path);
  log(`wrote ${path} (${fmt(spec.orders)} orders) in ${fmt((performance.now() - started) / 1000, 1)} s`);
  return path;
}

// ---------------------------------------------------------------- databases

export interface LoadedOrders {
  spec: OrdersSpec;
  orgId: string;
  asOf: string;
  loadedAt: string;
  loadSeconds: number;
}

/** What a bulk load needs from an engine: plain statements, and COPY … FROM STDIN fed with text. */
interface BulkTarget {
  exec(text: string): Promise<void>;
  query<T>(text: string): Promise<T[]>;
  copy(statement: string, chunks: Iterable<string>): Promise<void>;
}

function* accountRows(spec: OrdersSpec, orgId: string): Generator<string> {
  for (let start = 0; start < spec.accounts; start += CHUNK) {
    let text = "";
    for (let i = start; i < Math.min(spec.accounts, start + CHUNK); i++) text += `${orgId}\t${accountUuidOf(i)}\tAccount ${i + 1}\taccount ${i + 1}\tCNY\t${customerIdOf(i)}\n`;
    yield text;
  }
}

function* orderRows(spec: OrdersSpec, orgId: string): Generator<string> {
  const day = dayFormatter();
  let k = 0;
  for (const c of generateOrders(spec)) {
    let text = "";
    for (let i = 0; i < c.length; i++, k++) text += `${orgId}\t${orderUuidOf(k)}\t${accountUuidOf(c.account[i]!)}\t${day(c.day[i]!)}\tCNY\t${money(c.cents[i]!)}\n`;
    yield text;
  }
}

/** Loads a fresh organization (accounts first, for the foreign keys), building the orders' secondary indexes after the COPY. */
async function loadInto(target: BulkTarget, spec: OrdersSpec): Promise<LoadedOrders> {
  const started = performance.now();
  const orgId = newId();
  await target.exec(`insert into organizations (id, name, default_currency) values ('${orgId}', 'Bench orders ${orgId}', 'CNY')`);
  await target.copy("copy accounts (org_id, id, name, name_key, currency, external_id) from stdin", accountRows(spec, orgId));
  log(`  ${fmt(spec.accounts)} accounts loaded`);
  const indexes = await target.query<{ indexname: string; indexdef: string }>(
    `select i.relname as indexname, pg_get_indexdef(x.indexrelid) as indexdef from pg_index x
       join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
     where t.relname = 'orders' and not exists (select 1 from pg_constraint c where c.conindid = x.indexrelid)`,
  );
  for (const ix of indexes) await target.exec(`drop index ${ix.indexname}`);
  await target.copy("copy orders (org_id, id, account_id, order_date, currency, amount) from stdin", orderRows(spec, orgId));
  log(`  ${fmt(spec.orders)} orders loaded after ${fmt((performance.now() - started) / 1000, 1)} s; building ${indexes.length} indexes`);
  for (const ix of indexes) await target.exec(ix.indexdef);
  await target.exec("vacuum analyze");
  const loadSeconds = (performance.now() - started) / 1000;
  log(`  loaded in ${fmt(loadSeconds, 1)} s`);
  return { spec, orgId, asOf: SYNTHETIC_AS_OF, loadedAt: new Date().toISOString(), loadSeconds };
}

function postgresTarget(client: pg.Client): BulkTarget {
  return {
    exec: async (text) => void (await client.query(text)),
    query: async <T>(text: string) => (await client.query(text)).rows as T[],
    async copy(statement, chunks) {
      const stream = client.query(copyFrom(statement));
      const done = new Promise<void>((r, reject) => {
        stream.on("finish", () => r());
        stream.on("error", reject);
      });
      for (const text of chunks) {
        if (!stream.write(text)) await new Promise<void>((r) => stream.once("drain", () => r()));
      }
      stream.end();
      await done;
    },
  };
}

/** Brings a copy of a cached database up to the current migrations (a cache may predate the newest). */
async function migrated(config: Parameters<typeof createDatabase>[0]): Promise<void> {
  const db = await createDatabase(config);
  try {
    await migrate(db);
  } finally {
    await db.close();
  }
}

/**
 * A scratch PostgreSQL database holding the order book. The loaded state is kept as a template
 * database between runs; each run works on its own copy and drops it.
 */
export async function syntheticPostgresDatabase(spec: OrdersSpec, fresh: boolean): Promise<{ url: string; info: LoadedOrders; drop: () => Promise<void> }> {
  const template = `openkam_bench_${nameOf(spec).replace(/-/g, "_")}_template`;
  await admin(async (c) => {
    const { rows } = await c.query<{ datname: string }>("select datname from pg_database where datname ~ '^openkam_bench_orders_run_[0-9]+$'");
    for (const { datname } of rows) if (!alive(Number(datname.split("_").at(-1)))) await c.query(`drop database if exists ${datname} with (force)`);
  });
  let info = await admin(async (c) => {
    const { rows } = await c.query<{ note: string | null }>("select shobj_description(oid, 'pg_database') as note from pg_database where datname = $1", [template]);
    return rows[0]?.note ? (JSON.parse(rows[0].note) as LoadedOrders) : undefined;
  });
  if (info && !fresh) {
    log(`postgres: reusing template database ${template} (loaded ${info.loadedAt}; --fresh rebuilds it)`);
  } else {
    log(`postgres: loading ${fmt(spec.orders)} orders over ${fmt(spec.accounts)} accounts into ${template}`);
    await admin(async (c) => {
      await c.query(`drop database if exists ${template} with (force)`);
      await c.query(`create database ${template}`);
    });
    const db = await createDatabase({ url: databaseUrl(template), maxConnections: 2 });
    await migrate(db);
    await db.close();
    const client = new pg.Client({ connectionString: databaseUrl(template) });
    await client.connect();
    try {
      info = await loadInto(postgresTarget(client), spec);
    } finally {
      await client.end();
    }
    await admin((c) => c.query(`comment on database ${template} is ${pg.escapeLiteral(JSON.stringify(info))}`));
  }
  const name = `openkam_bench_orders_run_${process.pid}`;
  await admin(async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name} template ${template}`);
  });
  await migrated({ url: databaseUrl(name), maxConnections: 1 });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await admin((c) => c.query(`drop database if exists ${name} with (force)`));
  };
  return { url: databaseUrl(name), info: info!, drop };
}

/** COPY rows per blob: PGlite reads the whole blob into memory, so a bounded batch keeps it small. */
const PGLITE_COPY_ROWS = 4 * CHUNK;

function pgliteTarget(db: PGlite): BulkTarget {
  return {
    exec: async (text) => void (await db.exec(text)),
    query: async <T>(text: string) => (await db.query<T>(text)).rows,
    async copy(statement, chunks) {
      const blobStatement = statement.replace(/from stdin$/, "from '/dev/blob'");
      let parts: string[] = [];
      const flush = async () => {
        if (parts.length === 0) return;
        await db.query(blobStatement, [], { blob: new Blob(parts) });
        parts = [];
      };
      for (const text of chunks) {
        parts.push(text);
        if (parts.length * CHUNK >= PGLITE_COPY_ROWS) await flush();
      }
      await flush();
    },
  };
}

/** A PGlite data folder holding the order book, cached under .bench-data/; each run gets a copy of it, since runs write results. */
export async function syntheticPgliteDir(spec: OrdersSpec, fresh: boolean): Promise<{ dataDir: string; info: LoadedOrders; drop: () => void }> {
  const cached = resolve(BENCH_DATA, `pglite-${nameOf(spec)}`);
  const marker = `${cached}.json`;
  let info: LoadedOrders | undefined;
  if (!fresh && existsSync(marker)) {
    info = JSON.parse(readFileSync(marker, "utf8")) as LoadedOrders;
    log(`embedded: reusing ${cached} (loaded ${info.loadedAt}; --fresh rebuilds it)`);
  } else {
    rmSync(marker, { force: true });
    rmSync(cached, { recursive: true, force: true });
    mkdirSync(cached, { recursive: true });
    log(`embedded: loading ${fmt(spec.orders)} orders over ${fmt(spec.accounts)} accounts into ${cached}`);
    const db = await createDatabase({ dataDir: cached });
    await migrate(db);
    await db.close();
    const lite = new PGlite(resolve(cached, "pgdata"));
    try {
      info = await loadInto(pgliteTarget(lite), spec);
    } finally {
      await lite.close();
    }
    writeFileSync(marker, JSON.stringify(info, null, 2));
  }
  const dataDir = join(mkdtempSync(join(tmpdir(), "openkam-bench-orders-")), "data");
  cpSync(cached, dataDir, { recursive: true });
  await migrated({ dataDir });
  return { dataDir, info, drop: () => rmSync(resolve(dataDir, ".."), { recursive: true, force: true }) };
}
