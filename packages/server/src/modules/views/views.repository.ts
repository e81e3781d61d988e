import { byNameKey, savedViews, withNameKey, type Db } from "@openkam/db";
import { and, eq, or, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

export type ViewRow = typeof savedViews.$inferSelect;
export type NewViewRow = typeof savedViews.$inferInsert;

/** The caller's own views and the ones shared with the organization. */
function readable(scope: Scope) {
  return and(inOrg(scope, savedViews.orgId), scope.userId ? or(eq(savedViews.userId, scope.userId), eq(savedViews.shared, true)) : undefined);
}

export async function listViews(db: Db, scope: Scope, entity: ViewRow["entity"]): Promise<ViewRow[]> {
  return db.orm
    .select()
    .from(savedViews)
    .where(and(readable(scope), eq(savedViews.entity, entity)))
    .orderBy(byNameKey(savedViews.nameKey), savedViews.id);
}

export async function findViewForUpdate(tx: Db, scope: Scope, id: string): Promise<ViewRow | undefined> {
  const [row] = await tx.orm.select().from(savedViews).where(and(readable(scope), eq(savedViews.id, id))).limit(1).for("update");
  return row;
}

export async function insertView(tx: Db, scope: Scope, values: Omit<NewViewRow, "orgId">): Promise<ViewRow> {
  inOrg(scope, savedViews.orgId);
  const [row] = await tx.orm.insert(savedViews).values(withNameKey({ ...values, orgId: scope.orgId })).returning();
  return row!;
}

export async function updateView(tx: Db, scope: Scope, id: string, expectedVersion: number, patch: Pick<Partial<NewViewRow>, "name" | "state" | "shared">) {
  const [row] = await tx.orm
    .update(savedViews)
    .set({ ...withNameKey(patch), version: sql`${savedViews.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, savedViews.orgId), eq(savedViews.id, id), eq(savedViews.version, expectedVersion)))
    .returning();
  return row;
}

export async function deleteView(tx: Db, scope: Scope, id: string): Promise<void> {
  await tx.orm.delete(savedViews).where(and(inOrg(scope, savedViews.orgId), eq(savedViews.id, id)));
}
