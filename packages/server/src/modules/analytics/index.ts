import type { JobQueue } from "../../jobs/job-queue";
import type { ModuleDeps } from "../module";
import { ANALYSIS_JOB_KIND, executeIdentification, executeRun, IDENTIFICATION_JOB_KIND, type IdentificationJobPayload } from "./run-executor";

export { accountAnalyticsRoutes, analyticsRoutes } from "./analytics.routes";
export { ANALYSIS_JOB_KIND, emptyRunPhases, executeIdentification, executeRun, IDENTIFICATION_JOB_KIND, IDENTIFICATION_KINDS, type RunPhases } from "./run-executor";

/** The job handlers: run (or resume) the analysis run named in the payload, or the runs of an identification. */
export function registerAnalysisJob(jobs: JobQueue, { db }: Pick<ModuleDeps, "db">): void {
  jobs.register(ANALYSIS_JOB_KIND, async (payload, ctx) => {
    await executeRun(db, ctx.orgId, String(payload.runId), { attempt: ctx.attempt, heartbeat: ctx.heartbeat });
  });
  jobs.register(IDENTIFICATION_JOB_KIND, async (payload, ctx) => {
    await executeIdentification(db, ctx.orgId, payload as unknown as IdentificationJobPayload, { attempt: ctx.attempt, heartbeat: ctx.heartbeat });
  });
}
