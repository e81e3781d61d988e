import { PROGRAMME_GOAL_KINDS } from "@openkam/domain/programme/index";
import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, integer, numeric, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { oneOf, orgId, timestamps, version } from "./columns";
import { memberships, organizations } from "./identity";

/** The organization's KAM programme: one per organization, with its pilot cohort and goals below. */
export const kamProgrammes = pgTable("kam_programmes", {
  orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
  id: uuid("id").notNull(),
  name: text("name").notNull(),
  description: text("description"),
  startsOn: date("starts_on", { mode: "string" }),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  // A second programme of the same organization is a conflict, whoever creates it first.
  uniqueIndex("kam_programmes_org_idx").on(t.orgId),
]);

/** The accounts of the pilot cohort. */
export const kamProgrammeAccounts = pgTable("kam_programme_accounts", {
  orgId: orgId(),
  programmeId: uuid("programme_id").notNull(),
  accountId: uuid("account_id").notNull(),
  addedBy: uuid("added_by"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.programmeId, t.accountId] }),
  foreignKey({ columns: [t.orgId, t.programmeId], foreignColumns: [kamProgrammes.orgId, kamProgrammes.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.addedBy], foreignColumns: [memberships.orgId, memberships.userId] }),
  index("kam_programme_accounts_account_idx").on(t.orgId, t.accountId),
]);

/**
 * What the programme is judged by: "at least `target`" of a measure computed from the cohort's
 * data (percent), or of a manual measure whose current value is entered.
 */
export const kamProgrammeGoals = pgTable("kam_programme_goals", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  programmeId: uuid("programme_id").notNull(),
  title: text("title").notNull(),
  kind: text("kind", { enum: PROGRAMME_GOAL_KINDS }).notNull(),
  target: numeric("target", { precision: 16, scale: 2 }).notNull(),
  /** Entered for manual goals; computed goals are measured on every read. */
  manualValue: numeric("manual_value", { precision: 16, scale: 2 }),
  unit: text("unit"),
  position: integer("position").notNull().default(0),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.programmeId], foreignColumns: [kamProgrammes.orgId, kamProgrammes.id] }).onDelete("cascade"),
  index("kam_programme_goals_programme_idx").on(t.orgId, t.programmeId, t.position),
  check("kam_programme_goals_kind_check", oneOf("kind", PROGRAMME_GOAL_KINDS)),
  check("kam_programme_goals_manual_check", sql`${t.kind} = 'manual' or ${t.manualValue} is null`),
]);
