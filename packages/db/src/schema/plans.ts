import { PLAN_CHANGES, PLAN_STATUSES, PLAN_TEMPLATE_KEYS } from "@openkam/domain/plans/index";
import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { oneOf, orgId, timestamps, version } from "./columns";
import { memberships } from "./identity";

/**
 * A joint account plan for one account and period. The sections (situation, SWOT, objectives,
 * actions, risks, the customer's goals) are one JSON document validated by the API contract:
 * they are always read, saved and versioned together.
 */
export const accountPlans = pgTable("account_plans", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  title: text("title").notNull(),
  templateKey: text("template_key", { enum: PLAN_TEMPLATE_KEYS }).notNull(),
  periodStart: date("period_start", { mode: "string" }).notNull(),
  periodEnd: date("period_end", { mode: "string" }).notNull(),
  status: text("status", { enum: PLAN_STATUSES }).notNull().default("draft"),
  content: jsonb("content").notNull(),
  /** The weighted objective attainment (0..100) as of the last save, for lists. */
  progress: integer("progress"),
  submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }),
  submittedBy: uuid("submitted_by"),
  /** The version the director approved; kept when the plan is edited again afterwards. */
  approvedVersion: integer("approved_version"),
  approvedAt: timestamp("approved_at", { withTimezone: true, mode: "date" }),
  approvedBy: uuid("approved_by"),
  reviewComment: text("review_comment"),
  createdBy: uuid("created_by"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.approvedBy], foreignColumns: [memberships.orgId, memberships.userId] }),
  index("account_plans_account_idx").on(t.orgId, t.accountId, t.periodStart),
  check("account_plans_status_check", oneOf("status", PLAN_STATUSES)),
  check("account_plans_template_check", oneOf("template_key", PLAN_TEMPLATE_KEYS)),
  check("account_plans_period_check", sql`${t.periodEnd} >= ${t.periodStart}`),
  check("account_plans_progress_check", sql`${t.progress} is null or ${t.progress} between 0 and 100`),
]);

/** Every save of a plan, as it was: version n of the plan is the row with version n. */
export const accountPlanVersions = pgTable("account_plan_versions", {
  orgId: orgId(),
  planId: uuid("plan_id").notNull(),
  version: integer("version").notNull(),
  title: text("title").notNull(),
  periodStart: date("period_start", { mode: "string" }).notNull(),
  periodEnd: date("period_end", { mode: "string" }).notNull(),
  status: text("status", { enum: PLAN_STATUSES }).notNull(),
  content: jsonb("content").notNull(),
  progress: integer("progress"),
  /** What the save was: an edit, a submission, an approval ... */
  change: text("change", { enum: PLAN_CHANGES }).notNull(),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.planId, t.version] }),
  foreignKey({ columns: [t.orgId, t.planId], foreignColumns: [accountPlans.orgId, accountPlans.id] }).onDelete("cascade"),
  check("account_plan_versions_status_check", oneOf("status", PLAN_STATUSES)),
  check("account_plan_versions_change_check", oneOf("change", PLAN_CHANGES)),
]);
