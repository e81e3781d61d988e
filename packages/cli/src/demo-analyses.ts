import type { TCreateAnalysisRunRequest } from "@openkam/contracts";
import type { Database } from "@openkam/db";
import { EXAMPLE_SELECTION_RULE, formatDay, parseDay } from "@openkam/domain";

/** How far back the demo's earlier RFM and matrix runs look, so there is something to compare at once. */
const EARLIER_RUN_DAYS = 182;

/**
 * The analyses a new demo starts with, so its Identify section, account pages, KPIs and effort views have
 * something to show: the RFM and matrix runs as of half a year ago first (the compare view shows who moved since),
 * then every kind as of `today`, the selection last because it reads the groups of the runs before it. The rule is
 * the rule builder's example.
 */
export function demoAnalyses(today: string): TCreateAnalysisRunRequest[] {
  const earlier = formatDay(parseDay(today)! - EARLIER_RUN_DAYS);
  return [
    { kind: "rfm", asOf: earlier },
    { kind: "matrix", asOf: earlier },
    { kind: "rfm", asOf: today },
    { kind: "pareto", asOf: today },
    { kind: "matrix", asOf: today },
    { kind: "clv", asOf: today },
    { kind: "forecast", asOf: today },
    { kind: "selection", asOf: today, parameters: { rule: EXAMPLE_SELECTION_RULE } },
  ];
}

/**
 * Queues the demo's analyses as its admin would, as of the server's today (UTC, the latest date a run accepts; the
 * demo's orders end the day before the local date, so none is after it). Only queued: the server's job queue runs
 * them in the background, one after another in the order they were queued, so starting the server does not wait.
 */
export async function queueDemoAnalyses(db: Database, demo: { orgId: string; userId: string }, now = new Date()): Promise<number> {
  const [{ createJobQueue }, { createRun }, { ZCreateAnalysisRunRequest }] = await Promise.all([
    import("@openkam/server"),
    import("@openkam/server/modules/analytics/analytics.service"),
    import("@openkam/contracts"),
  ]);
  const scope = { orgId: demo.orgId, userId: demo.userId, role: "admin" as const, tokenId: null };
  const jobs = createJobQueue(db);
  const requests = demoAnalyses(now.toISOString().slice(0, 10));
  for (const request of requests) await createRun({ db, scope, jobs, input: ZCreateAnalysisRunRequest.parse(request) });
  return requests.length;
}
