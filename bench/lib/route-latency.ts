// One API route's latency as a person meets it, then under load: shared by the benchmarks of single pages.
import { load, waitForQuiet } from "./load";
import { fmt, log } from "./report";

export interface RouteCase {
  /** What the table calls it: method, path and who asks. */
  name: string;
  path: string;
  /** An API token (bench/lib/token.ts) of the user who asks. */
  token: string;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/**
 * Warms the route up, then times `sequential` requests one after the other (a person opening the page) after the
 * machine is quiet, then `connections` concurrent clients (wrk or autocannon) for `seconds`. The first answer's body
 * comes back too, for the table to say how much the route returned.
 */
export async function measureRoute(serverUrl: string, route: RouteCase, options: { warmup: number; sequential: number; waitQuiet: number; seconds: number; connections?: number }) {
  const headers = { authorization: `Bearer ${route.token}` };
  const first = await fetch(serverUrl + route.path, { headers });
  if (!first.ok) throw new Error(`${route.path}: ${first.status} ${await first.text()}`);
  const body: unknown = await first.json();
  for (let i = 0; i < options.warmup; i++) await (await fetch(serverUrl + route.path, { headers })).arrayBuffer();
  await waitForQuiet(options.waitQuiet);
  const times: number[] = [];
  for (let i = 0; i < options.sequential; i++) {
    const started = performance.now();
    const res = await fetch(serverUrl + route.path, { headers });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`${route.path}: ${res.status}`);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const connections = options.connections ?? 10;
  const loaded = await load({ baseUrl: serverUrl, paths: [route.path], headers, connections, seconds: options.seconds });
  const result = { body, p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, rps: loaded.rps, p99: loaded.p99 };
  log(`  ${route.name}: p50 ${fmt(result.p50, 1)} ms, p95 ${fmt(result.p95, 1)} ms; ${connections} clients: ${fmt(result.rps)} req/s, p99 ${fmt(result.p99, 1)} ms`);
  return result;
}
