import { databaseOn, type Database } from "../connection/database";
import type { DatabaseKind, Driver } from "../connection/driver";

export interface RecordedQuery {
  text: string;
  params: readonly unknown[];
}

/**
 * A database that executes nothing and records the SQL it is sent, for
 * snapshotting the SQL that repositories generate (a query change then shows
 * as a SQL diff in review). Not a stand-in for a database in behaviour tests.
 */
export function createRecordingDatabase(kind: DatabaseKind = "postgres"): { db: Database; queries: RecordedQuery[] } {
  const queries: RecordedQuery[] = [];
  const driver: Driver = {
    kind,
    async query(text, params) {
      queries.push({ text, params });
      return [];
    },
    async copyFrom(statement, data) {
      queries.push({ text: statement, params: [...data] });
    },
    withConnection: (fn) => fn(driver),
    async exec() {},
    async close() {},
  };
  return { db: databaseOn(driver, "recording"), queries };
}
