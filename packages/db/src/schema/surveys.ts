import { ACCOUNT_TIERS } from "@openkam/domain/enums/index";
import {
  SURVEY_LANGUAGES, SURVEY_MAIL_STATUSES, SURVEY_RECURRENCES, SURVEY_TARGET_KINDS, type LocalizedText, type SurveyAnswers, type SurveyDefinition,
} from "@openkam/domain/surveys/index";
import { sql } from "drizzle-orm";
import { boolean, check, date, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, contacts } from "./accounts";
import { oneOf, orgId, timestamps, version } from "./columns";
import { memberships, organizations } from "./identity";

/**
 * A customer survey. Its questions live in `survey_versions`, one row per saved definition, so
 * an invitation shows and checks exactly the questions it was sent with; `version` is both the
 * optimistic-concurrency version and the latest definition's number.
 */
export const surveys = pgTable("surveys", {
  orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
  id: uuid("id").notNull(),
  title: jsonb("title").$type<LocalizedText>().notNull(),
  /** The language of invitations to accounts whose language is not known. */
  defaultLanguage: text("default_language", { enum: SURVEY_LANGUAGES }).notNull(),
  /** Days a link stays valid after it is sent. */
  validDays: integer("valid_days").notNull().default(30),
  archivedAt: timestamp("archived_at", { withTimezone: true, mode: "date" }),
  createdBy: uuid("created_by"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ name: "surveys_created_by_fk", columns: [t.orgId, t.createdBy], foreignColumns: [memberships.orgId, memberships.userId] }),
  index("surveys_org_created_idx").on(t.orgId, t.createdAt),
  check("surveys_language_check", oneOf("default_language", SURVEY_LANGUAGES)),
  check("surveys_valid_days_check", sql`${t.validDays} between 1 and 365`),
]);

/** Every saved definition of a survey; never changed once written. */
export const surveyVersions = pgTable("survey_versions", {
  orgId: orgId(),
  surveyId: uuid("survey_id").notNull(),
  version: integer("version").notNull(),
  definition: jsonb("definition").$type<SurveyDefinition>().notNull(),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.surveyId, t.version] }),
  foreignKey({ columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete("cascade"),
]);

/** Send a survey again and again: to one account, to every account of a tier, or to the KAM programme's cohort. */
export const surveySchedules = pgTable("survey_schedules", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  surveyId: uuid("survey_id").notNull(),
  targetKind: text("target_kind", { enum: SURVEY_TARGET_KINDS }).notNull(),
  accountId: uuid("account_id"),
  tier: text("tier", { enum: ACCOUNT_TIERS }),
  recurrence: text("recurrence", { enum: SURVEY_RECURRENCES }).notNull(),
  startsOn: date("starts_on", { mode: "string" }).notNull(),
  active: boolean("active").notNull().default(true),
  /** The last send date that went out; the periodic job sends the next one due after it. */
  lastOccurrence: date("last_occurrence", { mode: "string" }),
  createdBy: uuid("created_by"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.surveyId], foreignColumns: [surveys.orgId, surveys.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  index("survey_schedules_survey_idx").on(t.orgId, t.surveyId),
  check("survey_schedules_target_kind_check", oneOf("target_kind", SURVEY_TARGET_KINDS)),
  check("survey_schedules_recurrence_check", oneOf("recurrence", SURVEY_RECURRENCES)),
  check("survey_schedules_target_check", sql`(${t.targetKind} = 'account') = (${t.accountId} is not null) and (${t.targetKind} = 'tier') = (${t.tier} is not null)`),
]);

/**
 * One sending of a survey (now, or a schedule's send date) and its target. A schedule's send date
 * is unique, so instances that notice the same due date at once create one sending between them.
 */
export const surveySends = pgTable("survey_sends", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  surveyId: uuid("survey_id").notNull(),
  surveyVersion: integer("survey_version").notNull(),
  /** No foreign key: a sending outlives its schedule, and a composite key cannot null one column on delete. */
  scheduleId: uuid("schedule_id"),
  occurrence: date("occurrence", { mode: "string" }),
  targetKind: text("target_kind", { enum: SURVEY_TARGET_KINDS }).notNull(),
  accountId: uuid("account_id"),
  tier: text("tier", { enum: ACCOUNT_TIERS }),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ name: "survey_sends_version_fk", columns: [t.orgId, t.surveyId, t.surveyVersion], foreignColumns: [surveyVersions.orgId, surveyVersions.surveyId, surveyVersions.version] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  uniqueIndex("survey_sends_occurrence_key").on(t.orgId, t.scheduleId, t.occurrence),
  check("survey_sends_target_kind_check", oneOf("target_kind", SURVEY_TARGET_KINDS)),
]);

/**
 * One contact asked to answer, through a link of which only the SHA-256 hash is kept. The e-mail
 * is claimed before it is sent (`mail_status` 'sending', taken over after a lease when the sender
 * died), so several instances send each invitation once.
 */
export const surveyInvitations = pgTable("survey_invitations", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  surveyId: uuid("survey_id").notNull(),
  surveyVersion: integer("survey_version").notNull(),
  sendId: uuid("send_id").notNull(),
  accountId: uuid("account_id").notNull(),
  contactId: uuid("contact_id").notNull(),
  email: text("email").notNull(),
  language: text("language", { enum: SURVEY_LANGUAGES }).notNull(),
  tokenHash: text("token_hash").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  mailStatus: text("mail_status", { enum: SURVEY_MAIL_STATUSES }).notNull().default("pending"),
  mailAttemptedAt: timestamp("mail_attempted_at", { withTimezone: true, mode: "date" }),
  mailMessageId: text("mail_message_id"),
  mailError: text("mail_error"),
  sentAt: timestamp("sent_at", { withTimezone: true, mode: "date" }),
  respondedAt: timestamp("responded_at", { withTimezone: true, mode: "date" }),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ name: "survey_invitations_version_fk", columns: [t.orgId, t.surveyId, t.surveyVersion], foreignColumns: [surveyVersions.orgId, surveyVersions.surveyId, surveyVersions.version] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.sendId], foreignColumns: [surveySends.orgId, surveySends.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete("cascade"),
  uniqueIndex("survey_invitations_token_key").on(t.orgId, t.tokenHash),
  uniqueIndex("survey_invitations_send_contact_key").on(t.orgId, t.sendId, t.contactId),
  index("survey_invitations_survey_idx").on(t.orgId, t.surveyId, t.createdAt),
  index("survey_invitations_account_idx").on(t.orgId, t.accountId, t.createdAt),
  check("survey_invitations_language_check", oneOf("language", SURVEY_LANGUAGES)),
  check("survey_invitations_mail_status_check", oneOf("mail_status", SURVEY_MAIL_STATUSES)),
]);

/**
 * The one answer to an invitation. `submission_id` is made by the customer's browser, so a
 * submit retried after a dropped connection is recognised as the same one.
 */
export const surveyResponses = pgTable("survey_responses", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  surveyId: uuid("survey_id").notNull(),
  surveyVersion: integer("survey_version").notNull(),
  invitationId: uuid("invitation_id").notNull(),
  accountId: uuid("account_id").notNull(),
  contactId: uuid("contact_id").notNull(),
  submissionId: uuid("submission_id").notNull(),
  submittedAt: timestamp("submitted_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  npsScore: smallint("nps_score"),
  csatScore: smallint("csat_score"),
  /** The "why" of the NPS question (or the general comment), exactly as written. */
  comment: text("comment"),
  answers: jsonb("answers").$type<SurveyAnswers>().notNull(),
  language: text("language", { enum: SURVEY_LANGUAGES }).notNull(),
  /** The feedback item a low score opened. */
  feedbackItemId: uuid("feedback_item_id"),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ name: "survey_responses_invitation_fk", columns: [t.orgId, t.invitationId], foreignColumns: [surveyInvitations.orgId, surveyInvitations.id] }).onDelete("cascade"),
  foreignKey({ name: "survey_responses_version_fk", columns: [t.orgId, t.surveyId, t.surveyVersion], foreignColumns: [surveyVersions.orgId, surveyVersions.surveyId, surveyVersions.version] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  uniqueIndex("survey_responses_invitation_key").on(t.orgId, t.invitationId),
  uniqueIndex("survey_responses_submission_key").on(t.orgId, t.submissionId),
  index("survey_responses_survey_idx").on(t.orgId, t.surveyId, t.submittedAt),
  index("survey_responses_account_idx").on(t.orgId, t.accountId, t.submittedAt),
  check("survey_responses_nps_check", sql`${t.npsScore} is null or ${t.npsScore} between 0 and 10`),
  check("survey_responses_csat_check", sql`${t.csatScore} is null or ${t.csatScore} between 1 and 5`),
  check("survey_responses_language_check", oneOf("language", SURVEY_LANGUAGES)),
]);
