import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, jsonb, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { oneOf, orgId, timestamps, version } from "./columns";
import { memberships } from "./identity";

/** The lists whose filters, sort and columns can be saved as named views. */
export const VIEW_ENTITIES = ["accounts", "contacts"] as const;

/**
 * A saved list view: filters, sort and visible columns under a name. Views are
 * personal unless shared, in which case everyone in the organization sees them.
 */
export const savedViews = pgTable("saved_views", {
  orgId: orgId(),
  id: uuid("id").notNull(),
  userId: uuid("user_id").notNull(),
  entity: text("entity", { enum: VIEW_ENTITIES }).notNull(),
  name: text("name").notNull(),
  /** What lists sort the name by (nameOrderKey in the domain: pinyin for Chinese), compared byte by byte. */
  nameKey: text("name_key"),
  state: jsonb("state").$type<Record<string, unknown>>().notNull(),
  shared: boolean("shared").notNull().default(false),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.id] }),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
  index("saved_views_org_entity_idx").on(t.orgId, t.entity, t.userId),
  check("saved_views_entity_check", oneOf("entity", VIEW_ENTITIES)),
  check("saved_views_name_check", sql`length(${t.name}) between 1 and 100`),
]);
