import { ORG_ROLES } from "@openkam/domain";
import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { oneOf, orgId, timestamps, version } from "./columns";

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey(),
  name: text("name").notNull(),
  defaultCurrency: text("default_currency").notNull().default("CNY"),
  fiscalYearStartMonth: integer("fiscal_year_start_month").notNull().default(1),
  timezone: text("timezone").notNull().default("Asia/Shanghai"),
  ...timestamps,
  version: version(),
}, (t) => [
  uniqueIndex("organizations_name_key").on(sql`lower(${t.name})`),
  check("organizations_fiscal_month_check", sql`${t.fiscalYearStartMonth} between 1 and 12`),
]);

/** Users are people; they belong to organizations through memberships. */
export const users = pgTable("users", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull(),
  name: text("name").notNull(),
  /** What lists sort the name by (nameOrderKey in the domain: pinyin for Chinese), compared byte by byte. */
  nameKey: text("name_key"),
  passwordHash: text("password_hash").notNull(),
  locale: text("locale"),
  isActive: boolean("is_active").notNull().default(true),
  ...timestamps,
  version: version(),
}, (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)]);

export const memberships = pgTable("memberships", {
  orgId: orgId(),
  userId: uuid("user_id").notNull().references(() => users.id),
  role: text("role", { enum: ORG_ROLES }).notNull(),
  isActive: boolean("is_active").notNull().default(true),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.userId] }),
  foreignKey({ columns: [t.orgId], foreignColumns: [organizations.id] }),
  index("memberships_user_idx").on(t.userId),
  check("memberships_role_check", oneOf("role", ORG_ROLES)),
]);

/**
 * Server-side sessions. The cookie carries a random token; only its SHA-256
 * is stored, so a leaked database does not leak live sessions.
 */
export const sessions = pgTable("sessions", {
  tokenHash: text("token_hash").primaryKey(),
  orgId: orgId(),
  userId: uuid("user_id").notNull(),
  csrfToken: text("csrf_token").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }).notNull(),
  userAgent: text("user_agent"),
}, (t) => [
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
  index("sessions_user_idx").on(t.userId),
]);

export const apiTokens = pgTable("api_tokens", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  userId: uuid("user_id").notNull(),
  name: text("name").notNull(),
  /** First characters of the token, shown in lists so people can tell tokens apart. */
  prefix: text("prefix").notNull(),
  tokenHash: text("token_hash").notNull(),
  role: text("role", { enum: ORG_ROLES }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true, mode: "date" }),
  expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
  revokedAt: timestamp("revoked_at", { withTimezone: true, mode: "date" }),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  uniqueIndex("api_tokens_hash_key").on(t.tokenHash),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
  check("api_tokens_role_check", oneOf("role", ORG_ROLES)),
]);

/** Failed and successful sign-ins, counted to rate-limit guessing across all server instances. */
export const loginAttempts = pgTable("login_attempts", {
  id: uuid("id").primaryKey(),
  email: text("email").notNull(),
  ip: text("ip").notNull(),
  succeeded: boolean("succeeded").notNull(),
  at: timestamp("at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [index("login_attempts_email_at_idx").on(sql`lower(${t.email})`, t.at), index("login_attempts_ip_at_idx").on(t.ip, t.at)]);
