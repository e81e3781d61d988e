// node --import tsx bench/analyze-cli.ts [--rows 1000000] [--accounts 100000] [--quick] [--fresh] [--wait-quiet N]
//
// `openkam analyze rfm` on a synthetic orders CSV (customer_id,order_date,amount), as a child process,
// whole process: wall time and peak RSS (/usr/bin/time, else VmHWM polled from /proc). Beside it, a
// child process running DuckDB's read_csv + the same RFM query on the same file, written out as JSON
// to /dev/null as the CLI's output is. --quick: 100,000 rows.
// Goals (identification issue): within 4× of DuckDB's time, peak RSS under 1 GB.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { DUCKDB_MISSING, DUCKDB_PACKAGE, duckdbRfmSql, loadDuckDb, readCsvSource } from "./lib/duckdb-rfm";
import { numberFlag } from "./lib/flags";
import { waitForQuiet } from "./lib/load";
import { parseBenchOptions } from "./lib/options";
import { fmt, log, table } from "./lib/report";
import { BENCH_DATA } from "./lib/seeded";
import { specOf, SYNTHETIC_AS_OF, syntheticOrdersCsv } from "./lib/synthetic-orders";

const options = parseBenchOptions();
const spec = specOf(numberFlag("rows", options.quick ? 100_000 : 1_000_000), numberFlag("accounts", 100_000));
const GOAL_RATIO = 4;
const GOAL_RSS_MB = 1024;
const root = resolve(import.meta.dirname, "..");
const TIME = "/usr/bin/time";

interface ProcessRun {
  seconds: number;
  /** User + system CPU time of the child (with /usr/bin/time). */
  cpuSeconds: number | null;
  peakRssMb: number;
  loadBefore: number;
}

/** Runs a command to completion; wall time from spawn to exit, peak RSS of the child. */
async function measureProcess(command: string, args: string[]): Promise<ProcessRun> {
  await waitForQuiet(options.waitQuiet);
  const loadBefore = loadavg()[0]!;
  const dir = mkdtempSync(join(tmpdir(), "openkam-bench-cli-"));
  const timeFile = join(dir, "time");
  const viaTime = existsSync(TIME);
  const [bin, argv] = viaTime ? [TIME, ["-o", timeFile, "-f", "%e %U %S %M", command, ...args]] : [command, args];
  const started = performance.now();
  const child = spawn(bin, argv, { cwd: root, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  let polledKb = 0;
  // Without /usr/bin/time: VmHWM is the process's own high-water mark, so the last read before exit is its peak.
  const poll = viaTime ? null : setInterval(() => {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      if (match) polledKb = Math.max(polledKb, Number(match[1]));
    } catch {
      // The process has exited between two polls.
    }
  }, 20);
  const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
  const seconds = (performance.now() - started) / 1000;
  if (poll) clearInterval(poll);
  const measured = viaTime ? readFileSync(timeFile, "utf8").trim().split("\n").at(-1)!.split(/\s+/).map(Number) : [];
  const peakKb = viaTime ? measured[3]! : polledKb;
  const cpuSeconds = viaTime ? measured[1]! + measured[2]! : null;
  rmSync(dir, { recursive: true, force: true });
  if (code !== 0) throw new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr.slice(-2000)}`);
  return { seconds, cpuSeconds, peakRssMb: peakKb / 1024, loadBefore };
}

const csv = await syntheticOrdersCsv(spec, options.fresh);
log(`${fmt(spec.orders)} rows over ${fmt(spec.accounts)} customers, as of ${SYNTHETIC_AS_OF}; ${csv}`);

const cli = [resolve(root, "packages/cli/bin/openkam.js"), "analyze", "rfm", "--input", csv, "--as-of", SYNTHETIC_AS_OF, "--format", "json", "--out", "/dev/null"];
// The first start may rebuild the CLI's bundle of the sources: not part of the measurement.
await measureProcess(process.execPath, [resolve(root, "packages/cli/bin/openkam.js"), "--version"]);
const startup = await measureProcess(process.execPath, [resolve(root, "packages/cli/bin/openkam.js"), "--version"]);
const ours = await measureProcess(process.execPath, cli);
log(`openkam analyze rfm: ${fmt(ours.seconds, 2)} s, peak RSS ${fmt(ours.peakRssMb)} MB (load ${fmt(ours.loadBefore, 2)})`);

const duckScript = `import { DuckDBInstance } from ${JSON.stringify(DUCKDB_PACKAGE)};
const instance = await DuckDBInstance.create(":memory:");
const connection = await instance.connect();
await connection.run(${JSON.stringify(`copy (${duckdbRfmSql({ source: readCsvSource(csv), asOf: SYNTHETIC_AS_OF })}) to '/dev/null' (format json)`)});
connection.closeSync();
instance.closeSync();`;
let duck: ProcessRun | null = null;
if (await loadDuckDb()) {
  const duckFile = join(BENCH_DATA, `duckdb-rfm-${process.pid}.mjs`);
  writeFileSync(duckFile, duckScript);
  try {
    duck = await measureProcess(process.execPath, [duckFile]);
  } finally {
    rmSync(duckFile, { force: true });
  }
  log(`DuckDB read_csv + RFM: ${fmt(duck.seconds, 2)} s, peak RSS ${fmt(duck.peakRssMb)} MB (load ${fmt(duck.loadBefore, 2)})`);
} else {
  log(DUCKDB_MISSING);
}

const ratio = duck ? ours.seconds / duck.seconds : null;
console.log(`\n${fmt(spec.orders)} rows, whole process (load average before: ours ${fmt(ours.loadBefore, 2)}${duck ? `, DuckDB ${fmt(duck.loadBefore, 2)}` : ""})\n`);
const cpu = (r: ProcessRun) => (r.cpuSeconds === null ? "" : fmt(r.cpuSeconds, 2));
console.log(table(["process", "seconds", "CPU seconds", "peak RSS MB", "ratio", "goal"], [
  ["openkam analyze rfm", fmt(ours.seconds, 2), cpu(ours), fmt(ours.peakRssMb), ratio === null ? "-" : `${fmt(ratio, 1)}×`,
    `${ratio === null ? "" : `≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? "met" : "missed"}; `}RSS < 1 GB: ${ours.peakRssMb < GOAL_RSS_MB ? "met" : "missed"}`],
  ...(duck ? [["DuckDB read_csv + RFM", fmt(duck.seconds, 2), cpu(duck), fmt(duck.peakRssMb), "1.0×", ""]] : []),
  ["(openkam --version: start-up alone)", fmt(startup.seconds, 2), cpu(startup), fmt(startup.peakRssMb), "", ""],
]));
writeFileSync(resolve(BENCH_DATA, "analyze-cli-last.json"), JSON.stringify({ spec, at: new Date().toISOString(), ours, duckdb: duck, startup }, null, 2));
