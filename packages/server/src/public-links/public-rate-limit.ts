import { publicRateLimits, type Db } from "@openkam/db";
import { lt, sql } from "drizzle-orm";
import { AppError } from "../http/app-error";

export interface PublicRateLimit {
  /** Hits allowed per window. */
  max: number;
  windowSeconds: number;
}

/** Enough for a person answering, retrying and reloading; far too few to guess anything. */
export const PUBLIC_RATE_LIMITS = {
  perToken: { max: 30, windowSeconds: 600 },
  perIp: { max: 120, windowSeconds: 600 },
} as const satisfies Record<string, PublicRateLimit>;

// Windows this old are over for every limit in use; whoever opens a new window sweeps them.
const SWEEP_AFTER_MS = 86_400_000;

/**
 * Counts one hit on `key` in the current fixed window and throws RATE_LIMITED (429, with
 * Retry-After) once the window holds more than `limit.max`. The count is one upsert in the
 * database, so every instance shares it. Call it on the root handle, not inside a transaction
 * that may roll back: a refused request must still count.
 */
export async function assertPublicRateLimit(db: Db, key: string, now: Date, limit: PublicRateLimit = PUBLIC_RATE_LIMITS.perIp): Promise<void> {
  const windowMs = limit.windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const bucket = key.slice(0, 200);
  const [row] = await db.orm
    .insert(publicRateLimits)
    .values({ bucket, windowStart, hits: 1 })
    .onConflictDoUpdate({ target: [publicRateLimits.bucket, publicRateLimits.windowStart], set: { hits: sql`${publicRateLimits.hits} + 1` } })
    .returning({ hits: publicRateLimits.hits });
  const hits = row?.hits ?? 1;
  if (hits === 1) await db.orm.delete(publicRateLimits).where(lt(publicRateLimits.windowStart, new Date(now.getTime() - SWEEP_AFTER_MS)));
  if (hits > limit.max) {
    const retryAfter = Math.max(1, Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000));
    throw new AppError("RATE_LIMITED", "Too many requests; please wait a few minutes and try again", { headers: { "retry-after": String(retryAfter) } });
  }
}
