import type { TImport, TImportRejection } from "@openkam/contracts";
import type { importRejections } from "@openkam/db";
import type { ImportRow } from "./imports.repository";

export function presentImport(row: ImportRow): TImport {
  return {
    id: row.id,
    entity: row.entity,
    mode: row.mode,
    dryRun: row.dryRun,
    status: row.status,
    fileName: row.fileName,
    rowsRead: row.rowsRead,
    rowsAccepted: row.rowsAccepted,
    rowsRejected: row.rowsRejected,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

export function presentRejection(row: typeof importRejections.$inferSelect): TImportRejection {
  return { line: row.line, column: row.column, reason: row.reason, raw: row.raw ?? null };
}
