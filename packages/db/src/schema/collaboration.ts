import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { oneOf, orgId, timestamps, version } from "./columns";
import { memberships, organizations } from "./identity";

/** What a comment can be about; plans and cases validate their own subjects. */
export const COMMENT_SUBJECT_TYPES = ["account", "plan", "case"] as const;
export const NOTIFICATION_KINDS = ["cadence_reminder", "mention", "feedback_assigned"] as const;
export const MAIL_DELIVERY_STATUSES = ["sending", "sent", "failed"] as const;

export const COMMENT_MAX_LENGTH = 10_000;

/**
 * A plain-text comment on an account or on a record of it. Mentions are stored as user ids
 * picked by the writer, never parsed out of the text.
 */
export const comments = pgTable("comments", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  /** Always set, also for plans and cases: permission checks go through the account. */
  accountId: uuid("account_id").notNull(),
  subjectType: text("subject_type", { enum: COMMENT_SUBJECT_TYPES }).notNull(),
  subjectId: uuid("subject_id").notNull(),
  authorUserId: uuid("author_user_id").notNull(),
  body: text("body").notNull(),
  mentionedUserIds: jsonb("mentioned_user_ids").$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  editedAt: timestamp("edited_at", { withTimezone: true, mode: "date" }),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.authorUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
  index("comments_subject_idx").on(t.orgId, t.subjectType, t.subjectId, t.id),
  check("comments_subject_type_check", oneOf("subject_type", COMMENT_SUBJECT_TYPES)),
  check("comments_body_check", sql`length(${t.body}) between 1 and ${sql.raw(String(COMMENT_MAX_LENGTH))}`),
]);

/**
 * In-app notifications, one row per recipient. `dedupe_key` makes producers idempotent: a
 * retried reminder job inserts the same key and nothing happens.
 */
export const notifications = pgTable("notifications", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  userId: uuid("user_id").notNull(),
  kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
  actorUserId: uuid("actor_user_id"),
  accountId: uuid("account_id"),
  subjectType: text("subject_type", { enum: COMMENT_SUBJECT_TYPES }),
  subjectId: uuid("subject_id"),
  commentId: uuid("comment_id"),
  /** Kind-specific facts for the text (item counts, an excerpt); never used for permissions. */
  data: jsonb("data").$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  dedupeKey: text("dedupe_key"),
  readAt: timestamp("read_at", { withTimezone: true, mode: "date" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  index("notifications_user_idx").on(t.orgId, t.userId, t.id),
  index("notifications_unread_idx").on(t.orgId, t.userId).where(sql`${t.readAt} is null`),
  uniqueIndex("notifications_dedupe_key").on(t.orgId, t.userId, t.dedupeKey),
  check("notifications_kind_check", oneOf("kind", NOTIFICATION_KINDS)),
]);

/** Per-user choices about notifications; no row means the defaults (all on). */
export const notificationPreferences = pgTable("notification_preferences", {
  orgId: orgId(),
  userId: uuid("user_id").notNull(),
  cadenceReminderEmail: boolean("cadence_reminder_email").notNull().default(true),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.userId] }),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
]);

/**
 * One row per e-mail meant to go out, keyed so that a retried or duplicated job finds the row
 * and does not send again. `sending` rows older than a lease may be taken over (the sender died).
 */
export const mailDeliveries = pgTable("mail_deliveries", {
  orgId: orgId(),
  userId: uuid("user_id").notNull(),
  kind: text("kind").notNull(),
  dedupeKey: text("dedupe_key").notNull(),
  status: text("status", { enum: MAIL_DELIVERY_STATUSES }).notNull(),
  recipient: text("recipient").notNull(),
  attemptedAt: timestamp("attempted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  messageId: text("message_id"),
  error: text("error"),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.userId, t.kind, t.dedupeKey] }),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
  check("mail_deliveries_status_check", oneOf("status", MAIL_DELIVERY_STATUSES)),
]);

/**
 * Periodic jobs enqueued so far: the key (e.g. a day) is unique per organization and job, so
 * when several instances tick at once only the first insert enqueues the job.
 */
export const scheduledRuns = pgTable("scheduled_runs", {
  orgId: orgId(),
  name: text("name").notNull(),
  period: text("period").notNull(),
  jobId: uuid("job_id").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.name, t.period] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }).onDelete("cascade"),
]);
