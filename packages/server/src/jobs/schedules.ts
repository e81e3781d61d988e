import { organizations, scheduledRuns, type Database } from "@openkam/db";
import { and, eq, inArray } from "drizzle-orm";
import type { JobQueue } from "./job-queue";

/** A job each organization gets once per period (a day, a week), whichever instance notices first. */
export interface PeriodicJob {
  /** Unique per schedule: the key of `scheduled_runs`. */
  name: string;
  /** The job kind enqueued; its payload is `{ period }`. */
  kind: string;
  /** The period due now in the organization's zone (e.g. its date), or null when it is not time yet. */
  periodOf(now: Date, timeZone: string): string | null;
}

/** Thrown inside the transaction to undo the enqueue when another instance scheduled the period first. */
class AlreadyScheduled extends Error {}

/**
 * Enqueues the job for every organization whose period is due and not scheduled yet. The job
 * and its `scheduled_runs` row commit together; the row's key (organization, name, period) is
 * unique, so when several instances tick at the same moment the others' inserts conflict, they
 * roll back, and exactly one job exists per organization and period.
 */
export async function enqueueDuePeriodicJob(db: Database, jobs: JobQueue, job: PeriodicJob, now = new Date()): Promise<number> {
  // Every organization is considered: this runs as the system, for all tenants.
  const orgs = await db.orm.select({ id: organizations.id, timeZone: organizations.timezone }).from(organizations);
  const due = orgs.flatMap((org) => {
    const period = job.periodOf(now, org.timeZone);
    return period === null ? [] : [{ id: org.id, period }];
  });
  if (due.length === 0) return 0;
  // Most ticks find every period already scheduled: one read instead of a rolled-back transaction per organization.
  const done = new Set((await db.orm
    .select({ orgId: scheduledRuns.orgId, period: scheduledRuns.period })
    .from(scheduledRuns)
    .where(and(
      inArray(scheduledRuns.orgId, due.map((d) => d.id)),
      eq(scheduledRuns.name, job.name),
      inArray(scheduledRuns.period, [...new Set(due.map((d) => d.period))]),
    )))
    .map((r) => `${r.orgId} ${r.period}`));
  let enqueued = 0;
  for (const { id, period } of due) {
    if (done.has(`${id} ${period}`)) continue;
    const org = { id };
    try {
      await db.transaction(async (tx) => {
        const jobId = await jobs.enqueue(tx, org.id, job.kind, { period });
        const inserted = await tx.orm.insert(scheduledRuns).values({ orgId: org.id, name: job.name, period, jobId }).onConflictDoNothing().returning();
        if (inserted.length === 0) throw new AlreadyScheduled();
      });
      enqueued++;
    } catch (error) {
      if (!(error instanceof AlreadyScheduled)) throw error;
    }
  }
  return enqueued;
}

const TICK_MS = 5 * 60_000;

/** Checks the periodic jobs shortly after start and then every few minutes; returns a function that stops it. */
export function startPeriodicJobs(db: Database, jobs: JobQueue, periodic: readonly PeriodicJob[], log: (message: string) => void): () => void {
  const tick = () => {
    for (const job of periodic) {
      void enqueueDuePeriodicJob(db, jobs, job).catch((error: unknown) => log(`scheduling ${job.name} failed: ${(error as Error).message}`));
    }
  };
  const first = setTimeout(tick, 30_000);
  const every = setInterval(tick, TICK_MS);
  first.unref();
  every.unref();
  return () => {
    clearTimeout(first);
    clearInterval(every);
  };
}
