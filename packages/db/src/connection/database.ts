import { AsyncLocalStorage } from "node:async_hooks";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import { drizzle, type PgRemoteDatabase } from "drizzle-orm/pg-proxy";
import * as schema from "../schema/index";
import type { Connection, DatabaseKind, Driver, ListenEvent, Listener } from "./driver";

export type Orm = PgRemoteDatabase<typeof schema>;

/**
 * A handle on the database: either auto-commit, or bound to one transaction.
 * Services receive a `Db` and never know which engine is behind it.
 */
export interface Db {
  readonly kind: DatabaseKind;
  /** The Drizzle query builder. */
  readonly orm: Orm;
  /** Runs `fn` in one transaction and commits it; inside a transaction, joins it. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Raw SQL (a Drizzle `sql` template) returning rows as plain objects. */
  rows<T = Record<string, unknown>>(query: SQL): Promise<T[]>;
  /**
   * Bulk input: `copy <table> (<columns>) from stdin`, `data` its input in parts, made as they are sent on
   * PostgreSQL: in text format rows of fields escaped with copyField, tab-separated, each ending with a line break; in
   * binary format (`… from stdin (format binary)`) the buffers of binaryCopyData.
   */
  copyFrom(statement: string, data: Iterable<string | Uint8Array>): Promise<void>;
}

export interface Database extends Db {
  /** Where the data lives, for logs: a data folder or a redacted URL. */
  readonly location: string;
  /** Runs a script of several statements outside any transaction. */
  exec(script: string): Promise<void>;
  /** Follows a NOTIFY channel; undefined on the embedded engine, where one process owns the data. */
  readonly listen?: (channel: string, onEvent: (event: ListenEvent) => void) => Listener;
  close(): Promise<void>;
}

const dialect = new PgDialect();
// Marks the async context that holds a transaction, so that a query sent on the
// root handle from inside it fails loudly instead of waiting for a lock it holds.
const inTransaction = new AsyncLocalStorage<Driver>();

function ormOn(conn: Connection): Orm {
  return drizzle(
    async (text, params, method) => ({ rows: await conn.query(text, params, method === "all" ? "array" : "object") }),
    { schema },
  );
}

function bind(kind: DatabaseKind, conn: Connection, transaction: Db["transaction"]): Db {
  return {
    kind,
    orm: ormOn(conn),
    transaction,
    async rows<T>(query: SQL) {
      const compiled = dialect.sqlToQuery(query);
      return (await conn.query(compiled.sql, compiled.params, "object")) as T[];
    },
    copyFrom: (statement, data) => conn.copyFrom(statement, data),
  };
}

export function databaseOn(driver: Driver, location: string): Database {
  /** `work` on the root handle, refused inside a transaction (it would wait for the connection the transaction holds). */
  const outsideTransactions = <T>(what: string, work: () => Promise<T>): Promise<T> =>
    inTransaction.getStore() === driver
      ? Promise.reject(new Error(`a ${what} on the root database handle ran inside a transaction; use the transaction's handle`))
      : work();
  const guarded: Connection = {
    query: (text, params, rowMode) => outsideTransactions("query", () => driver.query(text, params, rowMode)),
    copyFrom: (statement, data) => outsideTransactions("copy", () => driver.copyFrom(statement, data)),
  };

  const transaction = <T>(fn: (tx: Db) => Promise<T>): Promise<T> =>
    driver.withConnection((conn) =>
      inTransaction.run(driver, async () => {
        const tx: Db = bind(driver.kind, conn, (inner) => inner(tx));
        await conn.query("begin", [], "object");
        try {
          const result = await fn(tx);
          await conn.query("commit", [], "object");
          return result;
        } catch (error) {
          await conn.query("rollback", [], "object").catch(() => undefined);
          throw error;
        }
      }),
    );

  return {
    ...bind(driver.kind, guarded, transaction),
    location,
    exec: (script) => driver.exec(script),
    ...(driver.listen ? { listen: driver.listen.bind(driver) } : {}),
    close: () => driver.close(),
  };
}

/** One field of a `copy … from stdin` line in text format: null as \N, backslash, tab, newline and return escaped. */
export function copyField(value: string | number | null): string {
  if (value === null) return "\\N";
  return String(value).replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}
