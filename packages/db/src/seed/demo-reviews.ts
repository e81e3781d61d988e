import { DEFAULT_GAP_THRESHOLD, DEFAULT_REVIEW_CRITERIA, type ReviewView } from "@openkam/domain/reviews/index";
import { sql } from "drizzle-orm";
import { createHash } from "node:crypto";
import type { Db } from "../connection/database";
import { reviewCycles, reviewInvitations } from "../schema/reviews";
import { Random } from "./random";

const DAY = 86_400_000;

/** How each view tends to rate in the demo: the KAM lead generously, the customer more strictly on responsiveness. */
const LEANING: Record<ReviewView, Record<string, number>> = {
  self: { business_understanding: 5, responsiveness: 5, value_delivered: 4, strategic_alignment: 4, relationship_breadth: 4 },
  team: { business_understanding: 4, responsiveness: 4, value_delivered: 4, strategic_alignment: 3, relationship_breadth: 3 },
  director: { business_understanding: 4, responsiveness: 3, value_delivered: 4, strategic_alignment: 3, relationship_breadth: 2 },
  customer: { business_understanding: 4, responsiveness: 2, value_delivered: 3, strategic_alignment: 3, relationship_breadth: 3 },
};

/**
 * Two 360° reviews on the first strategic accounts with a KAM lead: last half-year's, answered by every view
 * (the customer rating responsiveness two points below the KAM lead, so a gap shows), and this half-year's,
 * open, with the KAM lead's self-assessment and the customer's answer still to come. The customer links are
 * hashes of secrets nobody holds: a director issues a new link to send one. Deterministic for the same data;
 * does nothing when the organization already has reviews.
 */
export async function seedDemoReviews(tx: Db, orgId: string, asOf: Date): Promise<void> {
  const [existing] = await tx.rows<{ n: number }>(sql`select count(*)::int as n from review_cycles where org_id = ${orgId}`);
  if ((existing?.n ?? 0) > 0) return;
  const random = new Random(20_261_207, "reviews");
  const accounts = await tx.rows<{ id: string; lead: string }>(sql`
    select a.id, min(t.user_id::text) as lead from accounts a
    join account_team_members t on t.org_id = a.org_id and t.account_id = a.id and t.team_role = 'kam_lead'
    join memberships m on m.org_id = t.org_id and m.user_id = t.user_id and m.is_active and m.role <> 'viewer'
    where a.org_id = ${orgId} and a.deleted_at is null and a.tier = 'strategic'
    group by a.id, a.name order by lower(a.name), a.id limit 2`);
  if (accounts.length === 0) return;
  const directors = (await tx.rows<{ id: string }>(sql`
    select user_id as id from memberships where org_id = ${orgId} and role = 'director' and is_active order by user_id limit 2`)).map((d) => d.id);
  const year = asOf.getUTCFullYear();
  const firstHalf = asOf.getUTCMonth() < 6;
  const current = firstHalf ? { start: `${year}-01-01`, end: `${year}-06-30` } : { start: `${year}-07-01`, end: `${year}-12-31` };
  const previous = firstHalf ? { start: `${year - 1}-07-01`, end: `${year - 1}-12-31` } : { start: `${year}-01-01`, end: `${year}-06-30` };
  const criteria = DEFAULT_REVIEW_CRITERIA.map((c) => ({ key: c.key, labels: { ...c.labels } }));
  const rate = (view: ReviewView) => Object.fromEntries(criteria.map((c) => [c.key, Math.max(1, Math.min(5, LEANING[view][c.key]! + (random.chance(0.2) ? random.pick([-1, 1]) : 0)))]));

  for (const [index, account] of accounts.entries()) {
    const answered = index === 0;
    const period = answered ? previous : current;
    const cycleId = random.uuid();
    const createdAt = new Date(asOf.getTime() - (answered ? 120 : 10) * DAY);
    await tx.orm.insert(reviewCycles).values({
      orgId, id: cycleId, accountId: account.id, title: answered ? "Half-year relationship review" : "Relationship review", periodStart: period.start, periodEnd: period.end,
      criteria, gapThreshold: String(DEFAULT_GAP_THRESHOLD), createdAt, updatedAt: createdAt,
    });
    const team = (await tx.rows<{ id: string }>(sql`
      select t.user_id as id from account_team_members t join memberships m on m.org_id = t.org_id and m.user_id = t.user_id and m.is_active and m.role <> 'viewer'
      where t.org_id = ${orgId} and t.account_id = ${account.id} and t.user_id <> ${account.lead} order by t.user_id limit 3`)).map((r) => r.id);
    const [contact] = await tx.rows<{ id: string; email: string | null }>(sql`
      select id, email from contacts where org_id = ${orgId} and account_id = ${account.id} and deleted_at is null order by lower(name), id limit 1`);
    const respondedAt = new Date(createdAt.getTime() + 5 * DAY);
    const answer = (view: ReviewView, done: boolean) => (done ? { ratings: rate(view), respondedAt } : { ratings: null, respondedAt: null });
    const people: Array<[string, ReviewView]> = [[account.lead, "self"], ...directors.filter((d) => d !== account.lead).map((d): [string, ReviewView] => [d, "director"]), ...team.filter((u) => !directors.includes(u)).map((u): [string, ReviewView] => [u, "team"])];
    await tx.orm.insert(reviewInvitations).values([
      ...people.map(([userId, view]) => ({ orgId, id: random.uuid(), cycleId, view, userId, language: "zh-CN" as const, createdAt, ...answer(view, answered || view !== "self") })),
      {
        orgId, id: random.uuid(), cycleId, view: "customer" as const, contactId: contact?.id ?? null, email: contact?.email ?? null, language: "zh-CN" as const,
        tokenHash: createHash("sha256").update(random.uuid()).digest("hex"), expiresAt: new Date(createdAt.getTime() + 30 * DAY), createdAt,
        ...answer("customer", answered), comment: answered ? "反应速度需要提高，其他方面很满意。" : null,
      },
    ]);
  }
}
