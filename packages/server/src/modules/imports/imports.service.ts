import { IMPORT_FIELDS, IMPORT_REQUIRED_FIELDS, ZCreateImportFields, ZImportEntity, type TImportPreview, type TListImportsQuery, type TListRejectionsQuery } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import type { Multipart } from "@fastify/multipart";
import { AppError, invalid, notFound } from "../../http/app-error";
import { toPage } from "../../http/cursor";
import type { JobQueue } from "../../jobs/job-queue";
import type { Scope } from "../../tenancy/scope";
import { BOM, csvLine } from "../exports/exports.csv";
import { IMPORT_JOB_KIND } from "./imports.job";
import { guessMapping } from "./imports.mapping";
import { presentImport, presentRejection } from "./imports.presenter";
import { assertCanImport } from "./imports.policy";
import { detectFormat, readRows } from "./imports.reader";
import * as repo from "./imports.repository";
import { headOf, storeFile, unsupportedFile } from "./imports.upload";

interface Options {
  db: Db;
  scope: Scope;
}

function validationError(issues: Array<{ path: PropertyKey[]; message: string }>): AppError {
  const errors = issues.map((i) => ({ field: i.path.map(String).join(".") || "(root)", message: i.message }));
  return new AppError("VALIDATION_FAILED", "Some fields are invalid", { errors });
}

/**
 * Creates an import from a multipart upload: the file streams into the
 * database in chunks, and the import row, its chunks and its job commit in one
 * transaction. Parts may come in any order, so the row is created with the
 * file and completed once every field is read.
 */
export async function createImport({ db, scope, jobs, parts }: Options & { jobs: JobQueue; parts: AsyncIterable<Multipart> }) {
  assertCanImport(scope);
  const row = await db.transaction(async (tx) => {
    const id = newId();
    const fields: Record<string, string> = {};
    let stored: { size: number; format: "csv" | "xlsx"; name: string } | null = null;
    for await (const part of parts) {
      if (part.type === "field") {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== "file" || stored) {
        part.file.resume();
        continue;
      }
      const name = part.filename || "upload";
      await repo.insertImport(tx, scope, { id, entity: "accounts", mode: "all-or-nothing", dryRun: false, fileName: name.slice(0, 500), format: "csv", fileSize: 0, mapping: null });
      const { size, format } = await storeFile(tx, scope, id, part.file, { name, mimeType: part.mimetype });
      stored = { size, format, name };
    }
    if (!stored) throw invalid("file", "Attach the file as the multipart part named 'file'");
    const parsed = ZCreateImportFields.safeParse(fields);
    if (!parsed.success) throw validationError(parsed.error.issues);
    const { entity, mode, dryRun, mapping } = parsed.data;
    await repo.completeUpload(tx, scope, id, { entity, mode, dryRun, mapping: mapping ?? null, fileSize: stored.size, format: stored.format });
    await jobs.enqueue(tx, scope.orgId, IMPORT_JOB_KIND, { importId: id });
    return (await repo.findImport(tx, scope, id))!;
  });
  return presentImport(row);
}

const PREVIEW_ROWS = 10;
const PREVIEW_BYTES = { csv: 1024 * 1024, xlsx: 16 * 1024 * 1024 };

/** The headers, the first rows and a guessed mapping of a file, without storing it (the import wizard). */
export async function previewImport({ scope, parts }: { scope: Scope; parts: AsyncIterable<Multipart> }): Promise<TImportPreview> {
  assertCanImport(scope);
  const fields: Record<string, string> = {};
  let file: { head: Buffer; complete: boolean; name: string; mimeType: string } | null = null;
  for await (const part of parts) {
    if (part.type === "field") fields[part.fieldname] = String(part.value);
    else if (part.fieldname === "file" && !file) {
      const name = part.filename || "upload";
      const ext = name.toLowerCase().endsWith(".xlsx") ? "xlsx" : "csv";
      file = { ...(await headOf(part.file, PREVIEW_BYTES[ext])), name, mimeType: part.mimetype };
    } else part.file.resume();
  }
  if (!file) throw invalid("file", "Attach the file as the multipart part named 'file'");
  const entity = ZImportEntity.safeParse(fields.entity);
  if (!entity.success) throw validationError(entity.error.issues.map((i) => ({ ...i, path: ["entity"] })));
  const format = detectFormat(file.name, file.mimeType, file.head);
  if (!format) throw unsupportedFile();

  const rows: string[][] = [];
  let headers: string[] | null = null;
  const reader = readRows((async function* () { yield file.head; })(), format);
  try {
    for await (const row of reader) {
      if (!headers) headers = row.values.map((h) => h.replace(/^\uFEFF/, "").trim());
      else rows.push(row.values);
      if (rows.length >= PREVIEW_ROWS) break;
    }
  } catch (error) {
    // A file cut short at the preview limit may end in the middle of a row; what was read still previews.
    if (file.complete || !headers) throw new AppError("UNPROCESSABLE", (error as Error).message);
  }
  if (!headers) throw new AppError("UNPROCESSABLE", "The file is empty");
  return { headers, rows, guessedMapping: guessMapping(headers, entity.data), fields: [...IMPORT_FIELDS[entity.data]], requiredFields: [...IMPORT_REQUIRED_FIELDS[entity.data]] };
}

export async function getImport({ db, scope, id }: Options & { id: string }) {
  assertCanImport(scope);
  const row = await repo.findImport(db, scope, id);
  if (!row) throw notFound("Import");
  return presentImport(row);
}

export async function listImports({ db, scope, query }: Options & { query: TListImportsQuery }) {
  assertCanImport(scope);
  const page = toPage(await repo.listImports(db, scope, query), query.limit);
  return { items: page.items.map(presentImport), nextCursor: page.nextCursor };
}

const encodeRejectionCursor = (line: number, seq: number) => Buffer.from(JSON.stringify([line, seq])).toString("base64url");
function decodeRejectionCursor(cursor: string): { line: number; seq: number } {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (Array.isArray(v) && v.length === 2 && Number.isInteger(v[0]) && Number.isInteger(v[1])) return { line: v[0] as number, seq: v[1] as number };
  } catch {
    // fall through
  }
  throw invalid("cursor", "This cursor is not valid; start again from the first page");
}

export async function listRejections({ db, scope, id, query }: Options & { id: string; query: TListRejectionsQuery }) {
  await getImport({ db, scope, id });
  const rows = await repo.listRejections(db, scope, id, query.limit + 1, query.cursor ? decodeRejectionCursor(query.cursor) : undefined);
  const items = rows.slice(0, query.limit);
  const last = items[items.length - 1];
  return { items: items.map(presentRejection), nextCursor: rows.length > query.limit && last ? encodeRejectionCursor(last.line, last.seq) : null };
}

/** The file's header row, for the column order of the rejections download. */
async function fileHeaders(db: Db, scope: Scope, row: repo.ImportRow): Promise<string[]> {
  const rows = readRows(repo.readChunks(db, scope, row.id), row.format);
  try {
    const first = await rows.next();
    return first.done ? [] : first.value.values.map((h, i) => h.replace(/^\uFEFF/, "").trim() || `column ${i + 1}`);
  } catch {
    return [];
  } finally {
    await rows.return(undefined);
  }
}

/**
 * The rejections as CSV: line, column, reason, then the row as it was in the
 * file. Streamed page by page; cells are neutralised against formula injection.
 */
export async function rejectionsCsv({ db, scope, id }: Options & { id: string }): Promise<{ fileName: string; lines: AsyncGenerator<string> }> {
  assertCanImport(scope);
  const row = await repo.findImport(db, scope, id);
  if (!row) throw notFound("Import");
  const headers = await fileHeaders(db, scope, row);
  async function* lines(): AsyncGenerator<string> {
    yield BOM + csvLine(["line", "column", "reason", ...headers]);
    let after: { line: number; seq: number } | undefined;
    for (;;) {
      const page = await repo.listRejections(db, scope, id, 1000, after);
      for (const r of page) yield csvLine([r.line, r.column, r.reason, ...headers.map((h) => r.raw?.[h] ?? "")], new Set([0]));
      const last = page[page.length - 1];
      if (!last || page.length < 1000) return;
      after = { line: last.line, seq: last.seq };
    }
  }
  const base = row.fileName.replace(/\.(csv|xlsx|txt)$/i, "");
  return { fileName: `${base}-rejections.csv`, lines: lines() };
}
