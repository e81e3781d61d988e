import { auditLog, users, type Db } from "@openkam/db";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";

const NEWEST_FIRST: SortKey = { expr: sql`${auditLog.at}`, type: "timestamptz", desc: true };

/**
 * The audit trail of an account and of the records hanging off it (contacts,
 * orders, interactions, tasks, team members): entries about the account
 * itself, and entries whose record, before or after the change, names the
 * account as its `accountId`. Matching on the recorded state keeps hard-deleted
 * records and records moved to another account in the trail.
 */
export async function listAccountActivity(db: Db, scope: Scope, accountId: string, page: { limit: number; cursor?: string }) {
  const where = and(
    inOrg(scope, auditLog.orgId),
    sql`((${auditLog.entityType} = 'account' and ${auditLog.entityId} = ${accountId})
      or ${auditLog.after} ->> 'accountId' = ${accountId}
      or ${auditLog.before} ->> 'accountId' = ${accountId})`,
    afterCursor(NEWEST_FIRST, auditLog.id, page.cursor),
  );
  return db.orm
    .select({ ...getTableColumns(auditLog), actorName: users.name, sortKey: sql<string>`(${NEWEST_FIRST.expr})::text` })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(where)
    .orderBy(...orderBy(NEWEST_FIRST, auditLog.id))
    .limit(page.limit + 1);
}
