import { sql } from "drizzle-orm";
import type { Db } from "../connection/database";
import { effortEntries } from "../schema/effort";
import { Random } from "./random";

const DAY = 86_400_000;
const MAX_ACCOUNTS = 60;

/** Typical sittings, in minutes, for work logged by hand: a proposal, an analysis, an internal review. */
const MANUAL_MINUTES = [30, 45, 60, 90, 120, 180, 240] as const;
const MANUAL_NOTES = ["Proposal draft", "Account plan review", "Pricing analysis", "Internal escalation", "Prepared QBR deck", "Solution design"] as const;

/**
 * Time logged over the 90 days before the demo's day by the account teams of the strategic, key and growth
 * accounts: by hand, and against some of their interactions. The strategic accounts get much more than the
 * rest and a few growth accounts almost none, so the Effort page has over- and under-served accounts to show.
 * Deterministic for the same data; does nothing when the organization already has time entries.
 */
export async function seedDemoEffort(tx: Db, orgId: string, asOf: Date): Promise<void> {
  const [existing] = await tx.rows<{ n: number }>(sql`select count(*)::int as n from effort_entries where org_id = ${orgId}`);
  if ((existing?.n ?? 0) > 0) return;
  const random = new Random(20_261_206, "effort");
  const accounts = await tx.rows<{ id: string; tier: string }>(sql`
    select id, tier from accounts where org_id = ${orgId} and deleted_at is null and status <> 'churned' and tier in ('strategic', 'key', 'growth')
    order by case tier when 'strategic' then 0 when 'key' then 1 else 2 end, lower(name), id
    limit ${MAX_ACCOUNTS}`);
  if (accounts.length === 0) return;
  const teams = await tx.rows<{ accountId: string; userId: string }>(sql`
    select t.account_id as "accountId", t.user_id as "userId" from account_team_members t
    join memberships m on m.org_id = t.org_id and m.user_id = t.user_id and m.is_active and m.role <> 'viewer'
    where t.org_id = ${orgId} order by t.account_id, t.user_id`);
  const from = new Date(asOf.getTime() - 89 * DAY);
  const interactions = await tx.rows<{ id: string; accountId: string; at: string }>(sql`
    select id, account_id as "accountId", (occurred_at at time zone 'UTC')::date::text as at from interactions
    where org_id = ${orgId} and occurred_at between ${from.toISOString()}::timestamptz and ${asOf.toISOString()}::timestamptz
    order by account_id, occurred_at, id`);

  const day = (offset: number) => new Date(asOf.getTime() - offset * DAY).toISOString().slice(0, 10);
  const rows: Array<typeof effortEntries.$inferInsert> = [];
  for (const account of accounts) {
    const team = teams.filter((t) => t.accountId === account.id).map((t) => t.userId);
    if (team.length === 0) continue;
    // Strategic accounts draw the most time; one growth account in three is left nearly alone.
    const manualCount = account.tier === "strategic" ? random.int(8, 14) : account.tier === "key" ? random.int(3, 7) : random.chance(1 / 3) ? 0 : random.int(1, 4);
    for (let i = 0; i < manualCount; i++) {
      rows.push({
        orgId, id: random.uuid(), accountId: account.id, userId: random.pick(team), workedOn: day(random.int(0, 89)), minutes: random.pick(MANUAL_MINUTES),
        source: "manual", sourceId: null, note: random.pick(MANUAL_NOTES), createdBy: null,
      });
    }
    for (const interaction of interactions.filter((x) => x.accountId === account.id)) {
      if (!random.chance(0.4)) continue;
      rows.push({
        orgId, id: random.uuid(), accountId: account.id, userId: random.pick(team), workedOn: interaction.at, minutes: random.int(2, 12) * 15,
        source: "interaction", sourceId: interaction.id, note: null, createdBy: null,
      });
    }
  }
  for (let i = 0; i < rows.length; i += 1_000) await tx.orm.insert(effortEntries).values(rows.slice(i, i + 1_000));
}
