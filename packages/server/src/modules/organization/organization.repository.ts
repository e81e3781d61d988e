import { organizations, type Db } from "@openkam/db";
import { and, eq, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

export type OrganizationRow = typeof organizations.$inferSelect;

/** The scope's own organization: its id is the tenant key. */
export async function findOrganization(db: Db, scope: Scope, options: { forUpdate?: boolean } = {}): Promise<OrganizationRow | undefined> {
  const query = db.orm.select().from(organizations).where(inOrg(scope, organizations.id)).limit(1);
  const [row] = options.forUpdate ? await query.for("update") : await query;
  return row;
}

export type OrganizationPatch = Partial<Pick<OrganizationRow, "name" | "defaultCurrency" | "fiscalYearStartMonth" | "timezone">>;

/** Applies the patch only at the expected version; undefined when stale. */
export async function updateOrganization(tx: Db, scope: Scope, expectedVersion: number, patch: OrganizationPatch): Promise<OrganizationRow | undefined> {
  const [row] = await tx.orm
    .update(organizations)
    .set({ ...patch, version: sql`${organizations.version} + 1`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, organizations.id), eq(organizations.version, expectedVersion)))
    .returning();
  return row;
}
