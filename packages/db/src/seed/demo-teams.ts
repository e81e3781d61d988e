import type { TeamRole } from "@openkam/domain";
import { dayAt } from "./calendar";
import { ACCOUNT_MANAGER_KEYS, regionOwner, userId } from "./demo-users";
import type { AccountPlan, DemoContext, TeamMemberRow } from "./demo-types";
import type { Random } from "./random";

interface Seat {
  readonly key: string;
  readonly role: TeamRole;
  readonly allocation: number;
}

/**
 * Who works on an account, by tier: a strategic account has a full team
 * (lead, sales, marketing, product, support, an executive sponsor), a
 * standard account only its lead. Allocation is the share of working time.
 */
function seatsFor(rng: Random, plan: AccountPlan): Seat[] {
  const lead = plan.ownerKey;
  const seats: Seat[] = [];
  const add = (key: string, role: TeamRole, min: number, max: number) => {
    if (!seats.some((s) => s.key === key)) seats.push({ key, role, allocation: rng.int(min, max) });
  };
  const otherManager = () => {
    const regional = regionOwner(plan.row.region ?? "");
    return regional !== lead ? regional : rng.pick(ACCOUNT_MANAGER_KEYS.filter((k) => k !== lead));
  };
  switch (plan.row.tier) {
    case "strategic":
      add(lead, "kam_lead", 35, 50);
      add(otherManager(), "sales", 15, 25);
      add("liu.yang", "marketing", 5, 10);
      add("zhao.lei", "product", 5, 10);
      add("sun.hui", "support", 10, 20);
      add(lead === "demo" ? "li.wei" : rng.pick(["li.wei", "demo"]), "executive_sponsor", 3, 5);
      break;
    case "key":
      add(lead, "kam_lead", 20, 30);
      if (rng.chance(0.5)) add(otherManager(), "sales", 5, 10);
      if (rng.chance(0.6)) add("sun.hui", "support", 5, 10);
      if (rng.chance(0.6)) add(lead === "li.wei" ? "demo" : "li.wei", "executive_sponsor", 2, 3);
      break;
    case "growth":
      add(lead, "kam_lead", 8, 15);
      if (rng.chance(0.4)) add("sun.hui", "support", 2, 5);
      break;
    case "standard":
      add(lead, "kam_lead", 2, 6);
      break;
  }
  return seats;
}

export function generateTeams(ctx: DemoContext, plans: readonly AccountPlan[]): TeamMemberRow[] {
  const rows: TeamMemberRow[] = [];
  for (const plan of plans) {
    const rng = ctx.random.fork(`team/${plan.index}`);
    for (const seat of seatsFor(rng, plan)) {
      const at = dayAt(Math.min(ctx.asOfDay - 1, plan.createdDay + rng.int(0, 60)), rng.int(60, 600));
      rows.push({
        orgId: ctx.orgId, accountId: plan.row.id, userId: userId(ctx.users, seat.key), teamRole: seat.role, allocationPct: seat.allocation,
        createdAt: at, updatedAt: at, version: 1,
      });
    }
  }
  return rows;
}
