import { DEFAULT_JOURNEY_STAGES, OPEN_OPPORTUNITY_STAGES, type JourneyStage, type OpportunityStage } from "@openkam/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../connection/database";
import { accountBusinessUnits, customerJourneys, growthInitiatives, opportunities, whitespaceCells } from "../schema/growth";
import { Random } from "./random";
import { nameOrderKey } from "@openkam/domain/names/name-order";

const PROBABILITY: Record<OpportunityStage, number> = { qualify: 10, develop: 25, propose: 50, negotiate: 75, won: 100, lost: 0 };
const UNIT_NAMES = ["Headquarters", "Plant North", "Plant South", "R&D Centre", "Service Division", "Logistics Hub"];
const DEAL_KINDS = ["Line upgrade", "Framework agreement", "Retrofit", "Digitalisation pilot", "Spare-parts contract", "Expansion"];

interface AccountFact {
  id: string;
  name: string;
  tier: string;
  currency: string;
  owner: string | null;
}

const isoDay = (day: Date) => day.toISOString().slice(0, 10);
const addDays = (day: Date, days: number) => new Date(day.getTime() + days * 86_400_000);
/** A decimal amount in whole hundreds of the account's currency. */
const hundreds = (random: Random, min: number, max: number) => `${random.int(min, max) * 100}.00`;

/**
 * Growth planning for the demo organisation: opportunities on about 30 accounts (strategic and
 * key first), business units with whitespace calls on the strategic ones, a few joint initiatives,
 * and a journey map on two accounts. Reads what the rest of the demo made, so it runs after it,
 * in the same transaction. Deterministic for the same data.
 */
export async function seedDemoGrowth(tx: Db, orgId: string): Promise<void> {
  const random = new Random(20_261_124, "growth");
  const accounts = await tx.rows<AccountFact>(sql`
    select id, name, tier, currency, owner_user_id as owner from accounts
    where org_id = ${orgId} and deleted_at is null and status <> 'churned'
    order by case tier when 'strategic' then 0 when 'key' then 1 when 'growth' then 2 else 3 end, lower(name), id
    limit 30`);
  if (accounts.length === 0) return;
  const products = await tx.rows<{ id: string; name: string; category: string | null }>(sql`
    select id, name, category from products where org_id = ${orgId} and is_active order by sku, id`);
  const members = (await tx.rows<{ userId: string }>(sql`
    select user_id as "userId" from memberships where org_id = ${orgId} and is_active and role <> 'viewer' order by user_id`)).map((m) => m.userId);
  const today = new Date(`${isoDay(new Date())}T00:00:00Z`);
  const ownerOf = (a: AccountFact) => a.owner ?? (members.length > 0 ? random.pick(members) : null);

  const opportunityRows: Array<typeof opportunities.$inferInsert> = [];
  for (const account of accounts) {
    const count = account.tier === "strategic" ? random.int(3, 6) : random.int(1, 3);
    for (let i = 0; i < count; i++) {
      const closed = random.chance(0.25);
      const stage: OpportunityStage = closed ? (random.chance(0.6) ? "won" : "lost") : random.pick(OPEN_OPPORTUNITY_STAGES);
      const product = products.length > 0 && random.chance(0.8) ? random.pick(products) : null;
      const id = random.uuid();
      const name = `${random.pick(DEAL_KINDS)}${product ? ` – ${product.name}` : ""}`;
      opportunityRows.push({
        orgId, id, accountId: account.id, name, nameKey: nameOrderKey(name),
        stage, value: hundreds(random, 200, account.tier === "strategic" ? 40_000 : 8_000), currency: account.currency,
        probability: closed ? PROBABILITY[stage] : Math.min(95, PROBABILITY[stage] + random.int(-5, 10)),
        expectedCloseDate: isoDay(addDays(today, closed ? -random.int(5, 200) : random.int(10, 270))),
        ownerUserId: ownerOf(account), productId: product?.id ?? null, createdBy: account.owner,
      });
    }
  }
  if (opportunityRows.length > 0) await tx.orm.insert(opportunities).values(opportunityRows);

  const strategic = accounts.filter((a) => a.tier === "strategic").slice(0, 8);
  for (const account of strategic) {
    const units = UNIT_NAMES.slice(0, random.int(3, 5)).map((name, i) => ({
      orgId, id: random.uuid(), accountId: account.id, name, nameKey: nameOrderKey(name), kind: i >= 1 && i <= 2 ? ("site" as const) : ("business_unit" as const),
    }));
    await tx.orm.insert(accountBusinessUnits).values(units);
    const cells: Array<typeof whitespaceCells.$inferInsert> = [];
    for (const unit of units) {
      for (const product of products) {
        if (!random.chance(0.12)) continue;
        const relevant = random.chance(0.7);
        cells.push({
          orgId, businessUnitId: unit.id, productId: product.id, state: relevant ? "opportunity" : "not_relevant",
          estimatedValue: relevant ? hundreds(random, 50, 5_000) : null, currency: relevant ? account.currency : null,
        });
      }
    }
    if (cells.length > 0) await tx.orm.insert(whitespaceCells).values(cells);
  }

  const contacts = await tx.rows<{ id: string; accountId: string }>(sql`
    select id, account_id as "accountId" from contacts where org_id = ${orgId} and deleted_at is null and account_id = any(${`{${strategic.map((a) => a.id).join(",")}}`}::uuid[])
    order by id`);
  const initiatives: Array<typeof growthInitiatives.$inferInsert> = [];
  const titles = [["Energy efficiency programme", "cost_saved"], ["Predictive maintenance", "cost_saved"], ["Joint product launch", "revenue_gained"]] as const;
  for (const account of strategic.slice(0, 4)) {
    const contact = contacts.find((c) => c.accountId === account.id);
    for (const [title, valueKind] of titles.slice(0, random.int(1, 3))) {
      const investment = random.int(100, 800) * 1_000;
      const promised = investment * random.int(2, 4);
      const delivered = Math.round(promised * random.float(0.2, 1.1) / 100) * 100;
      const start = addDays(today, -random.int(90, 400));
      initiatives.push({
        orgId, id: random.uuid(), accountId: account.id, title, valueKind, status: delivered >= promised ? "delivered" : "active",
        customerContactId: contact?.id ?? null, ownerUserId: ownerOf(account), currency: account.currency,
        valuePromised: `${promised}.00`, valueDelivered: `${delivered}.00`, investment: `${investment}.00`,
        startDate: isoDay(start), targetDate: isoDay(addDays(start, random.int(180, 540))), createdBy: account.owner,
      });
    }
  }
  if (initiatives.length > 0) await tx.orm.insert(growthInitiatives).values(initiatives);

  const journeyAccounts = (strategic.length > 0 ? strategic : accounts).slice(0, 2);
  for (const account of journeyAccounts) {
    await tx.orm.insert(customerJourneys).values({ orgId, accountId: account.id, stages: demoJourney(random, today) });
  }
}

function demoJourney(random: Random, today: Date): JourneyStage[] {
  const content: Record<(typeof DEFAULT_JOURNEY_STAGES)[number], { touchpoints: string[]; pains: Array<[string, number]>; action?: string }> = {
    evaluate: { touchpoints: ["Trade fair", "Application engineering workshop"], pains: [["Technical documentation only in English", 3]], action: "Publish Chinese datasheets for the top 20 products" },
    buy: { touchpoints: ["Quotation", "Framework contract"], pains: [["Quotes take two weeks", 4]], action: "Quote standard configurations within 48 hours" },
    onboard: { touchpoints: ["Commissioning", "Operator training"], pains: [["Commissioning engineer not available on site", 5]], action: "Train two customer engineers as commissioning partners" },
    use: { touchpoints: ["Service hotline", "Customer portal"], pains: [["Spare-part delivery times unclear", 3], ["Portal login is cumbersome", 2]] },
    renew: { touchpoints: ["Quarterly business review"], pains: [], action: "Prepare the renewal with a value report" },
  };
  return DEFAULT_JOURNEY_STAGES.map((key) => {
    const c = content[key];
    const painPoints = c.pains.map(([description, severity]) => ({ id: random.uuid(), description, severity }));
    return {
      key, name: key,
      touchpoints: c.touchpoints.map((name) => ({ id: random.uuid(), name, channel: null })),
      painPoints,
      actions: c.action ? [{ id: random.uuid(), description: c.action, painPointId: painPoints[0]?.id ?? null, dueDate: isoDay(addDays(today, random.int(14, 90))), taskId: null }] : [],
    };
  });
}
