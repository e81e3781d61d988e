import { accounts, contacts, memberships, products, users, type Db } from "@openkam/db";
import { seesAllAccounts, type ImportEntity } from "@openkam/domain";
import { nameOrderKey } from "@openkam/domain/names/name-order";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";
import type { Rejection } from "./imports.repository";

/**
 * What the import job needs from each entity. The job reads, maps and
 * validates rows (Zod) and groups them; an importer resolves references and
 * writes a batch with set-based SQL.
 */

/** Rows that are written together: one row, or the consecutive lines of one order. */
export interface Group<T> {
  key: string;
  lines: number[];
  values: T[];
  /** The file's cells of each line, for the rejection report. */
  cells: string[][];
}

export interface ImportRun {
  db: Db;
  scope: Scope;
  /** The fields the file has a column for: an upsert changes only those. */
  present: ReadonlySet<string>;
  /** Every key of the file (external_id), for references to rows further down the same file. */
  fileKeys: ReadonlySet<string>;
  caches: Map<string, Map<string, string | null>>;
  /** A line's cells keyed by the file's headers. */
  rawOf(cells: readonly string[]): Record<string, string>;
  /** The file's header for a field, for the rejection report. */
  columnOf(field: string | null): string | null;
}

export interface PreparedBatch {
  /** Data rows (file lines) that will be written. */
  accepted: number;
  rejections: Rejection[];
  write(tx: Db): Promise<void>;
}

export interface EntityImporter<T> {
  entity: ImportEntity;
  /** The field that identifies a record across imports (external_id, or sku for products). */
  keyField: string;
  /** Columns the file must have. */
  requiredFields: readonly string[];
  /** Consecutive rows with the same key form one record (order lines). */
  groupsRows?: boolean;
  /** A reference to another record of the same file (parent account, manager): linked after all rows are written. */
  selfReference?: { field: string };
  prepare(run: ImportRun, groups: Array<Group<T>>): Promise<PreparedBatch>;
  /** Sets the self references, child key → parent key (null clears); idempotent. */
  link?(tx: Db, scope: Scope, pairs: Array<[string, string | null]>): Promise<void>;
}

export const param = (values: readonly unknown[]) => sql.param(values);

/** Rejects every line of a group with one reason (the first line gets the detail). */
export function rejectGroup<T>(run: Pick<ImportRun, "rawOf" | "columnOf">, group: Group<T>, field: string | null, reason: string): Rejection[] {
  return group.lines.map((line, i) => ({
    line,
    column: run.columnOf(field),
    reason: i === 0 ? reason : `${reason} (see line ${group.lines[0]})`,
    raw: run.rawOf(group.cells[i] ?? []),
  }));
}

type LookupKind = "account" | "product" | "contact" | "member";

const LOOKUPS: Record<LookupKind, (db: Db, scope: Scope, keys: string[]) => Promise<Array<{ key: string; id: string }>>> = {
  account: (db, scope, keys) =>
    db.orm.select({ key: sql<string>`${accounts.externalId}`, id: accounts.id }).from(accounts)
      .where(and(inOrg(scope, accounts.orgId), isNull(accounts.deletedAt), sql`${accounts.externalId} = any(${param(keys)}::text[])`, visibleAccount(scope, accounts.id))),
  product: (db, scope, keys) =>
    db.orm.select({ key: products.sku, id: products.id }).from(products)
      .where(and(inOrg(scope, products.orgId), sql`${products.sku} = any(${param(keys)}::text[])`)),
  contact: (db, scope, keys) =>
    db.orm.select({ key: sql<string>`${contacts.externalId}`, id: contacts.id }).from(contacts)
      .where(and(inOrg(scope, contacts.orgId), isNull(contacts.deletedAt), sql`${contacts.externalId} = any(${param(keys)}::text[])`, visibleAccount(scope, contacts.accountId))),
  member: (db, scope, keys) =>
    db.orm.select({ key: sql<string>`lower(${users.email})`, id: users.id }).from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(inOrg(scope, memberships.orgId), eq(memberships.isActive, true), sql`lower(${users.email}) = any(${param(keys)}::text[])`)),
};

/**
 * Ids of referenced records by key, through a per-import cache, so a file of a
 * million order lines asks the database about each account and sku once.
 */
export async function resolve(run: ImportRun, kind: LookupKind, keys: Iterable<string>): Promise<Map<string, string | null>> {
  let cache = run.caches.get(kind);
  if (!cache) run.caches.set(kind, (cache = new Map()));
  const missing = [...new Set(keys)].filter((k) => !cache.has(k));
  for (let i = 0; i < missing.length; i += 5000) {
    const slice = missing.slice(i, i + 5000);
    for (const k of slice) cache.set(k, null);
    for (const row of await LOOKUPS[kind](run.db, run.scope, slice)) cache.set(row.key, row.id);
  }
  return cache;
}

/**
 * Keys of existing records the scope may not change: they hang off an account
 * the user cannot see. Always empty for admins and directors.
 */
export async function hiddenKeys(run: ImportRun, table: PgTable, columns: { orgId: PgColumn; externalId: PgColumn; accountId: PgColumn }, keys: string[]): Promise<Set<string>> {
  if (seesAllAccounts(run.scope.role) || run.scope.userId === null || keys.length === 0) return new Set();
  const rows = await run.db.rows<{ key: string }>(sql`
    select ${columns.externalId} as key from ${table}
    where ${inOrg(run.scope, columns.orgId)} and ${columns.externalId} = any(${param(keys)}::text[]) and not (${visibleAccount(run.scope, columns.accountId)})`);
  return new Set(rows.map((r) => r.key));
}

/** `col = excluded.col` for the fields the file has, so absent columns keep their values. */
export function updateSet(present: ReadonlySet<string>, columns: Record<string, string>): SQL {
  const parts = Object.entries(columns).filter(([field]) => present.has(field)).map(([, column]) => `${column} = excluded.${column}`);
  // A name's sort key (nameKeys below) goes with the name wherever a name is written.
  if (parts.includes("name = excluded.name")) parts.push("name_key = excluded.name_key");
  return sql.raw(parts.join(", "));
}

/** The lists' sort keys of the names of a batch (pinyin for Chinese, nameOrderKey), as one parameter. */
export const nameKeys = (names: ReadonlyArray<string | null | undefined>) => param(names.map((n) => (n === undefined || n === null ? null : nameOrderKey(n))));

/** Lines accepted in a batch: the lines of the groups that survived. */
export const countLines = <T>(groups: Array<Group<T>>) => groups.reduce((n, g) => n + g.lines.length, 0);
