/** What the rest of the package needs from a PostgreSQL connection, whichever engine is behind it. */
export type RowMode = "array" | "object";

export interface Connection {
  query(text: string, params: readonly unknown[], rowMode: RowMode): Promise<unknown[]>;
  /**
   * Runs `copy … from stdin` (text or binary format) with `data` as its input, given in parts (lines, say) that are
   * made as they are sent: for bulk writes, where the database parses plain columns instead of a JSON parameter.
   */
  copyFrom(statement: string, data: Iterable<string | Uint8Array>): Promise<void>;
}

export type DatabaseKind = "pglite" | "postgres";

export interface Driver extends Connection {
  readonly kind: DatabaseKind;
  /** Runs `fn` on one connection held exclusively (for transactions). */
  withConnection<T>(fn: (conn: Connection) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations). */
  exec(script: string): Promise<void>;
  /** Server mode only: follows a NOTIFY channel on a dedicated connection (see `Listener`). */
  listen?(channel: string, onEvent: (event: ListenEvent) => void): Listener;
  close(): Promise<void>;
}

/**
 * "up" once LISTEN is in place (again), "notify" for each notification, "down" when the connection is lost:
 * notifications may have been missed until the next "up".
 */
export type ListenEvent = "up" | "notify" | "down";

export interface Listener {
  stop(): Promise<void>;
}

/** The fields of a PostgreSQL error that callers map to problems (unique violation, foreign key, ...). */
export interface DatabaseErrorFields {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  hint?: string;
}

export class DatabaseError extends Error implements DatabaseErrorFields {
  code?: string;
  detail?: string;
  constraint?: string;
  table?: string;
  column?: string;
  schema?: string;
  hint?: string;

  constructor(message: string, fields: DatabaseErrorFields) {
    super(message);
    this.name = "DatabaseError";
    Object.assign(this, fields);
  }
}

export function isDatabaseError(error: unknown, code?: string): error is DatabaseError {
  if (typeof error !== "object" || error === null) return false;
  const c = (error as { code?: unknown }).code;
  return typeof c === "string" && /^[0-9A-Z]{5}$/.test(c) && (code === undefined || c === code);
}

/** SQLSTATE codes the application reacts to. */
export const PG_ERRORS = {
  uniqueViolation: "23505",
  foreignKeyViolation: "23503",
  checkViolation: "23514",
  notNullViolation: "23502",
  invalidTextRepresentation: "22P02",
  numericOutOfRange: "22003",
  datetimeOutOfRange: "22008",
  serializationFailure: "40001",
  queryCanceled: "57014",
  invalidDatetimeFormat: "22007",
  characterNotInRepertoire: "22021",
  untranslatableCharacter: "22P05",
  stackDepthExceeded: "54001",
} as const;
