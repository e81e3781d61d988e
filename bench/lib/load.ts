import autocannon from "autocannon";
import { availableParallelism, loadavg } from "node:os";
import { fmt, log } from "./report";

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

/** Runs autocannon against the paths, in turn. */
export async function load({ baseUrl, cpuMicros, paths, headers = {}, connections, seconds }: LoadOptions): Promise<LoadResult> {
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
