import { memberships, type Db } from "@openkam/db";
import { and, eq } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

/** Whether the user is an active member of the scope's organization. */
export async function isActiveMember(db: Db, scope: Scope, userId: string): Promise<boolean> {
  const [row] = await db.orm
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.userId, userId), eq(memberships.isActive, true)))
    .limit(1);
  return row !== undefined;
}
