import type { Database } from "@openkam/db";
import { lockDataDir } from "@openkam/db/connection/data-dir-lock";
import { databaseOn } from "@openkam/db/connection/database";
import type { Connection, Driver } from "@openkam/db/connection/driver";
import { createPgliteDriver } from "@openkam/db/connection/pglite-driver";
import { createPostgresDriver } from "@openkam/db/connection/postgres-driver";
import { resolve } from "node:path";

export interface Statement {
  text: string;
  params: unknown[];
  rowMode: "array" | "object";
  /** Sent on a connection held for a transaction. */
  inTransaction: boolean;
}

/** A database whose driver writes down every statement while `recording` is on. */
export interface RecordingDatabase extends Database {
  record<T>(fn: () => Promise<T>): Promise<{ result: T; statements: Statement[] }>;
}

function recording(driver: Driver) {
  let log: Statement[] | null = null;
  const note = (text: string, params: readonly unknown[], rowMode: Statement["rowMode"], inTransaction: boolean) => {
    log?.push({ text, params: [...params], rowMode, inTransaction });
  };
  const wrapped: Driver = {
    kind: driver.kind,
    query(text, params, rowMode) {
      note(text, params, rowMode, false);
      return driver.query(text, params, rowMode);
    },
    copyFrom(statement, data) {
      note(statement, [], "object", false);
      return driver.copyFrom(statement, data);
    },
    withConnection: (fn) =>
      driver.withConnection((conn) => {
        const recorded: Connection = {
          query(text, params, rowMode) {
            note(text, params, rowMode, true);
            return conn.query(text, params, rowMode);
          },
          copyFrom(statement, data) {
            note(statement, [], "object", true);
            return conn.copyFrom(statement, data);
          },
        };
        return fn(recorded);
      }),
    exec: (script) => driver.exec(script),
    // The app's credential cache listens on it in server mode, as it does when served.
    ...(driver.listen ? { listen: driver.listen.bind(driver) } : {}),
    close: () => driver.close(),
  };
  return {
    driver: wrapped,
    async record<T>(fn: () => Promise<T>) {
      log = [];
      try {
        const result = await fn();
        return { result, statements: log };
      } finally {
        log = null;
      }
    },
  };
}

/** Opens the bench database with a recording driver: the SQL a route sends is replayed by the bare route. */
export async function openRecordingDatabase(target: { url: string } | { dataDir: string }): Promise<RecordingDatabase> {
  if ("url" in target) {
    const rec = recording(await createPostgresDriver({ url: target.url, maxConnections: 5 }));
    return { ...databaseOn(rec.driver, "bench"), record: rec.record };
  }
  const release = lockDataDir(target.dataDir);
  const rec = recording(await createPgliteDriver(resolve(target.dataDir, "pgdata")));
  const database = databaseOn(rec.driver, target.dataDir);
  return {
    ...database,
    record: rec.record,
    async close() {
      await database.close();
      release();
    },
  };
}

/** The statements that do the route's work: authentication (token lookup) is what the bare route leaves out. */
export function dataStatements(statements: Statement[]): Statement[] {
  return statements.filter((s) => !/"api_tokens"|"sessions"/.test(s.text));
}
