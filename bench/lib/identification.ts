// One identification as the product makes it: `createIdentification` (POST /api/analytics/identifications) queues
// RFM, Pareto, matrix and selection runs, and `executeIdentification`, the function the `identification` job handler
// calls, makes them in turn in this process, results written.
import { newId, type Database } from "@openkam/db";
import { createJobQueue, type Scope } from "@openkam/server";
import { createIdentification } from "@openkam/server/modules/analytics/analytics.service";
import { emptyRunPhases, executeIdentification, IDENTIFICATION_KINDS, type RunPhases } from "@openkam/server/modules/analytics/index";
import { sql } from "drizzle-orm";

export { IDENTIFICATION_KINDS };

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

/**
 * Makes an identification as an admin of the organization, as of `asOf`: its runs, and its seconds from the request
 * (creating the runs) to the last run written. Throws when one of its runs does not succeed.
 */
export async function identify(db: Database, orgId: string, asOf: string, onRun: (run: KindRun) => void = () => {}): Promise<{ kinds: KindRun[]; seconds: number }> {
  const started = performance.now();
  const scope: Scope = { orgId, userId: newId(), role: "admin", tokenId: null };
  // Never started: the runs are made here, by the function the job handler calls.
  const jobs = createJobQueue(db);
  const { runs } = await createIdentification({ db, scope, jobs, input: { asOf, rule: SELECTION_RULE as never } });
  const byKind = Object.fromEntries(runs.map((r) => [r.kind, r.id]));
  const phases = new Map<string, RunPhases>();
  const made: KindRun[] = [];
  let failure: Error | null = null;
  await executeIdentification(db, orgId, { runs: byKind }, {
    attempt: 1,
    heartbeat: async () => {},
    eachRun: {
      phases: (kind) => phases.set(kind, emptyRunPhases()).get(kind)!,
      done: (kind, seconds) => {
        made.push({ kind, seconds, accounts: 0, phases: phases.get(kind)! });
      },
    },
  });
  const seconds = (performance.now() - started) / 1000;
  for (const run of made) {
    const [row] = await db.rows<{ status: string; error: string | null; account_count: number }>(sql`select status, error, account_count from analysis_runs where org_id = ${orgId} and id = ${byKind[run.kind]}`);
    if (row?.status !== "succeeded") failure ??= new Error(`the ${run.kind} run ended ${row?.status}: ${row?.error}`);
    run.accounts = row?.account_count ?? 0;
    onRun(run);
  }
  if (failure) throw failure;
  return { kinds: made, seconds };
}
