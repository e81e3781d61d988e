import { ACCOUNT_SIZES, ACCOUNT_STATUSES, ACCOUNT_TIERS, BUYING_ROLES, TEAM_ROLES } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { check, foreignKey, index, integer, jsonb, pgTable, primaryKey, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { deletedAt, oneOf, orgId, timestamps, version } from "./columns";
import { memberships, organizations } from "./identity";

export const accounts = pgTable("accounts", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  name: text("name").notNull(),
  /** What lists sort the name by (nameOrderKey in the domain: pinyin for Chinese), compared byte by byte. */
  nameKey: text("name_key"),
  legalName: text("legal_name"),
  industry: text("industry"),
  region: text("region"),
  /** ISO 3166-1 alpha-2. */
  country: text("country"),
  /** ISO 4217; the currency the account is billed in. */
  currency: text("currency").notNull(),
  size: text("size", { enum: ACCOUNT_SIZES }),
  tier: text("tier", { enum: ACCOUNT_TIERS }).notNull().default("standard"),
  status: text("status", { enum: ACCOUNT_STATUSES }).notNull().default("active"),
  ownerUserId: uuid("owner_user_id"),
  parentAccountId: uuid("parent_account_id"),
  tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
  customFields: jsonb("custom_fields").$type<Record<string, unknown>>().notNull().default({}),
  externalId: text("external_id"),
  createdBy: uuid("created_by"),
  ...timestamps,
  version: version(),
  deletedAt: deletedAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
  foreignKey({ columns: [t.orgId, t.ownerUserId], foreignColumns: [memberships.orgId, memberships.userId] }),
  foreignKey({ columns: [t.orgId, t.parentAccountId], foreignColumns: [t.orgId, t.id] }),
  uniqueIndex("accounts_external_id_key").on(t.orgId, t.externalId),
  index("accounts_org_name_key_idx").on(t.orgId, sql`${t.nameKey} collate "C"`, t.id),
  index("accounts_org_owner_idx").on(t.orgId, t.ownerUserId),
  index("accounts_org_updated_idx").on(t.orgId, t.updatedAt, t.id),
  check("accounts_tier_check", oneOf("tier", ACCOUNT_TIERS)),
  check("accounts_status_check", oneOf("status", ACCOUNT_STATUSES)),
  check("accounts_size_check", sql`size is null or ${oneOf("size", ACCOUNT_SIZES)}`),
  check("accounts_currency_check", sql`${t.currency} ~ '^[A-Z]{3}$'`),
  check("accounts_not_own_parent", sql`${t.parentAccountId} is distinct from ${t.id}`),
]);

export const contacts = pgTable("contacts", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  accountId: uuid("account_id").notNull(),
  name: text("name").notNull(),
  /** What lists sort the name by (nameOrderKey in the domain: pinyin for Chinese), compared byte by byte. */
  nameKey: text("name_key"),
  title: text("title"),
  department: text("department"),
  email: text("email"),
  phone: text("phone"),
  buyingRole: text("buying_role", { enum: BUYING_ROLES }),
  /** 1 (little) to 5 (decisive) influence on the buying decision. */
  influence: smallint("influence"),
  /** Attitude towards us, -2 (opposes) to +2 (advocates). */
  attitude: smallint("attitude"),
  reportsToContactId: uuid("reports_to_contact_id"),
  notes: text("notes"),
  externalId: text("external_id"),
  createdBy: uuid("created_by"),
  ...timestamps,
  version: version(),
  deletedAt: deletedAt(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }),
  foreignKey({ columns: [t.orgId, t.reportsToContactId], foreignColumns: [t.orgId, t.id] }),
  uniqueIndex("contacts_external_id_key").on(t.orgId, t.externalId),
  index("contacts_org_account_idx").on(t.orgId, t.accountId),
  index("contacts_org_name_key_idx").on(t.orgId, sql`${t.nameKey} collate "C"`, t.id),
  check("contacts_buying_role_check", sql`buying_role is null or ${oneOf("buying_role", BUYING_ROLES)}`),
  check("contacts_influence_check", sql`${t.influence} is null or ${t.influence} between 1 and 5`),
  check("contacts_attitude_check", sql`${t.attitude} is null or ${t.attitude} between -2 and 2`),
  check("contacts_not_own_manager", sql`${t.reportsToContactId} is distinct from ${t.id}`),
]);

export const accountTeamMembers = pgTable("account_team_members", {
  orgId: orgId(),
  accountId: uuid("account_id").notNull(),
  userId: uuid("user_id").notNull(),
  teamRole: text("team_role", { enum: TEAM_ROLES }).notNull(),
  /** Share of the member's working time given to this account, 0-100. */
  allocationPct: integer("allocation_pct").notNull().default(0),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.accountId, t.userId] }),
  foreignKey({ columns: [t.orgId, t.accountId], foreignColumns: [accounts.orgId, accounts.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
  index("account_team_members_user_idx").on(t.orgId, t.userId),
  check("account_team_members_role_check", oneOf("team_role", TEAM_ROLES)),
  check("account_team_members_allocation_check", sql`${t.allocationPct} between 0 and 100`),
]);
