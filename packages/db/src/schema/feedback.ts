import { FEEDBACK_SEVERITIES, FEEDBACK_SOURCES, FEEDBACK_STATUSES } from "@openkam/domain/feedback/index";
import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { oneOf, orgId, version } from "./columns";
import { memberships } from "./identity";

/**
 * What a customer told us (a survey answer, something said in an interaction or a case, an
 * e-mail) and where the loop to fix it stands. `task_id` is the improvement action; the task
 * carries `source_type = 'feedback'` back, and has no foreign key here so that deleting a task
 * is the tasks module's business (a deleted action reads as none).
 */
export const feedbackItems = pgTable("feedback_items", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  source: text("source", { enum: FEEDBACK_SOURCES }).notNull(),
  /** The survey response, interaction or case it came from; none for e-mail and manual entry. */
  sourceId: uuid("source_id"),
  title: text("title").notNull(),
  description: text("description"),
  category: text("category"),
  severity: text("severity", { enum: FEEDBACK_SEVERITIES }).notNull(),
  /** The product or area concerned. */
  area: text("area"),
  ownerUserId: uuid("owner_user_id"),
  status: text("status", { enum: FEEDBACK_STATUSES }).notNull().default("new"),
  taskId: uuid("task_id"),
  /** For e-mail: who sent it and when (the message itself is the description). */
  emailFrom: text("email_from"),
  emailSentAt: timestamp("email_sent_at", { withTimezone: true, mode: "date" }),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  statusChangedAt: timestamp("status_changed_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.ownerUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
  index("feedback_items_account_idx").on(t.orgId, t.accountId, t.status),
  index("feedback_items_status_idx").on(t.orgId, t.status, t.statusChangedAt),
  index("feedback_items_owner_idx").on(t.orgId, t.ownerUserId),
  index("feedback_items_source_idx").on(t.orgId, t.source, t.sourceId),
  index("feedback_items_closed_idx").on(t.orgId, t.accountId, t.closedAt).where(sql`${t.closedAt} is not null`),
  check("feedback_items_source_check", oneOf("source", FEEDBACK_SOURCES)),
  check("feedback_items_severity_check", oneOf("severity", FEEDBACK_SEVERITIES)),
  check("feedback_items_status_check", oneOf("status", FEEDBACK_STATUSES)),
  check("feedback_items_source_id_check", sql`${t.source} in ('email', 'manual') or ${t.sourceId} is not null`),
  check("feedback_items_closed_check", sql`(${t.status} = 'closed') = (${t.closedAt} is not null)`),
  check("feedback_items_task_check", sql`${t.status} in ('new', 'acknowledged') or ${t.taskId} is not null`),
]);

/** Every move of an item through the loop: the time-in-state metrics are computed from these. */
export const feedbackTransitions = pgTable("feedback_transitions", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  feedbackId: uuid("feedback_id").notNull(),
  fromStatus: text("from_status", { enum: FEEDBACK_STATUSES }).notNull(),
  toStatus: text("to_status", { enum: FEEDBACK_STATUSES }).notNull(),
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  byUserId: uuid("by_user_id"),
  /** How the customer was told (to informed), why it was reopened, or any remark. */
  note: text("note"),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.feedbackId], foreignColumns: [feedbackItems.orgId, feedbackItems.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.byUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
  index("feedback_transitions_item_idx").on(t.orgId, t.feedbackId, t.at),
  check("feedback_transitions_from_check", oneOf("from_status", FEEDBACK_STATUSES)),
  check("feedback_transitions_to_check", oneOf("to_status", FEEDBACK_STATUSES)),
]);
