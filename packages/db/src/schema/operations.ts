import { IMPORT_ENTITIES, IMPORT_MODES, IMPORT_STATUSES } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { bigint, boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea, oneOf, orgId, timestamps, version } from "./columns";
import { organizations } from "./identity";

/** Who changed what, when: one row per write, with the record before and after. */
export const auditLog = pgTable("audit_log", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  actorUserId: uuid("actor_user_id"),
  actorTokenId: uuid("actor_token_id"),
  action: text("action").notNull(),
  entityType: text("entity_type").notNull(),
  entityId: uuid("entity_id").notNull(),
  before: jsonb("before"),
  after: jsonb("after"),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
  index("audit_log_entity_idx").on(t.orgId, t.entityType, t.entityId, t.at),
  // The account activity trail finds changes to records of an account by the accountId they recorded.
  index("audit_log_after_account_idx").on(t.orgId, sql`(${t.after} ->> 'accountId')`),
  index("audit_log_before_account_idx").on(t.orgId, sql`(${t.before} ->> 'accountId')`),
]);

/**
 * A PostgreSQL-backed job queue. Workers claim jobs with FOR UPDATE SKIP LOCKED,
 * so several server instances can share one queue; a lease that is not renewed
 * (crashed worker) lets another instance take the job over.
 */
export const jobs = pgTable("jobs", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  kind: text("kind").notNull(),
  payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
  status: text("status", { enum: ["queued", "running", "succeeded", "failed"] }).notNull().default("queued"),
  attempts: integer("attempts").notNull().default(0),
  runAfter: timestamp("run_after", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  lockedBy: text("locked_by"),
  lockedUntil: timestamp("locked_until", { withTimezone: true, mode: "date" }),
  lastError: text("last_error"),
  ...timestamps,
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  index("jobs_claim_idx").on(t.status, t.runAfter),
]);

export const imports = pgTable("imports", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  entity: text("entity", { enum: IMPORT_ENTITIES }).notNull(),
  mode: text("mode", { enum: IMPORT_MODES }).notNull(),
  dryRun: boolean("dry_run").notNull().default(false),
  status: text("status", { enum: IMPORT_STATUSES }).notNull().default("queued"),
  fileName: text("file_name").notNull(),
  format: text("format", { enum: ["csv", "xlsx"] }).notNull(),
  fileSize: bigint("file_size", { mode: "number" }).notNull(),
  mapping: jsonb("mapping").$type<Record<string, string>>(),
  rowsRead: integer("rows_read").notNull().default(0),
  rowsAccepted: integer("rows_accepted").notNull().default(0),
  rowsRejected: integer("rows_rejected").notNull().default(0),
  /** Last file line whose batch is committed; a resumed job skips up to here. */
  committedLine: integer("committed_line").notNull().default(0),
  error: text("error"),
  createdBy: uuid("created_by"),
  ...timestamps,
  startedAt: timestamp("started_at", { withTimezone: true, mode: "date" }),
  finishedAt: timestamp("finished_at", { withTimezone: true, mode: "date" }),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
  check("imports_entity_check", oneOf("entity", IMPORT_ENTITIES)),
  check("imports_mode_check", oneOf("mode", IMPORT_MODES)),
  check("imports_status_check", oneOf("status", IMPORT_STATUSES)),
]);

/** The uploaded file, in chunks, so any server instance can run the import. */
export const importFileChunks = pgTable("import_file_chunks", {
  orgId: orgId(),
  importId: uuid("import_id").notNull(),
  seq: integer("seq").notNull(),
  data: bytea("data").notNull(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.importId, t.seq] }),
  foreignKey({ columns: [t.orgId, t.importId], foreignColumns: [imports.orgId, imports.id] }).onDelete("cascade"),
]);

export const importRejections = pgTable("import_rejections", {
  orgId: orgId(),
  importId: uuid("import_id").notNull(),
  line: integer("line").notNull(),
  seq: integer("seq").notNull(),
  column: text("column"),
  reason: text("reason").notNull(),
  raw: jsonb("raw").$type<Record<string, string>>(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.importId, t.line, t.seq] }),
  foreignKey({ columns: [t.orgId, t.importId], foreignColumns: [imports.orgId, imports.id] }).onDelete("cascade"),
]);
