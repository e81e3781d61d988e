// node --import tsx bench/import-orders.ts [--rows N] [--embedded-rows N] [--quick] [--engine postgres|pglite] [--mode valid-rows|all-or-nothing|both]
//
// Imports an orders CSV of N rows (one row per order line, 1-5 lines per order;
// default 1,000,000) for an organization with 1,000 accounts and 200 products, and
// reports rows/s and peak RSS in PostgreSQL mode (DATABASE_URL, default
// postgres://postgres@127.0.0.1:5432/test; a scratch database is created and
// dropped) and embedded mode (a temporary data folder), next to the same rows
// loaded with PostgreSQL COPY into the same tables: the ceiling. The import is
// the real command, `openkam import orders <file> --org ... --mode ...`, timed
// from its start to its exit; its peak RSS is the kernel's high-water mark of
// that process (VmHWM).
import { createDatabase, migrate, newId, type Database } from "@openkam/db";
import { sql } from "drizzle-orm";
import { spawn, spawnSync } from "node:child_process";
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pipeline } from "node:stream/promises";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

const ACCOUNTS = 1000;
const PRODUCTS = 200;

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const quick = process.argv.includes("--quick");
const rows = Number(flag("rows") ?? (quick ? 100_000 : 1_000_000));
const embeddedRows = Number(flag("embedded-rows") ?? rows);
const engine = flag("engine");
const modeFlag = flag("mode") ?? "valid-rows";
const serverUrl = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";

/** A deterministic orders file: order o has 1 + (o mod 5) lines, prices with cents. */
async function writeOrdersCsv(path: string, n: number): Promise<void> {
  const out = createWriteStream(path);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once("drain", () => r())));
  await write("external_id,account_external_id,order_date,currency,amount,status,notes,line_no,sku,quantity,unit_price\n");
  let written = 0;
  let buf = "";
  for (let o = 1; written < n; o++) {
    const lines = Math.min(1 + (o % 5), n - written);
    const day = new Date(Date.UTC(2022, 0, 1) + (o % 1095) * 86_400_000).toISOString().slice(0, 10);
    for (let l = 1; l <= lines; l++) {
      buf += `ORD-${o},ACC-${1 + (o % ACCOUNTS)},${day},CNY,,confirmed,,${l},SKU-${1 + ((o * 7 + l) % PRODUCTS)},${1 + ((o + l) % 20)},${(10 + ((o * 13 + l) % 9000) / 100).toFixed(2)}\n`;
      written++;
    }
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = "";
    }
  }
  await write(buf);
  out.end();
  await new Promise<void>((r) => out.on("close", () => r()));
}

async function seedOrg(db: Database): Promise<string> {
  const orgId = newId();
  await db.rows(sql`insert into organizations (id, name) values (${orgId}, ${orgName(orgId)})`);
  // Latin names: their sort key is the name in lower case (nameOrderKey).
  await db.rows(sql`insert into accounts (org_id, id, name, name_key, currency, external_id)
    select ${orgId}::uuid, gen_random_uuid(), 'Account ' || g, 'account ' || g, 'CNY', 'ACC-' || g from generate_series(1, ${ACCOUNTS}) g`);
  await db.rows(sql`insert into products (org_id, id, sku, name, name_key) select ${orgId}::uuid, gen_random_uuid(), 'SKU-' || g, 'Product ' || g, 'product ' || g from generate_series(1, ${PRODUCTS}) g`);
  return orgId;
}

const orgName = (orgId: string) => `Bench ${orgId}`;
const OPENKAM = fileURLToPath(new URL("../packages/cli/bin/openkam.js", import.meta.url));

/** A process's peak RSS so far in MB (the kernel's high-water mark), or 0 once it is gone. */
function highWaterMb(pid: number): number {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : 0;
  } catch {
    return 0;
  }
}

/** Runs `openkam import orders` to its exit: wall seconds, peak RSS and its final counts line. */
function runCli(args: string[], env: NodeJS.ProcessEnv): Promise<{ seconds: number; peakRssMb: number; accepted: number; output: string }> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [OPENKAM, ...args], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    let peak = 0;
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    // VmHWM only grows, so the last reading before exit is the peak up to then.
    const timer = setInterval(() => (peak = Math.max(peak, highWaterMb(child.pid!))), 25);
    child.on("error", reject);
    child.on("exit", (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - started) / 1000;
      const accepted = Number(/accepted (\d+)/.exec(output)?.[1] ?? Number.NaN);
      if (code !== 0) reject(new Error(`openkam import exited with ${code}: ${output.slice(-2000)}`));
      else resolvePromise({ seconds, peakRssMb: peak, accepted, output });
    });
  });
}

async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `openkam_bench_import_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** One measurement, in this (child) process; prints one JSON line. */
async function phase(kind: string, file: string, n: number, mode: "valid-rows" | "all-or-nothing"): Promise<void> {
  const embedded = kind === "embedded";
  const dir = embedded ? mkdtempSync(join(tmpdir(), "openkam-bench-import-")) : null;
  const scratch = embedded ? null : await scratchDatabase();
  let db: Database | null = await createDatabase(dir ? { dataDir: dir } : { url: scratch!.url, maxConnections: 4 });
  try {
    await migrate(db);
    const orgId = await seedOrg(db);
    if (kind === "copy") {
      const seconds = await copyRows(scratch!.url, orgId, file);
      console.log(JSON.stringify({ kind, mode: "COPY", rows: n, seconds, peakRssMb: 0 }));
      return;
    }
    // The command opens the database itself (an embedded data folder admits one process).
    await db.close();
    db = null;
    const where = dir ? ["--data-dir", dir] : [];
    const m = await runCli(["import", "orders", file, "--org", orgName(orgId), "--mode", mode, ...where], dir ? { DATABASE_URL: "" } : { DATABASE_URL: scratch!.url });
    if (m.accepted !== n) throw new Error(`accepted ${m.accepted} of ${n}: ${m.output.slice(-2000)}`);
    console.log(JSON.stringify({ kind, mode, rows: n, seconds: m.seconds, peakRssMb: m.peakRssMb }));
  } finally {
    await db?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await scratch?.drop();
  }
}

/**
 * The ceiling: the same orders and lines, ids and references resolved, in
 * COPY text format, streamed into the same tables. The conversion to COPY
 * files is not timed; only the two COPY statements and their commit are.
 */
async function copyRows(url: string, orgId: string, file: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const accounts = new Map((await client.query<{ external_id: string; id: string }>("select external_id, id from accounts where org_id = $1", [orgId])).rows.map((r) => [r.external_id, r.id]));
  const products = new Map((await client.query<{ sku: string; id: string }>("select sku, id from products where org_id = $1", [orgId])).rows.map((r) => [r.sku, r.id]));
  const { parse } = await import("csv-parse");
  const ordersOut = join(tmpdir(), `bench-orders-${process.pid}.copy`);
  const linesOut = join(tmpdir(), `bench-lines-${process.pid}.copy`);
  const ow = createWriteStream(ordersOut);
  const lw = createWriteStream(linesOut);
  type Pending = { key: string; id: string; account: string; date: string; amount: number };
  let current = null as Pending | null;
  const flushOrder = () => current && ow.write(`${orgId}\t${current.id}\t${current.account}\t${current.date}\tCNY\t${current.amount.toFixed(2)}\tconfirmed\t${current.key}\n`);
  for await (const r of createReadStream(file).pipe(parse({ from_line: 2 })) as AsyncIterable<string[]>) {
    const [key, account, date, , , , , lineNo, sku, qty, price] = r as [string, string, string, string, string, string, string, string, string, string, string];
    if (current?.key !== key) {
      flushOrder();
      current = { key, id: newId(), account: accounts.get(account)!, date, amount: 0 };
    }
    const amount = Math.round(Number(qty) * Number(price) * 100) / 100;
    current.amount += amount;
    if (!lw.write(`${orgId}\t${current.id}\t${lineNo}\t${products.get(sku)}\t${qty}\t${price}\t${amount.toFixed(2)}\n`)) await new Promise<void>((res) => lw.once("drain", () => res()));
  }
  flushOrder();
  await Promise.all([new Promise((r) => ow.end(r)), new Promise((r) => lw.end(r))]);
  try {
    const started = performance.now();
    await client.query("begin");
    await pipeline(createReadStream(ordersOut), client.query(copyFrom("copy orders (org_id, id, account_id, order_date, currency, amount, status, external_id) from stdin")));
    await pipeline(createReadStream(linesOut), client.query(copyFrom("copy order_lines (org_id, order_id, line_no, product_id, quantity, unit_price, amount) from stdin")));
    await client.query("commit");
    return (performance.now() - started) / 1000;
  } finally {
    await client.end();
    rmSync(ordersOut, { force: true });
    rmSync(linesOut, { force: true });
  }
}

async function main() {
  const phaseArg = flag("phase");
  if (phaseArg) {
    const [kind, mode] = phaseArg.split(":") as [string, "valid-rows" | "all-or-nothing"];
    await phase(kind, flag("file")!, Number(flag("n")), mode);
    return;
  }

  const dir = mkdtempSync(join(tmpdir(), "openkam-bench-csv-"));
  const files = new Map<number, string>();
  const fileFor = async (n: number) => {
    if (!files.has(n)) {
      const path = join(dir, `orders-${n}.csv`);
      await writeOrdersCsv(path, n);
      files.set(n, path);
    }
    return files.get(n)!;
  };
  const modes = modeFlag === "both" ? ["valid-rows", "all-or-nothing"] : [modeFlag];
  const plan: Array<{ kind: string; mode: string; n: number }> = [];
  if (engine !== "pglite") {
    plan.push({ kind: "copy", mode: "COPY", n: rows });
    for (const mode of modes) plan.push({ kind: "postgres", mode, n: rows });
  }
  if (engine !== "postgres") for (const mode of modes) plan.push({ kind: "embedded", mode, n: embeddedRows });

  const results: Array<{ kind: string; mode: string; rows: number; seconds: number; peakRssMb: number }> = [];
  try {
    for (const step of plan) {
      const file = await fileFor(step.n);
      console.error(`[import-orders] ${step.kind} ${step.mode}: ${step.n.toLocaleString("en")} rows ...`);
      const child = spawnSync(process.execPath, ["--import", "tsx", fileURLToPath(import.meta.url), "--phase", `${step.kind}:${step.mode}`, "--file", file, "--n", String(step.n)], {
        encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], maxBuffer: 1 << 24,
      });
      const line = child.stdout.trim().split("\n").pop() ?? "";
      if (child.status !== 0 || !line.startsWith("{")) throw new Error(`${step.kind} failed (exit ${child.status}): ${child.stdout.slice(-1000)}`);
      results.push(JSON.parse(line) as (typeof results)[number]);
      console.error(`[import-orders] ${line}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const copy = results.find((r) => r.kind === "copy");
  const rate = (r: (typeof results)[number]) => r.rows / r.seconds;
  console.log("\nImport of an orders CSV (one row per order line)\n");
  console.log("| engine | mode | rows | seconds | rows/s | % of COPY | peak RSS MB |");
  console.log("|---|---|---:|---:|---:|---:|---:|");
  for (const r of results) {
    const share = copy && r.kind !== "embedded" ? `${Math.round((rate(r) / rate(copy)) * 100)}%` : "";
    const rss = r.kind === "copy" ? "" : String(r.peakRssMb);
    console.log(`| ${r.kind === "copy" ? "postgres" : r.kind} | ${r.mode} | ${r.rows.toLocaleString("en")} | ${r.seconds.toFixed(1)} | ${Math.round(rate(r)).toLocaleString("en")} | ${share} | ${rss} |`);
  }
}

await main();
