// Time from spawning `openkam serve` on an already-seeded database to the first 200 from /api/health (goal < 3 s).
// npm run bench (all scripts), or: node --import tsx bench/startup.ts [--quick] [--engine postgres|pglite] [--fresh]
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { resolve } from "node:path";
import { parseBenchOptions } from "./lib/options";
import { fmt, log, table } from "./lib/report";
import { seededPgliteDir, seededPostgresDatabase } from "./lib/seeded";

const ROOT = resolve(import.meta.dirname, "..");
const CLI = resolve(ROOT, "packages/cli/bin/openkam.js");
const GOAL_MS = 3000;
const TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => ok(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function healthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** One start: spawn, poll /api/health every 20 ms, stop the server again. */
async function timeStart(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, "serve", "--port", String(port), ...args], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  child.stderr.on("data", (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<number | null>((done) => child.once("exit", (code) => done(code)));
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`openkam serve exited with ${child.exitCode}:\n${output}`);
      if (await healthy(`http://127.0.0.1:${port}/api/health`)) return performance.now() - started;
      if (performance.now() - started > TIMEOUT_MS) throw new Error(`no 200 from /api/health within ${TIMEOUT_MS / 1000} s:\n${output}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    if (child.exitCode === null) child.kill("SIGTERM");
    await exited;
  }
}

const options = parseBenchOptions();
if (!existsSync(CLI)) {
  log(`startup: ${CLI} does not exist yet; skipped`);
  process.exit(0);
}
const runs = options.quick ? 2 : 5;
const rows: Array<Array<string | number>> = [];
const env = { ...process.env };
delete env.DATABASE_URL;
delete env.OPENKAM_DATA_DIR;

async function timeEngine(engine: "postgres" | "pglite"): Promise<number[]> {
  const times: number[] = [];
  if (engine === "pglite") {
    const { dataDir } = await seededPgliteDir(options.scale, options.fresh);
    for (let i = 0; i < runs; i++) times.push(await timeStart(["--data-dir", dataDir], env));
    return times;
  }
  const seeded = await seededPostgresDatabase(options.scale, options.fresh);
  try {
    for (let i = 0; i < runs; i++) times.push(await timeStart([], { ...env, DATABASE_URL: seeded.url }));
    return times;
  } finally {
    await seeded.drop();
  }
}

for (const engine of options.engines) {
  try {
    const times = await timeEngine(engine);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    log(`startup ${engine}: ${times.map((t) => `${fmt(t)} ms`).join(", ")}`);
    rows.push([`${engine}, scale ${options.scale}`, runs, fmt(times[0]!), fmt(median), fmt(sorted.at(-1)!), median < GOAL_MS ? "ok" : "MISSED"]);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    rows.push([`${engine}, scale ${options.scale}`, runs, "-", "-", "-", "FAILED (see above)"]);
    process.exitCode = 1;
  }
}

console.log(`\nopenkam serve → first 200 from /api/health\n${table(["database", "starts", "first ms", "median ms", "max ms", `goal < ${GOAL_MS} ms`], rows)}\n`);
