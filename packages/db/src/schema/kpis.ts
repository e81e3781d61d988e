import type { ScorecardConfig } from "@openkam/domain/kpis/scorecard";
import { sql } from "drizzle-orm";
import { check, foreignKey, integer, jsonb, pgTable, primaryKey, timestamp, uuid } from "drizzle-orm/pg-core";
import { orgId } from "./columns";
import { memberships, organizations } from "./identity";

/**
 * The organization's balanced scorecard configuration, one row per version: the current one is the
 * highest version, the others its history. An organization without a row uses the default in
 * `packages/domain/src/kpis/scorecard.ts`. Two directors saving from the same version collide on
 * the primary key, so neither overwrites the other unseen.
 */
export const scorecardConfigs = pgTable("scorecard_configs", {
  orgId: orgId().references(() => organizations.id, { onDelete: "cascade" }),
  version: integer("version").notNull(),
  config: jsonb("config").$type<ScorecardConfig>().notNull(),
  createdBy: uuid("created_by"),
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.version] }),
  foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [memberships.orgId, memberships.userId] }),
  check("scorecard_configs_version_check", sql`${t.version} >= 1`),
  check("scorecard_configs_shape_check", sql`jsonb_typeof(${t.config}) = 'object'`),
]);
