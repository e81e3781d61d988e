import autocannon from "autocannon";
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { fmt, log } from "./report";

const WRK = "/usr/bin/wrk";
/**
 * The load generator: wrk (Debian package `wrk`) when it is installed, else
 * autocannon. wrk is written in C; autocannon runs on Node and, at 1,000+
 * requests per second, takes most of one of this machine's two cores away from
 * the server and the database it measures. BENCH_LOAD=autocannon forces it.
 */
export const loadTool = (): "wrk" | "autocannon" => (process.env.BENCH_LOAD !== "autocannon" && existsSync(WRK) ? "wrk" : "autocannon");

export interface LoadResult {
  /** Mean requests per second over the run. */
  rps: number;
  p50: number;
  p99: number;
  requests: number;
  /** Responses other than 2xx, plus connection errors and timeouts: any of them spoils the run. */
  failures: number;
  /** The machine's 1-minute load average when the run started: other work on the machine skews the figures. */
  loadBefore: number;
  /** CPU time the server process spent per request (µs), when the server reports it. */
  cpuPerRequest: number | null;
}

export interface LoadOptions {
  baseUrl: string;
  /** The server's CPU counter, read before and after the run. */
  cpuMicros?: () => Promise<number>;
  /** Paths to cycle through, one per request. */
  paths: string[];
  headers?: Record<string, string>;
  connections: number;
  seconds: number;
}

/** Runs the load generator against the paths, in turn. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  return loadTool() === "wrk" ? loadWithWrk(options) : loadWithAutocannon(options);
}

/** wrk's Lua hooks: cycle through the paths, and print the figures as one JSON line at the end. */
const WRK_SCRIPT = `
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS_FILE")) do paths[#paths + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
done = function(summary, latency, requests)
  local failures = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format('{"requests":%d,"micros":%d,"p50":%.3f,"p99":%.3f,"failures":%d}\\n',
    summary.requests, summary.duration, latency:percentile(50) / 1000, latency:percentile(99) / 1000, failures))
end
`;

async function loadWithWrk({ baseUrl, cpuMicros, paths, headers = {}, connections, seconds }: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), "openkam-wrk-"));
  try {
    writeFileSync(join(dir, "paths.txt"), paths.join("\n") + "\n");
    writeFileSync(join(dir, "script.lua"), WRK_SCRIPT);
    const args = ["-t", String(Math.min(2, connections)), "-c", String(connections), "-d", `${seconds}s`, "--timeout", "30s", "-s", join(dir, "script.lua")];
    for (const [name, value] of Object.entries(headers)) args.push("-H", `${name}: ${value}`);
    args.push(baseUrl);
    const loadBefore = loadavg()[0]!;
    const cpuBefore = cpuMicros ? await cpuMicros() : null;
    const { stdout } = await promisify(execFile)(WRK, args, { env: { ...process.env, BENCH_PATHS_FILE: join(dir, "paths.txt") }, maxBuffer: 1 << 20 });
    const cpuAfter = cpuMicros ? await cpuMicros() : null;
    const line = stdout.split("\n").find((l) => l.startsWith("{"));
    if (!line) throw new Error(`wrk printed no figures: ${stdout.slice(-1000)}`);
    const r = JSON.parse(line) as { requests: number; micros: number; p50: number; p99: number; failures: number };
    return {
      cpuPerRequest: cpuBefore !== null && cpuAfter !== null && r.requests > 0 ? (cpuAfter - cpuBefore) / r.requests : null,
      rps: r.requests / (r.micros / 1e6),
      p50: r.p50,
      p99: r.p99,
      requests: r.requests,
      failures: r.failures,
      loadBefore,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function loadWithAutocannon({ baseUrl, cpuMicros, paths, headers = {}, connections, seconds }: LoadOptions): Promise<LoadResult> {
  let next = 0;
  const loadBefore = loadavg()[0]!;
  const cpuBefore = cpuMicros ? await cpuMicros() : null;
  const result = await autocannon({
    url: baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    headers,
    requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length]! }) }],
  });
  const cpuAfter = cpuMicros ? await cpuMicros() : null;
  return {
    cpuPerRequest: cpuBefore !== null && cpuAfter !== null && result.requests.total > 0 ? (cpuAfter - cpuBefore) / result.requests.total : null,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    requests: result.requests.total,
    failures: result.non2xx + result.errors + result.timeouts,
    loadBefore,
  };
}

/**
 * Waits (up to `maxSeconds`) until the 1-minute load average is below the
 * number of CPUs, so a measurement does not start while other work (tests,
 * builds, the previous run) still occupies the machine.
 */
export async function waitForQuiet(maxSeconds: number): Promise<void> {
  const limit = availableParallelism() * 0.75;
  const until = Date.now() + maxSeconds * 1000;
  if (loadavg()[0]! < limit) return;
  log(`  waiting for the machine to be quiet (load ${fmt(loadavg()[0]!, 1)}, want < ${fmt(limit, 1)}) …`);
  while (loadavg()[0]! >= limit && Date.now() < until) await new Promise((r) => setTimeout(r, 5000));
  if (loadavg()[0]! >= limit) log(`  still busy after ${maxSeconds} s (load ${fmt(loadavg()[0]!, 1)}): measuring anyway, figures will be low`);
}

/** A short run first, so connection pools, JIT and caches are warm when the measurement starts. */
export async function warmAndLoad(options: LoadOptions, warmSeconds: number): Promise<LoadResult> {
  await load({ ...options, seconds: warmSeconds });
  return load(options);
}
