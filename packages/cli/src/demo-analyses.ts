import type { TCreateAnalysisRunRequest, TCreateIdentificationRequest } from "@openkam/contracts";
import type { Database } from "@openkam/db";
import { EXAMPLE_SELECTION_RULE, formatDay, parseDay } from "@openkam/domain";

/** How far back the demo's earlier RFM and matrix runs look, so there is something to compare at once. */
const EARLIER_RUN_DAYS = 182;

/**
 * The analyses a new demo starts with, so its Identify section, account pages, KPIs and effort views have
 * something to show: the RFM and matrix runs as of half a year ago first (the compare view shows who moved since),
 * then an identification as of `today` (RFM, Pareto, matrix, and the selection, which reads the groups of those three;
 * its rule is the rule builder's example), then CLV and the forecast.
 */
export function demoAnalyses(today: string): { runs: TCreateAnalysisRunRequest[]; identification: TCreateIdentificationRequest; later: TCreateAnalysisRunRequest[] } {
  const earlier = formatDay(parseDay(today)! - EARLIER_RUN_DAYS);
  return {
    runs: [{ kind: "rfm", asOf: earlier }, { kind: "matrix", asOf: earlier }],
    identification: { asOf: today, rule: EXAMPLE_SELECTION_RULE },
    later: [{ kind: "clv", asOf: today }, { kind: "forecast", asOf: today }],
  };
}

/**
 * Queues the demo's analyses as its admin would, as of the server's today (UTC, the latest date a run accepts; the
 * demo's orders end the day before the local date, so none is after it). Only queued: the server's job queue runs
 * them in the background, one job after another in the order they were queued, so starting the server does not wait.
 * Returns how many runs were queued.
 */
export async function queueDemoAnalyses(db: Database, demo: { orgId: string; userId: string }, now = new Date()): Promise<number> {
  const [{ createJobQueue }, { createIdentification, createRun }, { ZCreateAnalysisRunRequest, ZCreateIdentificationRequest }] = await Promise.all([
    import("@openkam/server"),
    import("@openkam/server/modules/analytics/analytics.service"),
    import("@openkam/contracts"),
  ]);
  const scope = { orgId: demo.orgId, userId: demo.userId, role: "admin" as const, tokenId: null };
  const jobs = createJobQueue(db);
  const { runs, identification, later } = demoAnalyses(now.toISOString().slice(0, 10));
  for (const request of runs) await createRun({ db, scope, jobs, input: ZCreateAnalysisRunRequest.parse(request) });
  const identified = await createIdentification({ db, scope, jobs, input: ZCreateIdentificationRequest.parse(identification) });
  for (const request of later) await createRun({ db, scope, jobs, input: ZCreateAnalysisRunRequest.parse(request) });
  return runs.length + identified.runs.length + later.length;
}
