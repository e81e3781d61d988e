import { auditLog, newId, type Db } from "@openkam/db";
import { and, desc, eq, lt, or, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";

export type AuditAction = "create" | "update" | "delete" | "restore" | "import";

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Records a change; call it in the same transaction as the change itself. */
export async function recordAudit(tx: Db, scope: Scope, entry: AuditEntry): Promise<void> {
  inOrg(scope, auditLog.orgId);
  await tx.orm.insert(auditLog).values({
    orgId: scope.orgId,
    id: newId(),
    actorUserId: scope.userId,
    actorTokenId: scope.tokenId ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
}

/** The history of one record, newest first (ids are time-ordered UUIDs). */
export async function listAudit(db: Db, scope: Scope, entityType: string, entityId: string, limit: number, beforeId?: string) {
  return db.orm
    .select()
    .from(auditLog)
    .where(and(inOrg(scope, auditLog.orgId), eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId), beforeId ? or(lt(auditLog.id, beforeId)) : sql`true`))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
