import { EFFORT_SOURCES, MAX_EFFORT_MINUTES } from "@openkam/domain/effort/index";
import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { oneOf, orgId, timestamps, version } from "./columns";
import { memberships, organizations } from "./identity";

/**
 * Time someone spent on an account on a day: logged against an interaction, a case or a task, or entered by
 * hand. Interactions nobody logged time against count with their duration or an estimate (see docs/effort.md).
 */
export const effortEntries = pgTable("effort_entries", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  userId: uuid("user_id").notNull(),
  workedOn: date("worked_on", { mode: "string" }).notNull(),
  minutes: integer("minutes").notNull(),
  source: text("source", { enum: EFFORT_SOURCES }).notNull(),
  /** The interaction, case or task; null for manual entries. Checked against the account when written. */
  sourceId: uuid("source_id"),
  note: text("note"),
  createdBy: uuid("created_by"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }),
  index("effort_entries_account_idx").on(t.orgId, t.accountId, t.workedOn),
  index("effort_entries_user_idx").on(t.orgId, t.userId, t.workedOn),
  index("effort_entries_source_idx").on(t.orgId, t.source, t.sourceId),
  check("effort_entries_source_check", oneOf("source", EFFORT_SOURCES)),
  check("effort_entries_minutes_check", sql`${t.minutes} > 0 and ${t.minutes} <= ${sql.raw(String(MAX_EFFORT_MINUTES))}`),
  check("effort_entries_source_id_check", sql`(${t.source} = 'manual') = (${t.sourceId} is null)`),
]);

/** The organization's allocation policy; absent until a director changes the defaults. */
export const effortSettings = pgTable("effort_settings", {
  orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
  keySharePct: integer("key_share_pct").notNull(),
  overRatio: numeric("over_ratio", { precision: 4, scale: 2 }).notNull(),
  underRatio: numeric("under_ratio", { precision: 4, scale: 2 }).notNull(),
  updatedBy: uuid("updated_by"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId] }),
  check("effort_settings_key_share_check", sql`${t.keySharePct} between 0 and 100`),
  check("effort_settings_band_check", sql`${t.underRatio} > 0 and ${t.underRatio} < 1 and ${t.overRatio} > 1`),
]);
