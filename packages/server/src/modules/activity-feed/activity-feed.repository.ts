import { accounts, auditLog, users, type Db } from "@openkam/db";
import { and, desc, eq, lt, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";

const UUID_TEXT = "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$";
const asUuid = (text: ReturnType<typeof sql>) => sql`(case when ${text} ~ ${UUID_TEXT} then (${text})::uuid end)`;

/**
 * The account an audit entry is about: the account itself, or the account the record names
 * (after the change, else before it), as `listAccountActivity` matches them.
 */
const accountIdOf = sql`(case when ${auditLog.entityType} = 'account' then ${auditLog.entityId}
  else coalesce(${asUuid(sql`${auditLog.after} ->> 'accountId'`)}, ${asUuid(sql`${auditLog.before} ->> 'accountId'`)}) end)`;

const recorded = sql`coalesce(${auditLog.after}, ${auditLog.before})`;

export interface ActivityRow {
  id: string;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  accountId: string;
  accountName: string;
  label: string | null;
  excerpt: string | null;
}

/**
 * What happened on the accounts the scope sees, newest first (ids are time-ordered, so the
 * primary key serves the order and the cursor). Comments are audited like every write, so they
 * arrive through the same trail, with the start of their text.
 */
export async function listActivity(db: Db, scope: Scope, page: { limit: number; beforeId?: string; mine?: boolean }): Promise<ActivityRow[]> {
  return db.orm
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorUserId: auditLog.actorUserId,
      actorName: users.name,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      accountId: accounts.id,
      accountName: accounts.name,
      label: sql<string | null>`left(coalesce(${recorded} ->> 'name', ${recorded} ->> 'title', ${recorded} ->> 'subject'), 200)`,
      excerpt: sql<string | null>`case when ${auditLog.entityType} = 'comment' then left(${recorded} ->> 'body', 200) end`,
    })
    .from(auditLog)
    .innerJoin(accounts, and(eq(accounts.orgId, auditLog.orgId), sql`${accounts.id} = ${accountIdOf}`))
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(
      inOrg(scope, auditLog.orgId),
      visibleAccount(scope),
      page.mine ? visibleAccount({ ...scope, role: "member" }) : undefined,
      page.beforeId ? lt(auditLog.id, page.beforeId) : undefined,
    ))
    .orderBy(desc(auditLog.id))
    .limit(page.limit + 1);
}
