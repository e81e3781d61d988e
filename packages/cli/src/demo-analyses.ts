import type { TCreateAnalysisRunRequest } from "@openkam/contracts";
import type { Database } from "@openkam/db";

/**
 * The analyses a new demo starts with, so its Identify section, account pages, KPIs and effort views have
 * something to show: every kind, the selection last, because it reads the groups of the runs before it. The rule is
 * the rule builder's example.
 */
export const DEMO_ANALYSES: readonly TCreateAnalysisRunRequest[] = [
  { kind: "rfm" },
  { kind: "pareto" },
  { kind: "matrix" },
  { kind: "clv" },
  { kind: "forecast" },
  { kind: "selection", parameters: { rule: { any: [{ field: "revenue12m", op: "gte", value: 1_000_000 }, { field: "quadrant", op: "eq", value: "strategic_partner" }] } } },
];

/**
 * Queues the demo's analyses as its admin would, as of today. Only queued: the server's job queue runs them in the
 * background, one after another in the order they were queued, so starting the server does not wait for them.
 */
export async function queueDemoAnalyses(db: Database, demo: { orgId: string; userId: string }): Promise<number> {
  const [{ createJobQueue }, { createRun }, { ZCreateAnalysisRunRequest }] = await Promise.all([
    import("@openkam/server"),
    import("@openkam/server/modules/analytics/analytics.service"),
    import("@openkam/contracts"),
  ]);
  const scope = { orgId: demo.orgId, userId: demo.userId, role: "admin" as const, tokenId: null };
  const jobs = createJobQueue(db);
  for (const request of DEMO_ANALYSES) await createRun({ db, scope, jobs, input: ZCreateAnalysisRunRequest.parse(request) });
  return DEMO_ANALYSES.length;
}
