import { jobs, newId, type Database, type Db } from "@openkam/db";
import { and, eq, sql } from "drizzle-orm";
import { hostname } from "node:os";

export interface JobContext {
  orgId: string;
  jobId: string;
  attempt: number;
  /** Extends the lease; long handlers call it between batches so no other instance takes the job over. */
  heartbeat(): Promise<void>;
}

export type JobHandler = (payload: Record<string, unknown>, ctx: JobContext) => Promise<void>;

export interface JobQueue {
  /** Adds a job; pass the transaction that creates the job's subject so both commit together. */
  enqueue(db: Db, orgId: string, kind: string, payload: Record<string, unknown>): Promise<string>;
  register(kind: string, handler: JobHandler): void;
  /** Polls for jobs in the background until stop(). */
  start(): void;
  stop(): Promise<void>;
  /** Runs jobs until none is due (tests and the CLI). */
  drain(): Promise<number>;
}

const LEASE_SECONDS = 60;
const MAX_ATTEMPTS = 5;

/**
 * A job queue on PostgreSQL tables, for both engines. Claims use
 * FOR UPDATE SKIP LOCKED, so several instances share the queue without taking
 * the same job; a job whose lease runs out (its worker died) is claimed again
 * and its handler resumes from what it committed.
 */
export function createJobQueue(database: Database, options: { pollMs?: number } = {}): JobQueue {
  const handlers = new Map<string, JobHandler>();
  const workerId = `${hostname()}:${process.pid}:${newId().slice(-6)}`;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  let wake: (() => void) | null = null;

  async function claim() {
    const kinds = [...handlers.keys()];
    if (kinds.length === 0) return undefined;
    const [row] = await database.rows<{ org_id: string; id: string; kind: string; payload: Record<string, unknown>; attempts: number }>(sql`
      update ${jobs} set status = 'running', attempts = attempts + 1, locked_by = ${workerId},
        locked_until = now() + make_interval(secs => ${LEASE_SECONDS}), updated_at = now()
      where (org_id, id) = (
        select org_id, id from ${jobs}
        where kind in (${sql.join(kinds.map((k) => sql`${k}`), sql`, `)})
          and ((status = 'queued' and run_after <= now()) or (status = 'running' and locked_until < now()))
        order by run_after, id
        for update skip locked
        limit 1)
      returning org_id, id, kind, payload, attempts`);
    return row;
  }

  async function finish(orgId: string, id: string, error?: unknown, attempts = 0) {
    const failed = error !== undefined;
    const retry = failed && attempts < MAX_ATTEMPTS;
    await database.orm
      .update(jobs)
      .set({
        status: failed ? (retry ? "queued" : "failed") : "succeeded",
        lastError: failed ? String((error as Error)?.message ?? error).slice(0, 2000) : null,
        runAfter: retry ? sql`now() + make_interval(secs => ${2 ** attempts})` : sql`${jobs.runAfter}`,
        lockedBy: null,
        lockedUntil: null,
        finishedAt: failed && retry ? null : sql`now()`,
        updatedAt: sql`now()`,
      })
      .where(and(eq(jobs.orgId, orgId), eq(jobs.id, id)));
  }

  async function runOne(): Promise<boolean> {
    const job = await claim();
    if (!job) return false;
    const handler = handlers.get(job.kind)!;
    const ctx: JobContext = {
      orgId: job.org_id,
      jobId: job.id,
      attempt: job.attempts,
      heartbeat: async () => {
        await database.orm.update(jobs).set({ lockedUntil: sql`now() + make_interval(secs => ${LEASE_SECONDS})` }).where(and(eq(jobs.orgId, job.org_id), eq(jobs.id, job.id)));
      },
    };
    try {
      await handler(job.payload, ctx);
      await finish(job.org_id, job.id);
    } catch (error) {
      await finish(job.org_id, job.id, error, job.attempts);
    }
    return true;
  }

  async function loop() {
    while (!stopped) {
      const worked = await runOne().catch(() => false);
      if (!worked && !stopped) {
        await new Promise<void>((resolve) => {
          wake = resolve;
          timer = setTimeout(resolve, options.pollMs ?? 1000);
        });
        wake = null;
      }
    }
  }

  return {
    async enqueue(db, orgId, kind, payload) {
      const id = newId();
      await db.orm.insert(jobs).values({ orgId, id, kind, payload });
      // A job enqueued by this instance starts without waiting for the next poll.
      setImmediate(() => wake?.());
      return id;
    },
    register(kind, handler) {
      handlers.set(kind, handler);
    },
    start() {
      if (!stopped) return;
      stopped = false;
      running = loop();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      wake?.();
      await running;
    },
    async drain() {
      let count = 0;
      while (await runOne()) count++;
      return count;
    },
  };
}
