import type { Db } from "@openkam/db";
import { AsyncLocalStorage } from "node:async_hooks";
import { AppError } from "../../http/app-error";
import { systemScope, type Scope } from "../../tenancy/scope";
import type { EntityImporter, Group, ImportRun, PreparedBatch } from "./imports.entity";
import { IMPORTERS } from "./imports.importers";
import { cellsOf, planColumns, type ColumnPlan } from "./imports.mapping";
import { readRows, UnreadableFileError, type FileRow } from "./imports.reader";
import * as repo from "./imports.repository";
import { parseRow } from "./imports.rows";

export const IMPORT_JOB_KIND = "import";
/** Rows per committed batch; an order's lines are never split across batches. */
export const DEFAULT_BATCH_ROWS = 5000;
const MAX_ATTEMPTS = 5;

export interface ImportProgressEvent {
  rowsRead: number;
  rowsAccepted: number;
  rowsRejected: number;
}

export interface RunImportOptions {
  batchRows?: number;
  /** The job's attempt number (1 on the first run); the last attempt fails the import instead of retrying. */
  attempt?: number;
  /** Extends the job's lease; called between batches. */
  heartbeat?: () => Promise<void>;
  onProgress?: (progress: ImportProgressEvent) => void;
}

interface Batch {
  groups: Array<Group<unknown>>;
  rejections: repo.Rejection[];
  read: number;
  lastLine: number;
}

interface Pass {
  run: ImportRun;
  importer: EntityImporter<unknown>;
  plan: ColumnPlan;
  rows: AsyncIterable<FileRow>;
  skipUntil: number;
  batchRows: number;
  /** key → first line it appeared on, to reject repeated records. */
  seen: Map<string, number>;
  links: Array<[string, string | null]>;
}

/** Turns file rows into validated batches: maps, validates with the row schema, groups, rejects repeats. */
async function* batches(pass: Pass): AsyncGenerator<Batch> {
  const { importer, plan, run } = pass;
  const keyColumn = plan.get(importer.keyField)?.index ?? -1;
  const selfField = importer.selfReference?.field;
  let batch: Batch = { groups: [], rejections: [], read: 0, lastLine: pass.skipUntil };
  let open: { key: string; lines: number[]; cells: string[][] } | null = null;

  const close = () => {
    if (!open) return;
    const { key, lines, cells } = open;
    open = null;
    batch.read += lines.length;
    batch.lastLine = lines[lines.length - 1]!;
    const values: unknown[] = [];
    const failed: repo.Rejection[] = [];
    lines.forEach((line, i) => {
      const parsed = parseRow(importer.entity, cellsOf(plan, cells[i]!));
      if (parsed.ok) values.push(parsed.value);
      else for (const p of parsed.problems) failed.push({ line, column: run.columnOf(p.field), reason: p.reason, raw: run.rawOf(cells[i]!) });
    });
    const group: Group<unknown> = { key, lines, values, cells };
    const first = key === "" ? undefined : pass.seen.get(key);
    if (key !== "" && first === undefined) pass.seen.set(key, lines[0]!);
    if (failed.length > 0) {
      const bad = new Set(failed.map((f) => f.line));
      batch.rejections.push(...failed);
      for (const [i, line] of lines.entries()) {
        if (!bad.has(line)) batch.rejections.push({ line, column: run.columnOf(importer.keyField), reason: `${importer.keyField}: ${key} has a rejected line (line ${[...bad][0]})`, raw: run.rawOf(cells[i]!) });
      }
      return;
    }
    if (first !== undefined) {
      const hint = importer.groupsRows ? "; the lines of one record must be consecutive" : "";
      batch.rejections.push(...rejectAll(run, group, importer.keyField, `${importer.keyField}: ${key} already appears on line ${first}${hint}`));
      return;
    }
    if (selfField && run.present.has(selfField)) {
      const value = (values[0] as Record<string, string | null>)[selfField] ?? null;
      pass.links.push([key, value]);
    }
    batch.groups.push(group);
  };

  for await (const row of pass.rows) {
    const key = (row.values[keyColumn] ?? "").trim();
    if (row.line <= pass.skipUntil) {
      // Committed before a restart: only remember what later rows are checked against.
      if (key !== "" && !pass.seen.has(key)) pass.seen.set(key, row.line);
      if (selfField && run.present.has(selfField)) {
        const parsed = parseRow(importer.entity, cellsOf(plan, row.values));
        if (parsed.ok) pass.links.push([key, (parsed.value as Record<string, string | null>)[selfField] ?? null]);
      }
      continue;
    }
    if (open && importer.groupsRows && key !== "" && key === open.key) {
      open.lines.push(row.line);
      open.cells.push(row.values);
      continue;
    }
    close();
    if (batch.read >= pass.batchRows) {
      yield batch;
      batch = { groups: [], rejections: [], read: 0, lastLine: batch.lastLine };
    }
    open = { key, lines: [row.line], cells: [row.values] };
  }
  close();
  if (batch.read > 0) yield batch;
}

function rejectAll(run: ImportRun, group: Group<unknown>, field: string, reason: string): repo.Rejection[] {
  return group.lines.map((line, i) => ({ line, column: run.columnOf(field), reason, raw: run.rawOf(group.cells[i] ?? []) }));
}

/** The header row, then the data rows, of the stored file. */
async function openFile(db: Db, scope: Scope, row: repo.ImportRow) {
  const rows = readRows(repo.readChunks(db, scope, row.id), row.format);
  const first = await rows.next();
  if (first.done) throw new UnreadableFileError("The file is empty");
  const headers = first.value.values.map((h) => h.replace(/^\uFEFF/, "").trim());
  return { headers, rows: { [Symbol.asyncIterator]: () => rows } as AsyncIterable<FileRow> };
}

function fail(message: string): never {
  throw new UnreadableFileError(message);
}

/**
 * Runs (or resumes) one import. Rows are validated, then written in batches
 * of set-based SQL; each batch commits together with its rejections and the
 * import's counters and committed line, so a process killed mid-import leaves
 * no partial batch, and a resumed run skips what was committed.
 */
export async function runImport(db: Db, orgId: string, importId: string, options: RunImportOptions = {}): Promise<void> {
  const scope = systemScope(orgId);
  const row = await repo.findImport(db, scope, importId);
  if (!row || row.status === "succeeded" || row.status === "failed") return;
  const actor: Scope = row.createdBy ? await actorScope(db, scope, row.createdBy) : scope;
  try {
    await execute(db, actor, row, options);
  } catch (error) {
    const expected = error instanceof UnreadableFileError || error instanceof AppError;
    if (!expected && (options.attempt ?? 1) < MAX_ATTEMPTS) throw error;
    const message = expected ? (error as Error).message : `The import stopped on an unexpected error: ${(error as Error).message}`;
    await repo.updateProgress(db, scope, importId, { status: "failed", error: message.slice(0, 2000), finished: true });
  }
}

/** Imports run with the rights of the user who started them (visibility of accounts). */
async function actorScope(db: Db, scope: Scope, userId: string): Promise<Scope> {
  const role = await repo.memberRole(db, scope, userId);
  return Object.freeze({ orgId: scope.orgId, userId, role: role ?? "viewer", tokenId: null });
}

async function execute(db: Db, scope: Scope, row: repo.ImportRow, options: RunImportOptions): Promise<void> {
  const importer = IMPORTERS[row.entity] as EntityImporter<unknown>;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const heartbeat = options.heartbeat ?? (async () => undefined);
  const writes = !row.dryRun;
  const allOrNothing = row.mode === "all-or-nothing";

  if (row.status === "queued") {
    await repo.updateProgress(db, scope, row.id, { status: "running", started: true });
  }
  // On a server database all-or-nothing writes while it validates, in one transaction (see allOrNothingInOnePass);
  // what a crashed run committed is only its counters, so a resumed run starts again from the first line.
  const onePass = writes && allOrNothing && db.kind === "postgres";
  if (onePass && row.committedLine > 0) {
    await db.transaction(async (tx) => {
      await repo.deleteRejections(tx, scope, row.id);
      await repo.updateProgress(tx, scope, row.id, { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, committedLine: 0 });
    });
    Object.assign(row, { rowsRead: 0, rowsAccepted: 0, rowsRejected: 0, committedLine: 0 });
  }
  const counts = { rowsRead: row.rowsRead, rowsAccepted: row.rowsAccepted, rowsRejected: row.rowsRejected };
  const report = () => options.onProgress?.({ ...counts });

  const { headers, rows } = await openFile(db, scope, row);
  const plan = planColumns(headers, row.entity, row.mapping);
  const missing = importer.requiredFields.filter((f) => !plan.has(f));
  if (missing.length > 0) fail(`The file has no column for ${missing.join(", ")}; name the columns like an export, or map them`);

  const fileKeys = new Set<string>();
  if (importer.selfReference && plan.has(importer.selfReference.field)) {
    const keyIndex = plan.get(importer.keyField)!.index;
    for await (const r of (await openFile(db, scope, row)).rows) {
      const key = (r.values[keyIndex] ?? "").trim();
      if (key) fileKeys.add(key);
    }
  }
  const run: ImportRun = {
    db, scope, fileKeys,
    present: new Set(plan.keys()),
    caches: new Map(),
    rawOf: (cells) => Object.fromEntries(headers.map((h, i) => [h || `column ${i + 1}`, cells[i] ?? ""])),
    columnOf: (field) => (field === null ? null : (plan.get(field)?.header ?? field)),
  };
  const newPass = (rowsIn: AsyncIterable<FileRow>, skipUntil: number): Pass => ({
    run, importer, plan, rows: rowsIn, skipUntil, batchRows, seen: new Map(), links: [],
  });

  // Keeps the lease while a long transaction holds the connection (the explicit heartbeats wait for it).
  let beating = false;
  const keepAlive = setInterval(() => {
    if (beating) return;
    beating = true;
    heartbeat().catch(() => undefined).finally(() => (beating = false));
  }, 20_000);
  try {
    if (onePass) {
      await allOrNothingInOnePass({ db, scope, row, run, importer, counts, report, heartbeat, newPass });
      return;
    }
    // Pass 1 for all-or-nothing and dry runs: validate (references too), commit rejections and counters batch by batch.
    // valid-rows: the same loop also writes each batch.
    const writeInPass = writes && !allOrNothing;
    const pass = newPass(rows, row.committedLine);
    let inflight: Promise<void> | undefined;
    for await (const batch of batches(pass)) {
      const prepared = await importer.prepare(run, batch.groups);
      await inflight;
      const commit = db.transaction(async (tx) => {
        if (writeInPass && prepared.accepted > 0) await prepared.write(tx);
        await commitCounts(tx, scope, row.id, batch, prepared);
      }).then(async () => {
        counts.rowsRead += batch.read;
        counts.rowsAccepted += prepared.accepted;
        counts.rowsRejected += batch.read - prepared.accepted;
        report();
        await heartbeat();
      });
      commit.catch(() => undefined);
      inflight = commit;
    }
    await inflight;
    // Pass 2 keeps its own; a million keys are worth giving back before it starts.
    pass.seen.clear();

    if (allOrNothing && counts.rowsRejected > 0) {
      const what = writes ? "nothing was imported" : "a real import would write nothing";
      await repo.updateProgress(db, scope, row.id, {
        status: "failed", rowsAccepted: 0, finished: true,
        error: `${counts.rowsRejected} of ${counts.rowsRead} rows were rejected, so ${what} (all-or-nothing); see the rejections`,
      });
      counts.rowsAccepted = 0;
      report();
      return;
    }
    if (writes && allOrNothing) {
      // Pass 2: every write in one transaction; a crash here commits nothing and the rerun starts this pass again.
      await db.transaction(async (tx) => {
        // The file is read through the transaction too: a query on the root handle may not run inside it.
        const { rows: again } = await openFile(tx, scope, row);
        const inTx: ImportRun = { ...run, db: tx };
        const second = { ...newPass(again, 0), run: inTx };
        for await (const batch of batches(second)) {
          const prepared = await importer.prepare(inTx, batch.groups);
          if (prepared.accepted !== batch.read || batch.rejections.length > 0 || prepared.rejections.length > 0) {
            throw new AppError("CONFLICT", "The data changed while the import ran (a referenced record disappeared); start the import again");
          }
          await prepared.write(tx);
        }
        if (importer.link && second.links.length > 0) await importer.link(tx, scope, second.links);
        await repo.updateProgress(tx, scope, row.id, { status: "succeeded", finished: true });
      });
      report();
      return;
    }
    if (writes && importer.link && pass.links.length > 0) {
      const link = importer.link.bind(importer);
      await db.transaction((tx) => link(tx, scope, pass.links));
    }
    await repo.updateProgress(db, scope, row.id, { status: "succeeded", finished: true });
    report();
  } finally {
    clearInterval(keepAlive);
  }
}

class RolledBack extends Error {}

/**
 * All-or-nothing on a server database, in one pass over the file: the rows are
 * written in one transaction as their batches pass validation, while each
 * batch's counters and rejections commit on another connection, so progress
 * shows while the transaction is open. The first rejection stops the writing;
 * the rest of the file is still checked for the report, then the transaction
 * is rolled back. (Embedded mode has a single connection, so it validates the
 * whole file first and writes in a second pass.)
 */
async function allOrNothingInOnePass(p: {
  db: Db; scope: Scope; row: repo.ImportRow; run: ImportRun; importer: EntityImporter<unknown>;
  counts: { rowsRead: number; rowsAccepted: number; rowsRejected: number };
  report: () => void; heartbeat: () => Promise<void>;
  newPass: (rows: AsyncIterable<FileRow>, skipUntil: number) => Pass;
}): Promise<void> {
  const { db, scope, row, run, importer, counts } = p;
  // Runs a function outside the write transaction's context, where the root handle may be used.
  const outside = AsyncLocalStorage.snapshot();
  try {
    await db.transaction(async (tx) => {
      const { rows } = await openFile(tx, scope, row);
      const inTx: ImportRun = { ...run, db: tx };
      const pass: Pass = { ...p.newPass(rows, 0), run: inTx };
      let inflight: Promise<void> | undefined;
      for await (const batch of batches(pass)) {
        const prepared = await importer.prepare(inTx, batch.groups);
        await inflight;
        const clean = counts.rowsRejected === 0 && batch.rejections.length === 0 && prepared.rejections.length === 0;
        const step = (async () => {
          if (clean) await prepared.write(tx);
          await outside(() => db.transaction((progress) => commitCounts(progress, scope, row.id, batch, prepared)));
          counts.rowsRead += batch.read;
          counts.rowsAccepted += prepared.accepted;
          counts.rowsRejected += batch.read - prepared.accepted;
          p.report();
          await outside(p.heartbeat);
        })();
        step.catch(() => undefined);
        inflight = step;
      }
      await inflight;
      if (counts.rowsRejected > 0) throw new RolledBack();
      if (importer.link && pass.links.length > 0) await importer.link(tx, scope, pass.links);
      await repo.updateProgress(tx, scope, row.id, { status: "succeeded", finished: true });
    });
  } catch (error) {
    if (!(error instanceof RolledBack)) throw error;
    await repo.updateProgress(db, scope, row.id, {
      status: "failed", rowsAccepted: 0, finished: true,
      error: `${counts.rowsRejected} of ${counts.rowsRead} rows were rejected, so nothing was imported (all-or-nothing); see the rejections`,
    });
    counts.rowsAccepted = 0;
  }
  p.report();
}

async function commitCounts(tx: Db, scope: Scope, importId: string, batch: Batch, prepared: PreparedBatch) {
  const rejections = [...batch.rejections, ...prepared.rejections];
  if (rejections.length > 0) await repo.insertRejections(tx, scope, importId, rejections);
  await repo.addBatchCounts(tx, scope, importId, { read: batch.read, accepted: prepared.accepted, rejected: batch.read - prepared.accepted, lastLine: batch.lastLine });
}
