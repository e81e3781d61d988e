import { customerJourneys, type Db } from "@openkam/db";
import type { JourneyStage } from "@openkam/domain";
import { and, eq, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

export type JourneyRow = typeof customerJourneys.$inferSelect;

export async function findJourney(db: Db, scope: Scope, accountId: string, options: { forUpdate?: boolean } = {}): Promise<JourneyRow | undefined> {
  const query = db.orm.select().from(customerJourneys).where(and(inOrg(scope, customerJourneys.orgId), eq(customerJourneys.accountId, accountId))).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

/** Inserts or updates the journey; undefined when the version is stale or a concurrent insert won. */
export async function writeJourney(tx: Db, scope: Scope, accountId: string, current: JourneyRow | undefined, stages: JourneyStage[]): Promise<JourneyRow | undefined> {
  if (!current) {
    inOrg(scope, customerJourneys.orgId);
    const [row] = await tx.orm.insert(customerJourneys).values({ orgId: scope.orgId, accountId, stages }).onConflictDoNothing().returning();
    return row;
  }
  const [row] = await tx.orm.update(customerJourneys)
    .set({ stages, version: sql`${customerJourneys.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, customerJourneys.orgId), eq(customerJourneys.accountId, accountId), eq(customerJourneys.version, current.version)))
    .returning();
  return row;
}
