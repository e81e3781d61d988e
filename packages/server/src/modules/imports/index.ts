import { newId, type Db } from "@openkam/db";
import type { ImportEntity, ImportMode, ImportStatus } from "@openkam/domain";
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { hostname } from "node:os";
import { basename } from "node:path";
import type { JobQueue } from "../../jobs/job-queue";
import type { ModuleDeps } from "../module";
import type { Scope } from "../../tenancy/scope";
import { IMPORT_JOB_KIND, runImport, type ImportProgressEvent } from "./imports.job";
import { planColumns } from "./imports.mapping";
import { detectFormat } from "./imports.reader";
import * as repo from "./imports.repository";
import { storeFile, unsupportedFile } from "./imports.upload";

export { IMPORT_JOB_KIND, runImport } from "./imports.job";
export { importsRoutes } from "./imports.routes";

export interface ImportFileOptions {
  db: Db;
  scope: Scope;
  entity: ImportEntity;
  filePath: string;
  fileName?: string;
  mode: ImportMode;
  dryRun: boolean;
  mapping?: Record<string, string>;
  onProgress?: (progress: ImportProgressEvent) => void;
  /** Rows per committed batch, and bytes per stored chunk (tests use small ones). */
  batchRows?: number;
  chunkBytes?: number;
}

export interface ImportFileResult {
  importId: string;
  status: ImportStatus;
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
  error: string | null;
  /** The first 100 rejections, in file order. */
  rejections: Array<{ line: number; column: string | null; reason: string }>;
}

/**
 * Imports a file in this process (the CLI): stores it like an upload, holds
 * the import's job under a lease while running it, so that if this process
 * dies a server can take the import over and resume it.
 */
export async function importFile(options: ImportFileOptions): Promise<ImportFileResult> {
  const { db, scope } = options;
  const fileName = options.fileName ?? basename(options.filePath);
  const handle = await open(options.filePath, "r");
  const head = Buffer.alloc(8192);
  const { bytesRead } = await handle.read(head, 0, head.length, 0);
  await handle.close();
  if (!detectFormat(fileName, "", head.subarray(0, bytesRead))) throw unsupportedFile();
  // Fails early on a mapping that names unknown fields.
  if (options.mapping) planColumns(Object.keys(options.mapping), options.entity, options.mapping);

  const importId = newId();
  const jobId = newId();
  await db.transaction(async (tx) => {
    await repo.insertImport(tx, scope, {
      id: importId, entity: options.entity, mode: options.mode, dryRun: options.dryRun, fileName, format: "csv", fileSize: 0, mapping: options.mapping ?? null,
    });
    const { size, format } = await storeFile(tx, scope, importId, createReadStream(options.filePath), { name: fileName, mimeType: "" }, options.chunkBytes);
    await repo.completeUpload(tx, scope, importId, { fileSize: size, format });
    await repo.insertHeldJob(tx, scope, jobId, IMPORT_JOB_KIND, { importId }, `${hostname()}:${process.pid}:cli`);
  });

  let failure: string | undefined;
  try {
    await runImport(db, scope.orgId, importId, {
      batchRows: options.batchRows,
      attempt: Number.MAX_SAFE_INTEGER,
      heartbeat: () => repo.renewHeldJob(db, scope, jobId),
      onProgress: options.onProgress,
    });
  } catch (error) {
    failure = (error as Error).message;
    throw error;
  } finally {
    await repo.finishHeldJob(db, scope, jobId, failure);
  }
  const row = (await repo.findImport(db, scope, importId))!;
  const rejections = await repo.listRejections(db, scope, importId, 100);
  return {
    importId,
    status: row.status,
    rowsRead: row.rowsRead,
    rowsAccepted: row.rowsAccepted,
    rowsRejected: row.rowsRejected,
    error: row.error,
    rejections: rejections.map((r) => ({ line: r.line, column: r.column, reason: r.reason })),
  };
}

/** The job handler: runs or resumes the import named in the payload. */
export function registerImportJob(jobs: JobQueue, { db }: Pick<ModuleDeps, "db">): void {
  jobs.register(IMPORT_JOB_KIND, async (payload, ctx) => {
    const importId = String(payload.importId);
    const batchRows = typeof payload.batchRows === "number" ? payload.batchRows : undefined;
    await runImport(db, ctx.orgId, importId, { batchRows, attempt: ctx.attempt, heartbeat: ctx.heartbeat });
  });
}
