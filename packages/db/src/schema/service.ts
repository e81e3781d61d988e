import { ACCOUNT_TIERS, CASE_EVENT_TYPES, CASE_STATUSES, SLA_PRIORITIES, type BusinessInterval, type Weekday } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { oneOf, orgId, timestamps, version } from "./columns";
import { memberships, organizations } from "./identity";

/** An organization's own SLA target for a tier and priority, on top of the defaults (DEFAULT_SLA_TARGETS). */
export const slaPolicies = pgTable("sla_policies", {
  orgId: orgId(),
  tier: text("tier", { enum: ACCOUNT_TIERS }).notNull(),
  priority: text("priority", { enum: SLA_PRIORITIES }).notNull(),
  firstResponseMinutes: integer("first_response_minutes").notNull(),
  resolutionMinutes: integer("resolution_minutes").notNull(),
  /** False: the clocks run around the clock (24x7). */
  businessHours: boolean("business_hours").notNull(),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.tier, t.priority] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
  check("sla_policies_tier_check", oneOf("tier", ACCOUNT_TIERS)),
  check("sla_policies_priority_check", oneOf("priority", SLA_PRIORITIES)),
  check("sla_policies_minutes_check", sql`${t.firstResponseMinutes} > 0 and ${t.resolutionMinutes} > 0`),
]);

/** A closed day of the service calendar. */
export interface ServiceHoliday {
  date: string;
  name: string;
}

/**
 * When the SLA clocks that count business hours run: opening hours per weekday and holidays,
 * read in a time zone (null: the organization's). One row per organization; none = the standard week.
 */
export const serviceCalendars = pgTable("service_calendars", {
  orgId: orgId(),
  timeZone: text("time_zone"),
  weeklyHours: jsonb("weekly_hours").$type<Partial<Record<Weekday, BusinessInterval[]>>>().notNull(),
  holidays: jsonb("holidays").$type<ServiceHoliday[]>().notNull().default([]),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
  check("service_calendars_shape_check", sql`jsonb_typeof(${t.weeklyHours}) = 'object' and jsonb_typeof(${t.holidays}) = 'array'`),
]);

/** What the contract with an account includes and excludes, so everyone sets the same expectations. */
export const accountServiceScopes = pgTable("account_service_scopes", {
  orgId: orgId(),
  accountId: uuid("account_id").notNull(),
  included: jsonb("included").$type<string[]>().notNull().default([]),
  excluded: jsonb("excluded").$type<string[]>().notNull().default([]),
  /** Support hours, channels, named contacts: anything the lists do not say. */
  notes: text("notes"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.accountId] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  check("account_service_scopes_shape_check", sql`jsonb_typeof(${t.included}) = 'array' and jsonb_typeof(${t.excluded}) = 'array'`),
]);

/**
 * A support case of an account. `first_response_at` and `resolved_at` repeat what the events say,
 * for filters and metrics; the SLA clocks are always replayed from the events.
 */
export const cases = pgTable("cases", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  title: text("title").notNull(),
  description: text("description"),
  priority: text("priority", { enum: SLA_PRIORITIES }).notNull(),
  status: text("status", { enum: CASE_STATUSES }).notNull().default("open"),
  assigneeUserId: uuid("assignee_user_id"),
  /** The account's tier when the case was opened: its targets and its metrics stay with it. */
  tier: text("tier", { enum: ACCOUNT_TIERS }).notNull(),
  openedAt: timestamp("opened_at", { withTimezone: true, mode: "date" }).notNull(),
  firstResponseAt: timestamp("first_response_at", { withTimezone: true, mode: "date" }),
  resolvedAt: timestamp("resolved_at", { withTimezone: true, mode: "date" }),
  createdBy: uuid("created_by"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.assigneeUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
  index("cases_org_account_idx").on(t.orgId, t.accountId, t.openedAt),
  index("cases_org_status_idx").on(t.orgId, t.status, t.openedAt),
  index("cases_org_assignee_idx").on(t.orgId, t.assigneeUserId),
  check("cases_priority_check", oneOf("priority", SLA_PRIORITIES)),
  check("cases_status_check", oneOf("status", CASE_STATUSES)),
  check("cases_tier_check", oneOf("tier", ACCOUNT_TIERS)),
]);

/** What happened to a case, in order: the history its SLA clocks are computed from. */
export const caseEvents = pgTable("case_events", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  caseId: uuid("case_id").notNull(),
  type: text("type", { enum: CASE_EVENT_TYPES }).notNull(),
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull(),
  /** The case's status after the event. */
  status: text("status", { enum: CASE_STATUSES }).notNull(),
  actorUserId: uuid("actor_user_id"),
  body: text("body"),
  /** What changed (assignee, priority), for the timeline. */
  detail: jsonb("detail").$type<Record<string, unknown>>(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.caseId], foreignColumns: [cases.orgId, cases.id] }).onDelete("cascade"),
  index("case_events_case_idx").on(t.orgId, t.caseId, t.at),
  check("case_events_type_check", oneOf("type", CASE_EVENT_TYPES)),
  check("case_events_status_check", oneOf("status", CASE_STATUSES)),
]);
