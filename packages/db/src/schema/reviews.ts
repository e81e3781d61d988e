import { REVIEW_LANGUAGES, REVIEW_VIEWS, type ReviewCriterion } from "@openkam/domain/reviews/index";
import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, jsonb, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { oneOf, orgId, timestamps, version } from "./columns";
import { memberships, organizations } from "./identity";

export const REVIEW_CYCLE_STATUSES = ["open", "closed"] as const;
export const REVIEW_COMMENT_MAX_LENGTH = 5_000;

/** The organization's review criteria and gap threshold; absent until a director changes the defaults. */
export const reviewSettings = pgTable("review_settings", {
  orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
  criteria: jsonb("criteria").$type<ReviewCriterion[]>().notNull(),
  gapThreshold: numeric("gap_threshold", { precision: 3, scale: 2 }).notNull(),
  updatedBy: uuid("updated_by"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId] }),
  check("review_settings_gap_check", sql`${t.gapThreshold} > 0 and ${t.gapThreshold} <= 4`),
]);

/**
 * One 360° review of an account relationship for a period. It keeps a copy of the criteria and threshold it
 * started with, so changing the settings later does not change what was asked.
 */
export const reviewCycles = pgTable("review_cycles", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  title: text("title").notNull(),
  periodStart: date("period_start", { mode: "string" }).notNull(),
  periodEnd: date("period_end", { mode: "string" }).notNull(),
  criteria: jsonb("criteria").$type<ReviewCriterion[]>().notNull(),
  gapThreshold: numeric("gap_threshold", { precision: 3, scale: 2 }).notNull(),
  status: text("status", { enum: REVIEW_CYCLE_STATUSES }).notNull().default("open"),
  createdBy: uuid("created_by"),
  closedAt: timestamp("closed_at", { withTimezone: true, mode: "date" }),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  index("review_cycles_account_idx").on(t.orgId, t.accountId, t.periodEnd),
  check("review_cycles_status_check", oneOf("status", REVIEW_CYCLE_STATUSES)),
  check("review_cycles_period_check", sql`${t.periodStart} <= ${t.periodEnd}`),
]);

/**
 * Who is asked for a view, and their answer once given. Colleagues answer in the app (user_id); the customer
 * answers through a public link of which only the SHA-256 hash is kept. `submission_id` is the answering
 * client's idempotency key: a retry with the same one gets the same answer back.
 */
export const reviewInvitations = pgTable("review_invitations", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  cycleId: uuid("cycle_id").notNull(),
  view: text("view", { enum: REVIEW_VIEWS }).notNull(),
  userId: uuid("user_id"),
  /**
   * The customer contact asked, checked against the account when the review starts. Not a foreign key: deleted
   * contacts are purged for good after 30 days, and the answer they gave stays with the review.
   */
  contactId: uuid("contact_id"),
  email: text("email"),
  language: text("language", { enum: REVIEW_LANGUAGES }).notNull().default("en"),
  tokenHash: text("token_hash"),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
  sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  ratings: jsonb("ratings").$type<Record<string, number | null>>(),
  comment: text("comment"),
  submissionId: uuid("submission_id"),
  respondedAt: timestamp("responded_at", { withTimezone: true, mode: "date" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.cycleId], foreignColumns: [reviewCycles.orgId, reviewCycles.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
  index("review_invitations_cycle_idx").on(t.orgId, t.cycleId),
  index("review_invitations_user_idx").on(t.orgId, t.userId, t.respondedAt),
  uniqueIndex("review_invitations_user_key").on(t.orgId, t.cycleId, t.userId),
  uniqueIndex("review_invitations_token_key").on(t.orgId, t.tokenHash),
  check("review_invitations_view_check", oneOf("view", REVIEW_VIEWS)),
  check("review_invitations_language_check", oneOf("language", REVIEW_LANGUAGES)),
  check("review_invitations_who_check", sql`(${t.view} = 'customer') = (${t.userId} is null) and (${t.view} <> 'customer' or ${t.tokenHash} is not null)`),
  check("review_invitations_answer_check", sql`(${t.respondedAt} is null) = (${t.ratings} is null)`),
  check("review_invitations_comment_check", sql`${t.comment} is null or length(${t.comment}) <= ${sql.raw(String(REVIEW_COMMENT_MAX_LENGTH))}`),
]);
