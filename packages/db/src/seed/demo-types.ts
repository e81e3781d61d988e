import type { AccountStatus, AccountTier, OrgRole } from "@openkam/domain";
import type { accounts, accountTeamMembers, contacts } from "../schema/accounts";
import type { interactionContacts, interactions, interactionUsers, tasks } from "../schema/activities";
import type { orderLines, orders, products } from "../schema/commerce";
import type { memberships, organizations, users } from "../schema/identity";
import type { Industry } from "./geography";
import type { Random, Weighted } from "./random";
import type { Language } from "./vocabulary";

/** Plain rows, ready for `insert(table).values(rows)`. */
export type OrganizationRow = typeof organizations.$inferInsert;
export type UserRow = typeof users.$inferInsert;
export type MembershipRow = typeof memberships.$inferInsert;
export type AccountRow = typeof accounts.$inferInsert;
export type ContactRow = typeof contacts.$inferInsert;
export type TeamMemberRow = typeof accountTeamMembers.$inferInsert;
export type ProductRow = typeof products.$inferInsert;
export type OrderRow = typeof orders.$inferInsert;
export type OrderLineRow = typeof orderLines.$inferInsert;
export type InteractionRow = typeof interactions.$inferInsert;
export type InteractionContactRow = typeof interactionContacts.$inferInsert;
export type InteractionUserRow = typeof interactionUsers.$inferInsert;
export type TaskRow = typeof tasks.$inferInsert;

export interface DemoOrder {
  readonly order: OrderRow;
  readonly lines: readonly OrderLineRow[];
}

export interface DemoInteraction {
  readonly interaction: InteractionRow;
  readonly contacts: readonly InteractionContactRow[];
  readonly users: readonly InteractionUserRow[];
}

export interface DemoUser {
  readonly key: string;
  readonly id: string;
  readonly role: OrgRole;
}

/** Shared by every part of the generator. */
export interface DemoContext {
  readonly seed: number;
  readonly scale: number;
  /** The day the data is "as of", as a UTC day number; orders end the day before. */
  readonly asOfDay: number;
  /** First day of the three-year order history. */
  readonly windowStart: number;
  readonly orgId: string;
  readonly users: readonly DemoUser[];
  readonly random: Random;
}

/** How an account's business develops over the three years. */
export type Trend = "growing" | "stable" | "declining" | "churned" | "new" | "prospect";

/** An account and what the generator decided about it, beyond its row. */
export interface AccountPlan {
  readonly index: number;
  readonly row: AccountRow & { id: string; tier: AccountTier; status: AccountStatus; currency: string };
  readonly industry: Industry;
  readonly language: Language;
  readonly emailDomain: string;
  readonly phonePrefix: string;
  /** Relative business size: lognormal, the source of the Pareto shape. */
  readonly weight: number;
  readonly trend: Trend;
  /** Yearly log growth rate of the order intensity. */
  readonly growth: number;
  /** Orders fall in [startDay, endDay). */
  readonly startDay: number;
  readonly endDay: number;
  readonly createdDay: number;
  readonly ownerKey: string;
}

/** Orders per calendar slice of the history, decided before any order is generated. */
export interface OrderSchedule {
  readonly account: AccountPlan;
  /** Median order value in CNY cents. */
  readonly medianValueCents: number;
  /** Discount on list prices, in basis points. */
  readonly discountBp: number;
  /** [first day, last day, number of orders] per month. */
  readonly months: readonly (readonly [number, number, number])[];
  /** Catalogue indices this account buys, with relative weights. */
  readonly products: readonly Weighted<number>[];
}
