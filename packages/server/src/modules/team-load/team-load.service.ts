import type { TTeamLoad, TTeamLoadUser } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import { TEAM_ROLES } from "@openkam/domain";
import type { Scope } from "../../tenancy/scope";
import { assertCanSeeTeamLoad } from "./team-load.policy";
import * as repo from "./team-load.repository";

interface Options {
  db: Db;
  scope: Scope;
}

const FULL_TIME = 100;
const KEY_TIERS = new Set(["strategic", "key"]);

/** Who carries how much: each active member's accounts, allocation, key accounts and open tasks. */
export async function getTeamLoad({ db, scope }: Options): Promise<TTeamLoad> {
  assertCanSeeTeamLoad(scope);
  const [members, seats] = await Promise.all([repo.listMembersWithOpenTasks(db, scope), repo.listTeamSeats(db, scope)]);
  const seatsOf = new Map<string, repo.TeamSeatRow[]>();
  for (const seat of seats) {
    const list = seatsOf.get(seat.userId);
    if (list) list.push(seat);
    else seatsOf.set(seat.userId, [seat]);
  }
  const items: TTeamLoadUser[] = members.map((m) => {
    const own = seatsOf.get(m.userId) ?? [];
    const allocationPct = own.reduce((sum, s) => sum + s.allocationPct, 0);
    return {
      userId: m.userId,
      name: m.name,
      email: m.email,
      role: m.role,
      accountCount: own.length,
      allocationPct,
      overAllocated: allocationPct > FULL_TIME,
      keyAccountCount: own.filter((s) => KEY_TIERS.has(s.tier)).length,
      openTasks: m.openTasks,
      byTeamRole: TEAM_ROLES.flatMap((teamRole) => {
        const inRole = own.filter((s) => s.teamRole === teamRole);
        return inRole.length ? [{ teamRole, accounts: inRole.length, allocationPct: inRole.reduce((sum, s) => sum + s.allocationPct, 0) }] : [];
      }),
      accounts: own.map((s) => ({ accountId: s.accountId, name: s.name, tier: s.tier, status: s.status, teamRole: s.teamRole, allocationPct: s.allocationPct })),
    };
  });
  items.sort((a, b) => b.allocationPct - a.allocationPct || b.accountCount - a.accountCount || a.name.localeCompare(b.name));
  return { items, overAllocatedCount: items.filter((i) => i.overAllocated).length };
}
