import { ACCOUNT_TIERS, DEFAULT_SLA_TARGETS, SLA_PRIORITIES, STANDARD_WEEKLY_HOURS, WEEKDAYS, type AccountTier, type CaseEventType, type CaseStatus, type SlaPriority } from "@openkam/domain";
import { sql } from "drizzle-orm";
import type { Db } from "../connection/database";
import { newId } from "../ids";
import { accountServiceScopes, caseEvents, cases, serviceCalendars, slaPolicies } from "../schema/index";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Mainland China public holidays, the days the service desk is closed. */
const HOLIDAYS = [
  { date: "2025-10-01", name: "National Day" }, { date: "2025-10-02", name: "National Day" }, { date: "2025-10-03", name: "National Day" },
  { date: "2025-10-06", name: "Mid-Autumn Festival" }, { date: "2025-10-07", name: "National Day" },
  { date: "2026-01-01", name: "New Year's Day" },
  { date: "2026-02-16", name: "Spring Festival" }, { date: "2026-02-17", name: "Spring Festival" }, { date: "2026-02-18", name: "Spring Festival" },
  { date: "2026-02-19", name: "Spring Festival" }, { date: "2026-02-20", name: "Spring Festival" },
  { date: "2026-04-06", name: "Qingming Festival" }, { date: "2026-05-01", name: "Labour Day" }, { date: "2026-06-19", name: "Dragon Boat Festival" },
  { date: "2026-10-01", name: "National Day" }, { date: "2026-10-02", name: "National Day" },
];

const SCOPE = {
  included: ["24x7 hotline for P1 incidents", "Named support engineer", "On-site support within 48 hours", "Quarterly service review", "Software updates and patches"],
  excluded: ["Custom development", "Third-party hardware", "Training beyond the yearly workshop"],
  notes: "Escalation: support lead, then the account's KAM. Requests outside the scope are quoted separately.",
};

const TITLES = [
  "Production line stopped after firmware update", "Invoices show the wrong tax rate", "Cannot log in to the customer portal",
  "Delivery delayed at the warehouse", "Replacement part arrived damaged", "Report export times out", "Request for a certificate of conformity",
  "Integration with the ERP returns errors", "Training materials are outdated", "Price list not applied to the last order",
];

/** A small deterministic generator, so every seed tells the same story. */
function generator(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return { next, pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

/** Typical minutes to the first answer, by months ago: a service desk that got much faster over half a year. */
const RESPONSE_MINUTES_BY_MONTHS_AGO = [90, 150, 300, 540, 900, 1440];

type EventRow = typeof caseEvents.$inferInsert;

/**
 * The service desk of a seeded organization: the default SLA targets for every tier, a calendar
 * in the organization's zone with its public holidays, the contracted scope of the strategic
 * accounts, and about 40 cases over the last six months whose first answers come ever faster.
 * Reads the organization's accounts and people; leaves what is already there alone.
 */
export async function seedDemoService(tx: Db, orgId: string, now: Date = new Date()): Promise<void> {
  const accounts = await tx.rows<{ id: string; tier: AccountTier }>(sql`
    select id, tier from accounts where org_id = ${orgId} and deleted_at is null and tier in ('strategic', 'key')
    order by case tier when 'strategic' then 0 else 1 end, name limit 12`);
  const people = await tx.rows<{ user_id: string }>(sql`
    select user_id from memberships where org_id = ${orgId} and is_active and role in ('admin', 'director', 'account_manager', 'member') order by user_id`);

  await tx.orm
    .insert(slaPolicies)
    .values(ACCOUNT_TIERS.flatMap((tier) => SLA_PRIORITIES.map((priority) => ({ orgId, tier, priority, ...DEFAULT_SLA_TARGETS[tier][priority] }))))
    .onConflictDoNothing();
  await tx.orm
    .insert(serviceCalendars)
    .values({ orgId, timeZone: null, weeklyHours: Object.fromEntries(WEEKDAYS.map((day) => [day, STANDARD_WEEKLY_HOURS[day].map((hours) => ({ ...hours }))])), holidays: HOLIDAYS })
    .onConflictDoNothing();
  const strategic = accounts.filter((a) => a.tier === "strategic");
  if (strategic.length > 0) {
    await tx.orm.insert(accountServiceScopes).values(strategic.map((a) => ({ orgId, accountId: a.id, ...SCOPE }))).onConflictDoNothing();
  }

  const [existing] = await tx.rows<{ n: number }>(sql`select count(*)::int as n from cases where org_id = ${orgId}`);
  if (accounts.length === 0 || Number(existing?.n ?? 0) > 0) return;

  const random = generator(20_250_601);
  const caseRows: (typeof cases.$inferInsert)[] = [];
  const eventRows: EventRow[] = [];
  const actor = () => (people.length > 0 ? random.pick(people).user_id : null);
  const priorities: SlaPriority[] = ["P1", "P2", "P2", "P3", "P3", "P4"];

  for (let i = 0; i < 40; i++) {
    const monthsAgo = 5 - Math.floor(i / 7);
    const account = accounts[i % accounts.length]!;
    const priority = random.pick(priorities);
    // A weekday morning in Beijing time (UTC+8): 09:00–12:00.
    let opened = now.getTime() - monthsAgo * 30 * DAY - Math.floor(random.next() * 26) * DAY;
    opened = Math.floor(opened / DAY) * DAY + DAY + (1 + random.next() * 3) * 60 * MINUTE;
    while ([0, 6].includes(new Date(opened + 8 * 60 * MINUTE).getUTCDay())) opened += DAY;
    if (opened > now.getTime() - 2 * 60 * MINUTE) opened = now.getTime() - (2 + random.next() * 20) * 60 * MINUTE;

    const id = newId();
    const assignee = actor();
    const responseMinutes = RESPONSE_MINUTES_BY_MONTHS_AGO[monthsAgo]! * (0.6 + random.next() * 0.8);
    const events: EventRow[] = [];
    const event = (type: CaseEventType, at: number, status: CaseStatus, body: string | null = null) =>
      events.push({ orgId, id: newId(), caseId: id, type, at: new Date(at), status, actorUserId: type === "customer_replied" ? null : assignee, body });
    event("opened", opened, "open");
    let status: CaseStatus = "open";
    let firstResponseAt: number | null = null;
    let resolvedAt: number | null = null;
    let at = opened + responseMinutes * MINUTE;
    // The newest cases are still being worked on.
    const age = now.getTime() - opened;
    if (at < now.getTime() && !(monthsAgo === 0 && i % 3 === 0)) {
      status = "in_progress";
      firstResponseAt = at;
      event("responded", at, status, "Thanks for the report, we are looking into it.");
      if (random.next() < 0.4) {
        at += (30 + random.next() * 120) * MINUTE;
        status = "waiting_on_customer";
        event("waiting_on_customer", at, status, "Could you send us the logs of the affected machine?");
        at += (2 + random.next() * 30) * 60 * MINUTE;
        if (at < now.getTime()) {
          status = "in_progress";
          event("customer_replied", at, status, "Logs attached.");
        }
      }
      at += (4 + random.next() * 60) * 60 * MINUTE;
      if (status === "in_progress" && at < now.getTime() && age > 5 * DAY) {
        status = "resolved";
        resolvedAt = at;
        event("resolved", at, status, "Fixed; the customer confirmed.");
      }
    }
    caseRows.push({
      orgId, id, accountId: account.id, title: TITLES[i % TITLES.length]!, description: null, priority, status, assigneeUserId: assignee,
      tier: account.tier, openedAt: new Date(opened), firstResponseAt: firstResponseAt === null ? null : new Date(firstResponseAt),
      resolvedAt: resolvedAt === null ? null : new Date(resolvedAt), createdBy: assignee,
    });
    eventRows.push(...events);
  }
  await tx.orm.insert(cases).values(caseRows);
  await tx.orm.insert(caseEvents).values(eventRows);
}
