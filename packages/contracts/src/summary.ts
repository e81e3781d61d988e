import { BUYING_ROLES, TEAM_ROLES } from "@openkam/domain";
import { z } from "zod";
import { ZAccount } from "./accounts";
import { ZDate, ZDateTime, ZId, ZListQuery, ZPage } from "./common";
import { ZInteraction } from "./interactions";
import { ZTask } from "./tasks";

export const ZRevenueMonth = z.object({
  month: z.string().regex(/^\d{4}-\d{2}$/).describe("Calendar month, YYYY-MM"),
  amount: z.string().describe("Confirmed orders in the account's currency, exact decimal"),
  orders: z.number().int(),
});
export type TRevenueMonth = z.infer<typeof ZRevenueMonth>;

export const ZSummaryInteraction = ZInteraction.pick({
  id: true, type: true, occurredAt: true, durationMinutes: true, subject: true, outcome: true, nextStep: true,
});

export const ZSummaryContact = z.object({
  id: ZId,
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  buyingRole: z.enum(BUYING_ROLES).nullable(),
  influence: z.number().int().nullable().describe("1 (little) to 5 (decisive)"),
  attitude: z.number().int().nullable().describe("-2 (opposes) to +2 (advocates)"),
});

export const ZSummaryTeamMember = z.object({
  userId: ZId,
  name: z.string(),
  email: z.string(),
  teamRole: z.enum(TEAM_ROLES),
  allocationPct: z.number().int(),
});

export const ZAccountSummary = z.object({
  account: ZAccount,
  currency: z.string().describe("The account's currency: every amount below is in it, except otherCurrencies"),
  revenueByMonth: z.array(ZRevenueMonth).describe("The last 24 calendar months, oldest first, the current month last; months without orders are 0"),
  revenueLast12Months: z.string().describe("The last 12 calendar months including the current one"),
  revenuePrevious12Months: z.string().describe("The 12 calendar months before those"),
  growthPct: z.number().nullable().describe("Change of the last 12 months over the previous 12, in percent (1 decimal); null when the previous 12 months are 0"),
  otherCurrencies: z
    .array(z.object({ currency: z.string(), amount: z.string(), orders: z.number().int() }))
    .describe("Confirmed orders of the last 12 months in other currencies, never converted or mixed in"),
  lastInteraction: ZSummaryInteraction.nullable(),
  nextInteraction: ZSummaryInteraction.nullable().describe("The soonest planned (future) interaction"),
  openTasks: z.object({
    count: z.number().int().describe("Tasks not done or cancelled"),
    items: z.array(ZTask).describe("The first 5 by due date (undated last)"),
  }),
  topContacts: z.array(ZSummaryContact).describe("The 5 most influential contacts, then by name"),
  team: z.array(ZSummaryTeamMember),
});
export type TAccountSummary = z.infer<typeof ZAccountSummary>;

export const ZActivityEntry = z.object({
  id: ZId,
  at: ZDateTime,
  actorUserId: ZId.nullable(),
  actorName: z.string().nullable(),
  action: z.string().describe("create, update, delete, restore or import"),
  entityType: z.string().describe("account, contact, order, interaction, task, ..."),
  entityId: ZId,
  before: z.unknown().describe("The record before the change (null on create)"),
  after: z.unknown().describe("The record after the change (null on hard delete)"),
});
export type TActivityEntry = z.infer<typeof ZActivityEntry>;

export const ZListActivityQuery = ZListQuery.omit({ q: true });
export type TListActivityQuery = z.infer<typeof ZListActivityQuery>;

export const ZActivityPage = ZPage(ZActivityEntry);

export const PRODUCT_MIX_TOP = 8;

export const ZProductMixQuery = z.object({
  months: z.coerce.number().int().min(1).max(60).default(12)
    .describe("How many calendar months to look back, the current one included, 1-60"),
});
export type TProductMixQuery = z.infer<typeof ZProductMixQuery>;

export const ZProductMixItem = z.object({
  productId: ZId,
  sku: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  revenue: z.string().describe("Sum of the product's order lines, exact decimal in the account's currency"),
  quantity: z.string().describe("Sum of the quantities ordered, exact decimal"),
  share: z.number().min(0).max(1).describe("The product's part of all line revenue in the window, 0-1"),
});
export type TProductMixItem = z.infer<typeof ZProductMixItem>;

export const ZProductMix = z.object({
  currency: z.string().describe("The account's currency: lines of orders in other currencies are left out"),
  from: ZDate.describe("First day of the window"),
  to: ZDate.describe("Last day of the window (the end of the current month), inclusive"),
  items: z.array(ZProductMixItem).describe(`The ${PRODUCT_MIX_TOP} products with the most revenue, most first`),
  otherRevenue: z.string().describe("The revenue of all other products together"),
});
export type TProductMix = z.infer<typeof ZProductMix>;
