import { sql } from "drizzle-orm";
import type { Db } from "../connection/database";
import { kamProgrammeAccounts, kamProgrammeGoals, kamProgrammes } from "../schema/programme";
import { stakeholderRelationships } from "../schema/stakeholders";
import { Random } from "./random";

const DAY = 86_400_000;

interface ContactFact {
  id: string;
  accountId: string;
  buyingRole: string | null;
  reportsTo: string | null;
}

/**
 * Relationships and the KAM programme for the demo organisation: on the strategic accounts our
 * people own relationships with the contacts (two or more of us per account, so not every account
 * is single-threaded), contacts of accounts without any reporting line get one under their
 * decision maker, and a programme runs a pilot of four accounts against three goals. Reads what
 * the rest of the demo made, so it runs after it, in the same transaction. Deterministic for the
 * same data; does nothing to a programme that already exists.
 */
export async function seedDemoProgramme(tx: Db, orgId: string): Promise<void> {
  const random = new Random(20_261_124, "programme");
  const accounts = await tx.rows<{ id: string; tier: string }>(sql`
    select id, tier from accounts where org_id = ${orgId} and deleted_at is null and status <> 'churned' and tier in ('strategic', 'key')
    order by case tier when 'strategic' then 0 else 1 end, lower(name), id`);
  if (accounts.length === 0) return;
  const members = (await tx.rows<{ userId: string }>(sql`
    select user_id as "userId" from memberships where org_id = ${orgId} and is_active and role <> 'viewer' order by user_id`)).map((m) => m.userId);
  const teams = await tx.rows<{ accountId: string; userId: string }>(sql`
    select t.account_id as "accountId", t.user_id as "userId" from account_team_members t
    join memberships m on m.org_id = t.org_id and m.user_id = t.user_id and m.is_active
    where t.org_id = ${orgId} order by t.account_id, t.user_id`);
  const strategic = accounts.filter((a) => a.tier === "strategic");
  const ids = strategic.map((a) => a.id);
  const contacts = ids.length === 0 ? [] : await tx.rows<ContactFact>(sql`
    select id, account_id as "accountId", buying_role as "buyingRole", reports_to_contact_id as "reportsTo" from contacts
    where org_id = ${orgId} and deleted_at is null and account_id in (${sql.join(ids.map((id) => sql`${id}`), sql`, `)})
    order by account_id, lower(name), id`);

  const now = Date.now();
  const relationships: Array<typeof stakeholderRelationships.$inferInsert> = [];
  for (const account of strategic) {
    const own = contacts.filter((c) => c.accountId === account.id);
    if (own.length === 0 || members.length === 0) continue;
    const team = teams.filter((t) => t.accountId === account.id).map((t) => t.userId);
    const pool = team.length >= 2 ? team : [...new Set([...team, ...random.sample(members, Math.min(3, members.length))])];
    own.forEach((contact, i) => {
      // The first two contacts go to two different people, so the account has two threads at least.
      const owners = i < 2 ? [pool[i % pool.length]!] : random.sample(pool, random.int(0, Math.min(2, pool.length)));
      for (const userId of owners) {
        const key = contact.buyingRole === "decision_maker" || contact.buyingRole === "champion";
        relationships.push({
          orgId, contactId: contact.id, userId, strength: key ? random.int(3, 5) : random.int(1, 4),
          lastMetAt: random.chance(0.8) ? new Date(now - random.int(3, key ? 80 : 150) * DAY) : null,
        });
      }
    });
    if (!own.some((c) => c.reportsTo !== null) && own.length > 1) {
      const head = own.find((c) => c.buyingRole === "decision_maker") ?? own[0]!;
      await tx.rows(sql`update contacts set reports_to_contact_id = ${head.id}
        where org_id = ${orgId} and account_id = ${account.id} and id <> ${head.id} and reports_to_contact_id is null`);
    }
  }
  if (relationships.length > 0) await tx.orm.insert(stakeholderRelationships).values(relationships).onConflictDoNothing();

  const [existing] = await tx.rows<{ id: string }>(sql`select id from kam_programmes where org_id = ${orgId}`);
  if (existing) return;
  const programmeId = random.uuid();
  const startsOn = new Date(now - 120 * DAY).toISOString().slice(0, 10);
  await tx.orm.insert(kamProgrammes).values({
    orgId, id: programmeId, name: "KAM pilot", startsOn,
    description: "Four strategic accounts run the key-account way first: joint plans, a kept contact cadence and several relationships per account. Roll out once the goals are met.",
  });
  const cohort = accounts.slice(0, 4);
  await tx.orm.insert(kamProgrammeAccounts).values(cohort.map((a) => ({ orgId, programmeId, accountId: a.id })));
  await tx.orm.insert(kamProgrammeGoals).values([
    { orgId, id: random.uuid(), programmeId, title: "Revenue growth of the cohort ≥ 10%", kind: "revenue_growth", target: "10", position: 0 },
    { orgId, id: random.uuid(), programmeId, title: "Every cohort account has an approved plan", kind: "approved_plans", target: "100", position: 1 },
    { orgId, id: random.uuid(), programmeId, title: "Cadence compliance ≥ 90%", kind: "cadence_compliance", target: "90", position: 2 },
  ]);
}
