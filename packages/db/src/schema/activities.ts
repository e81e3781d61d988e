import { INTERACTION_TYPES, TASK_PRIORITIES, TASK_SOURCES, TASK_STATUSES } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { check, date, doublePrecision, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, contacts } from "./accounts";
import { oneOf, orgId, timestamps, version } from "./columns";
import { memberships } from "./identity";

export const interactions = pgTable("interactions", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  type: text("type", { enum: INTERACTION_TYPES }).notNull(),
  /** When it happened, or is planned to happen (a future date makes it the account's next interaction). */
  occurredAt: timestamp("occurred_at", { withTimezone: true, mode: "date" }).notNull(),
  durationMinutes: integer("duration_minutes"),
  subject: text("subject").notNull(),
  summary: text("summary"),
  outcome: text("outcome"),
  nextStep: text("next_step"),
  externalId: text("external_id"),
  createdBy: uuid("created_by"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }),
  uniqueIndex("interactions_external_id_key").on(t.orgId, t.externalId),
  index("interactions_org_account_at_idx").on(t.orgId, t.accountId, t.occurredAt),
  check("interactions_type_check", oneOf("type", INTERACTION_TYPES)),
  check("interactions_duration_check", sql`${t.durationMinutes} is null or ${t.durationMinutes} >= 0`),
]);

export const interactionContacts = pgTable("interaction_contacts", {
  orgId: orgId(),
  interactionId: uuid("interaction_id").notNull(),
  contactId: uuid("contact_id").notNull(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.interactionId, t.contactId] }),
  foreignKey({ columns: [t.orgId, t.interactionId], foreignColumns: [interactions.orgId, interactions.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }),
]);

export const interactionUsers = pgTable("interaction_users", {
  orgId: orgId(),
  interactionId: uuid("interaction_id").notNull(),
  userId: uuid("user_id").notNull(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.interactionId, t.userId] }),
  foreignKey({ columns: [t.orgId, t.interactionId], foreignColumns: [interactions.orgId, interactions.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }),
]);

export const tasks = pgTable("tasks", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  title: text("title").notNull(),
  description: text("description"),
  accountId: uuid("account_id"),
  assigneeUserId: uuid("assignee_user_id"),
  dueDate: date("due_date", { mode: "string" }),
  status: text("status", { enum: TASK_STATUSES }).notNull().default("todo"),
  priority: text("priority", { enum: TASK_PRIORITIES }).notNull().default("medium"),
  /** Order within a board column. */
  position: doublePrecision("position").notNull().default(0),
  completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
  createdBy: uuid("created_by"),
  /** What the task was made from (a plan action, a case, ...); the source's module owns the link. */
  sourceType: text("source_type", { enum: TASK_SOURCES }),
  sourceId: uuid("source_id"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }),
  foreignKey({ columns: [t.orgId, t.assigneeUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
  index("tasks_org_account_idx").on(t.orgId, t.accountId),
  index("tasks_org_assignee_idx").on(t.orgId, t.assigneeUserId, t.status),
  index("tasks_org_source_idx").on(t.orgId, t.sourceType, t.sourceId),
  check("tasks_status_check", oneOf("status", TASK_STATUSES)),
  check("tasks_priority_check", oneOf("priority", TASK_PRIORITIES)),
  check("tasks_source_check", sql`(${t.sourceType} is null) = (${t.sourceId} is null) and (${t.sourceType} is null or ${oneOf("source_type", TASK_SOURCES)})`),
]);
