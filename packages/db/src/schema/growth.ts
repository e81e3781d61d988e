import { BUSINESS_UNIT_KINDS, INITIATIVE_STATUSES, INITIATIVE_VALUE_KINDS, OPPORTUNITY_STAGES, WHITESPACE_MANUAL_STATES, type JourneyStage } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { check, date, foreignKey, index, jsonb, numeric, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts, contacts } from "./accounts";
import { oneOf, orgId, timestamps, version } from "./columns";
import { products } from "./commerce";
import { memberships } from "./identity";

/** A customer's business units and sites: the columns of its whitespace map. */
export const accountBusinessUnits = pgTable("account_business_units", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  name: text("name").notNull(),
  /** What lists sort the name by (nameOrderKey in the domain: pinyin for Chinese), compared byte by byte. */
  nameKey: text("name_key"),
  kind: text("kind", { enum: BUSINESS_UNIT_KINDS }).notNull().default("business_unit"),
  notes: text("notes"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  uniqueIndex("account_business_units_name_key").on(t.orgId, t.accountId, sql`lower(${t.name})`),
  check("account_business_units_kind_check", oneOf("kind", BUSINESS_UNIT_KINDS)),
]);

/** The sales pipeline of an account. Money is exact: numeric value with its ISO currency. */
export const opportunities = pgTable("opportunities", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  name: text("name").notNull(),
  /** What lists sort the name by (nameOrderKey in the domain: pinyin for Chinese), compared byte by byte. */
  nameKey: text("name_key"),
  stage: text("stage", { enum: OPPORTUNITY_STAGES }).notNull().default("qualify"),
  value: numeric("value", { precision: 18, scale: 2 }).notNull(),
  currency: text("currency").notNull(),
  /** Whole percent, 0-100. */
  probability: smallint("probability").notNull(),
  expectedCloseDate: date("expected_close_date", { mode: "string" }),
  ownerUserId: uuid("owner_user_id"),
  productId: uuid("product_id"),
  /** The business unit or site it is for, which places it on the whitespace map. */
  businessUnitId: uuid("business_unit_id"),
  notes: text("notes"),
  createdBy: uuid("created_by"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.ownerUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
  foreignKey({ columns: [t.orgId, t.productId], foreignColumns: [products.orgId, products.id] }),
  foreignKey({ columns: [t.orgId, t.businessUnitId], foreignColumns: [accountBusinessUnits.orgId, accountBusinessUnits.id] }),
  index("opportunities_org_account_idx").on(t.orgId, t.accountId),
  index("opportunities_org_stage_close_idx").on(t.orgId, t.stage, t.expectedCloseDate),
  check("opportunities_stage_check", oneOf("stage", OPPORTUNITY_STAGES)),
  check("opportunities_probability_check", sql`${t.probability} between 0 and 100`),
  check("opportunities_value_check", sql`${t.value} >= 0`),
  check("opportunities_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
]);

/** The user's call on one product for one business unit; "bought" and "in pipeline" are also derived from orders and opportunities. */
export const whitespaceCells = pgTable("whitespace_cells", {
  orgId: orgId(),
  businessUnitId: uuid("business_unit_id").notNull(),
  productId: uuid("product_id").notNull(),
  state: text("state", { enum: WHITESPACE_MANUAL_STATES }),
  estimatedValue: numeric("estimated_value", { precision: 18, scale: 2 }),
  currency: text("currency"),
  notes: text("notes"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.businessUnitId, t.productId] }),
  foreignKey({ columns: [t.orgId, t.businessUnitId], foreignColumns: [accountBusinessUnits.orgId, accountBusinessUnits.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.productId], foreignColumns: [products.orgId, products.id] }).onDelete("cascade"),
  index("whitespace_cells_product_idx").on(t.orgId, t.productId),
  check("whitespace_cells_state_check", sql`${t.state} is null or ${oneOf("state", WHITESPACE_MANUAL_STATES)}`),
  check("whitespace_cells_value_check", sql`(${t.estimatedValue} is null) = (${t.currency} is null) and (${t.estimatedValue} is null or ${t.estimatedValue} >= 0)`),
  check("whitespace_cells_currency_check", sql`${t.currency} is null or ${t.currency} ~ '^[A-Z]{3}$'`),
]);

/** Value co-creation: an initiative run with the customer, and what it promised and delivered to them. */
export const growthInitiatives = pgTable("growth_initiatives", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  title: text("title").notNull(),
  description: text("description"),
  status: text("status", { enum: INITIATIVE_STATUSES }).notNull().default("proposed"),
  valueKind: text("value_kind", { enum: INITIATIVE_VALUE_KINDS }).notNull().default("cost_saved"),
  customerContactId: uuid("customer_contact_id"),
  ownerUserId: uuid("owner_user_id"),
  currency: text("currency").notNull(),
  valuePromised: numeric("value_promised", { precision: 18, scale: 2 }).notNull().default("0"),
  valueDelivered: numeric("value_delivered", { precision: 18, scale: 2 }).notNull().default("0"),
  investment: numeric("investment", { precision: 18, scale: 2 }).notNull().default("0"),
  startDate: date("start_date", { mode: "string" }),
  targetDate: date("target_date", { mode: "string" }),
  createdBy: uuid("created_by"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.customerContactId], foreignColumns: [contacts.orgId, contacts.id] }),
  foreignKey({ columns: [t.orgId, t.ownerUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
  index("growth_initiatives_org_account_idx").on(t.orgId, t.accountId),
  check("growth_initiatives_status_check", oneOf("status", INITIATIVE_STATUSES)),
  check("growth_initiatives_value_kind_check", oneOf("value_kind", INITIATIVE_VALUE_KINDS)),
  check("growth_initiatives_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  check("growth_initiatives_money_check", sql`${t.valuePromised} >= 0 and ${t.valueDelivered} >= 0 and ${t.investment} >= 0`),
  check("growth_initiatives_dates_check", sql`${t.startDate} is null or ${t.targetDate} is null or ${t.targetDate} >= ${t.startDate}`),
]);

/** An account's customer journey map, kept whole: stages in order, each with touchpoints, pain points and actions. */
export const customerJourneys = pgTable("customer_journeys", {
  orgId: orgId(),
  accountId: uuid("account_id").notNull(),
  stages: jsonb("stages").$type<JourneyStage[]>().notNull(),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.accountId] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  check("customer_journeys_stages_check", sql`jsonb_typeof(${t.stages}) = 'array'`),
]);
