// Where a warm identification spends its time: several identifications (RFM, Pareto, matrix and selection runs, made
// as bench/identify-run.ts makes them) in one process over the synthetic order book, each round timed per kind and phase,
// and the young-generation garbage collections of each round counted (node:perf_hooks). A tool for deciding what to
// make faster, not a measurement with a goal: bench/identify-run.ts is. The first round reads the order book (cold).
// Run it under `node --cpu-prof` for a CPU profile of the same rounds.
// node --import tsx bench/identify-profile.ts [--orders 10000000] [--accounts 100000] [--rounds 5] [--engine postgres|pglite] [--fresh]
import { createDatabase } from "@openkam/db";
import { PerformanceObserver } from "node:perf_hooks";
import { numberFlag } from "./lib/flags";
import { IDENTIFICATION_KINDS, identify } from "./lib/identification";
import { parseBenchOptions } from "./lib/options";
import { fmt, log, table } from "./lib/report";
import { specOf, syntheticPgliteDir, syntheticPostgresDatabase } from "./lib/synthetic-orders";

const options = parseBenchOptions();
const spec = specOf(numberFlag("orders", options.quick ? 100_000 : 10_000_000), numberFlag("accounts", 100_000));
const rounds = numberFlag("rounds", 5);
const engine = options.engines[0]!;
let gcMs = 0;
let gcCount = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    gcCount++;
  }
}).observe({ entryTypes: ["gc"] });

const target = engine === "postgres" ? await syntheticPostgresDatabase(spec, options.fresh) : await syntheticPgliteDir(spec, options.fresh);
const db = await createDatabase("url" in target ? { url: target.url, maxConnections: 4 } : { dataDir: target.dataDir });
try {
  const { orgId, asOf } = target.info;
  const rows: string[][] = [];
  for (let round = 1; round <= rounds; round++) {
    [gcMs, gcCount] = [0, 0];
    const started = performance.now();
    const { kinds: runs } = await identify(db, orgId, asOf);
    const cells = runs.map((r) => `${fmt(r.seconds, 2)} (${fmt(r.phases.aggregate, 2)} / ${fmt(r.phases.score, 2)} / ${fmt(r.phases.write, 2)})`);
    rows.push([String(round), fmt((performance.now() - started) / 1000, 2), ...cells, `${gcCount}, ${fmt(gcMs, 0)} ms`]);
    log(`round ${round}: ${rows.at(-1)!.slice(1).join(" | ")}`);
  }
  console.log(`\n${engine}, ${fmt(spec.orders)} orders, ${fmt(spec.accounts)} accounts; per kind: seconds (accounts read and pass / scoring / writes)\n`);
  console.log(table(["round", "seconds", ...IDENTIFICATION_KINDS, "collections (count, pause)"], rows));
} finally {
  await db.close();
  await target.drop();
}
