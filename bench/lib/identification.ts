// One identification as the benchmarks make it: RFM, Pareto, matrix and selection runs, each created by the analytics
// service and executed in-process by executeRun, the function the `analysis` job handler calls, results written.
import { newId, type Database } from "@openkam/db";
import { createJobQueue, type Scope } from "@openkam/server";
import { createRun } from "@openkam/server/modules/analytics/analytics.service";
import { emptyRunPhases, executeRun, type RunPhases } from "@openkam/server/modules/analytics/index";
import { sql } from "drizzle-orm";

export const IDENTIFICATION_KINDS = ["rfm", "pareto", "matrix", "selection"] as const;

/** Key accounts: class A and a loyal RFM profile, or a strategic partner in the matrix. */
const SELECTION_RULE = {
  any: [
    { all: [{ field: "abcClass", op: "eq", value: "A" }, { field: "rfmSegment", op: "in", value: ["champions", "loyal"] }] },
    { field: "quadrant", op: "eq", value: "strategic_partner" },
  ],
};

export interface KindRun {
  kind: (typeof IDENTIFICATION_KINDS)[number];
  seconds: number;
  accounts: number;
  /** Where the run's time went: order book, aggregate read, scoring, excluded-orders count, result write. */
  phases: RunPhases;
}

/** Runs the four kinds in turn as an admin of the organization, each as of `asOf`; throws when one does not succeed. */
export async function identify(db: Database, orgId: string, asOf: string, onRun: (run: KindRun) => void = () => {}): Promise<KindRun[]> {
  const scope: Scope = { orgId, userId: newId(), role: "admin", tokenId: null };
  // Never started: the runs are executed here, by the function the job handler calls.
  const jobs = createJobQueue(db);
  const runs: KindRun[] = [];
  for (const kind of IDENTIFICATION_KINDS) {
    const started = performance.now();
    const input = kind === "selection" ? { kind, asOf, parameters: { rule: SELECTION_RULE } } : { kind, asOf, parameters: {} };
    const run = await createRun({ db, scope, jobs, input: input as Parameters<typeof createRun>[0]["input"] });
    const phases = emptyRunPhases();
    await executeRun(db, orgId, run.id, { attempt: 1, heartbeat: async () => {}, phases });
    const seconds = (performance.now() - started) / 1000;
    const [row] = await db.rows<{ status: string; error: string | null; account_count: number }>(sql`select status, error, account_count from analysis_runs where org_id = ${orgId} and id = ${run.id}`);
    if (row?.status !== "succeeded") throw new Error(`the ${kind} run ended ${row?.status}: ${row?.error}`);
    runs.push({ kind, seconds, accounts: row.account_count, phases });
    onRun(runs.at(-1)!);
  }
  return runs;
}
