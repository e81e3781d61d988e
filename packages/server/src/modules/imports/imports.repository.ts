import { importFileChunks, importRejections, imports, jobs, memberships, type Db } from "@openkam/db";
import { seesAllAccounts, type ImportEntity, type ImportMode, type OrgRole } from "@openkam/domain";
import { and, eq, getTableColumns, sql } from "drizzle-orm";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";

export type ImportRow = typeof imports.$inferSelect;

export interface Rejection {
  line: number;
  column: string | null;
  reason: string;
  raw: Record<string, string> | null;
}

const NEWEST_FIRST: SortKey = { expr: sql`${imports.createdAt}`, type: "timestamptz", desc: true };

export async function insertImport(tx: Db, scope: Scope, values: {
  id: string; entity: ImportEntity; mode: ImportMode; dryRun: boolean; fileName: string; format: "csv" | "xlsx";
  fileSize: number; mapping: Record<string, string> | null;
}): Promise<ImportRow> {
  inOrg(scope, imports.orgId);
  const [row] = await tx.orm.insert(imports).values({ ...values, orgId: scope.orgId, createdBy: scope.userId }).returning();
  return row!;
}

/** Fills in what the upload told us once all its parts were read. */
export async function completeUpload(tx: Db, scope: Scope, id: string, values: Partial<Pick<ImportRow, "entity" | "mode" | "dryRun" | "fileSize" | "mapping" | "format" | "fileName">>) {
  await tx.orm.update(imports).set({ ...values, updatedAt: sql`now()` }).where(and(inOrg(scope, imports.orgId), eq(imports.id, id)));
}

export async function insertChunk(tx: Db, scope: Scope, importId: string, seq: number, data: Uint8Array): Promise<void> {
  inOrg(scope, importFileChunks.orgId);
  await tx.orm.insert(importFileChunks).values({ orgId: scope.orgId, importId, seq, data });
}

/** The stored file, chunk by chunk; only one chunk is in memory at a time. */
export async function* readChunks(db: Db, scope: Scope, importId: string): AsyncGenerator<Buffer> {
  for (let seq = 0; ; seq++) {
    const [row] = await db.orm
      .select({ data: importFileChunks.data })
      .from(importFileChunks)
      .where(and(inOrg(scope, importFileChunks.orgId), eq(importFileChunks.importId, importId), eq(importFileChunks.seq, seq)));
    if (!row) return;
    yield Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
  }
}

/** Admins and directors see every import of the organization; account managers their own (rejections hold file contents). */
function visibleImport(scope: Scope) {
  return seesAllAccounts(scope.role) || scope.userId === null ? undefined : eq(imports.createdBy, scope.userId);
}

export async function findImport(db: Db, scope: Scope, id: string): Promise<ImportRow | undefined> {
  const [row] = await db.orm.select().from(imports).where(and(inOrg(scope, imports.orgId), visibleImport(scope), eq(imports.id, id))).limit(1);
  return row;
}

export async function listImports(db: Db, scope: Scope, query: { limit: number; cursor?: string }) {
  return db.orm
    .select({ ...getTableColumns(imports), sortKey: sql<string>`${imports.createdAt}::text` })
    .from(imports)
    .where(and(inOrg(scope, imports.orgId), visibleImport(scope), afterCursor(NEWEST_FIRST, imports.id, query.cursor)))
    .orderBy(...orderBy(NEWEST_FIRST, imports.id))
    .limit(query.limit + 1);
}

/** Rejections in file order; the cursor is the (line, seq) of the last one. */
export async function listRejections(db: Db, scope: Scope, importId: string, limit: number, after?: { line: number; seq: number }) {
  return db.orm
    .select()
    .from(importRejections)
    .where(and(
      inOrg(scope, importRejections.orgId),
      eq(importRejections.importId, importId),
      after ? sql`(${importRejections.line}, ${importRejections.seq}) > (${after.line}, ${after.seq})` : undefined,
    ))
    .orderBy(importRejections.line, importRejections.seq)
    .limit(limit);
}

export async function insertRejections(tx: Db, scope: Scope, importId: string, rejections: readonly Rejection[]): Promise<void> {
  inOrg(scope, importRejections.orgId);
  const seqOf = new Map<number, number>();
  for (let i = 0; i < rejections.length; i += 1000) {
    const slice = rejections.slice(i, i + 1000);
    await tx.orm.insert(importRejections).values(slice.map((r) => {
      const seq = (seqOf.get(r.line) ?? -1) + 1;
      seqOf.set(r.line, seq);
      return { orgId: scope.orgId, importId, line: r.line, seq, column: r.column, reason: r.reason.slice(0, 1000), raw: r.raw };
    }));
  }
}

export async function deleteRejections(tx: Db, scope: Scope, importId: string): Promise<void> {
  await tx.orm.delete(importRejections).where(and(inOrg(scope, importRejections.orgId), eq(importRejections.importId, importId)));
}

export type ImportProgress = Partial<Pick<ImportRow, "status" | "rowsRead" | "rowsAccepted" | "rowsRejected" | "committedLine" | "error">> & {
  started?: boolean;
  finished?: boolean;
};

export async function updateProgress(db: Db, scope: Scope, id: string, progress: ImportProgress): Promise<void> {
  const { started, finished, ...values } = progress;
  await db.orm
    .update(imports)
    .set({
      ...values,
      ...(started ? { startedAt: sql`coalesce(${imports.startedAt}, now())` } : {}),
      ...(finished ? { finishedAt: sql`now()` } : {}),
      updatedAt: sql`now()`,
      version: sql`${imports.version} + 1`,
    })
    .where(and(inOrg(scope, imports.orgId), eq(imports.id, id)));
}

/** Adds a committed batch's counts; runs in the batch's transaction so counts and rows commit together. */
export async function addBatchCounts(tx: Db, scope: Scope, id: string, counts: { read: number; accepted: number; rejected: number; lastLine: number }) {
  await tx.orm
    .update(imports)
    .set({
      rowsRead: sql`${imports.rowsRead} + ${counts.read}`,
      rowsAccepted: sql`${imports.rowsAccepted} + ${counts.accepted}`,
      rowsRejected: sql`${imports.rowsRejected} + ${counts.rejected}`,
      committedLine: counts.lastLine,
      updatedAt: sql`now()`,
      version: sql`${imports.version} + 1`,
    })
    .where(and(inOrg(scope, imports.orgId), eq(imports.id, id)));
}

/**
 * For imports run in-process (the CLI): a job row that this process holds
 * under a lease, so a server can take the import over if the process dies.
 */
export async function insertHeldJob(tx: Db, scope: Scope, id: string, kind: string, payload: Record<string, unknown>, holder: string): Promise<void> {
  inOrg(scope, jobs.orgId);
  await tx.orm.insert(jobs).values({
    orgId: scope.orgId, id, kind, payload, status: "running", attempts: 1, lockedBy: holder,
    lockedUntil: sql`now() + interval '60 seconds'`,
  });
}

export async function renewHeldJob(db: Db, scope: Scope, id: string): Promise<void> {
  await db.orm.update(jobs).set({ lockedUntil: sql`now() + interval '60 seconds'` }).where(and(inOrg(scope, jobs.orgId), eq(jobs.id, id)));
}

export async function finishHeldJob(db: Db, scope: Scope, id: string, error?: string): Promise<void> {
  await db.orm
    .update(jobs)
    .set({ status: error ? "failed" : "succeeded", lastError: error ?? null, lockedBy: null, lockedUntil: null, finishedAt: sql`now()`, updatedAt: sql`now()` })
    .where(and(inOrg(scope, jobs.orgId), eq(jobs.id, id)));
}


/** The role the user has in the organization now, if they are still an active member. */
export async function memberRole(db: Db, scope: Scope, userId: string): Promise<OrgRole | undefined> {
  const [row] = await db.orm
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(inOrg(scope, memberships.orgId), eq(memberships.userId, userId), eq(memberships.isActive, true)))
    .limit(1);
  return row?.role;
}
