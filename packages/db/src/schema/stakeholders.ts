import { sql } from "drizzle-orm";
import { check, foreignKey, index, pgTable, primaryKey, smallint, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { contacts } from "./accounts";
import { orgId, timestamps, version } from "./columns";
import { memberships } from "./identity";

/** Which of our people own the relationship with a customer contact, and how strong it is. */
export const stakeholderRelationships = pgTable("stakeholder_relationships", {
  orgId: orgId(),
  contactId: uuid("contact_id").notNull(),
  userId: uuid("user_id").notNull(),
  /** 1 (barely know each other) to 5 (trusted advisor). */
  strength: smallint("strength").notNull(),
  /** Met outside the interactions logged, so kept beside them. */
  lastMetAt: timestamp("last_met_at", { withTimezone: true, mode: "date" }),
  notes: text("notes"),
  ...timestamps,
  version: version(),
}, (t) => [
  primaryKey({ columns: [t.orgId, t.contactId, t.userId] }),
  foreignKey({ columns: [t.orgId, t.contactId], foreignColumns: [contacts.orgId, contacts.id] }).onDelete("cascade"),
  foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete("cascade"),
  index("stakeholder_relationships_user_idx").on(t.orgId, t.userId),
  check("stakeholder_relationships_strength_check", sql`${t.strength} between 1 and 5`),
]);
