import type { JobQueue } from "../../jobs/job-queue";
import type { ModuleDeps } from "../module";
import { ANALYSIS_JOB_KIND, executeRun } from "./run-executor";

export { accountAnalyticsRoutes, analyticsRoutes } from "./analytics.routes";
export { ANALYSIS_JOB_KIND, emptyRunPhases, executeRun, type RunPhases } from "./run-executor";

/** The job handler: runs (or resumes) the analysis run named in the payload. */
export function registerAnalysisJob(jobs: JobQueue, { db }: Pick<ModuleDeps, "db">): void {
  jobs.register(ANALYSIS_JOB_KIND, async (payload, ctx) => {
    await executeRun(db, ctx.orgId, String(payload.runId), { attempt: ctx.attempt, heartbeat: ctx.heartbeat });
  });
}
