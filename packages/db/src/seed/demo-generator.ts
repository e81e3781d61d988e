import { parseDay, yearsBefore } from "./calendar";
import { generateAccounts } from "./demo-accounts";
import { generateContacts } from "./demo-contacts";
import { scheduleInteractions, generateInteractions } from "./demo-interactions";
import { generateOrders, plannedOrderCount, scheduleOrders } from "./demo-orders";
import { generateProducts } from "./demo-products";
import { generateTasks } from "./demo-tasks";
import { generateTeams } from "./demo-teams";
import type {
  AccountRow, ContactRow, DemoContext, DemoInteraction, DemoOrder, MembershipRow, OrganizationRow, ProductRow, TaskRow, TeamMemberRow, UserRow,
} from "./demo-types";
import { generateIdentity } from "./demo-users";
import { Random } from "./random";

export const DEFAULT_DEMO_SEED = 20_240_611;
/** A scale for tests: about 15 accounts and 3,000 orders, generated in well under a second. */
export const TEST_DEMO_SCALE = 0.05;

export interface DemoOptions {
  /** 1 ≈ 300 accounts, 1,500 contacts, 60,000 orders; scales accounts, contacts, orders, interactions and tasks. */
  scale?: number;
  /** Same seed and scale, same data, ids included. */
  seed?: number;
  /** The day the demo is "as of" (YYYY-MM-DD): orders cover the three years before it; a few meetings are planned after it. */
  asOf: string;
  /** Stored for every demo user. Without it the users cannot sign in. */
  passwordHash?: string;
}

/**
 * The demo organisation's data as plain rows. Small tables are arrays; orders
 * and interactions are generated on demand, account by account, so a large
 * scale does not need them all in memory. Each call of `orders()` or
 * `interactions()` starts over and yields the same rows.
 */
export interface DemoData {
  readonly organization: OrganizationRow & { id: string };
  readonly users: readonly UserRow[];
  readonly memberships: readonly MembershipRow[];
  readonly accounts: readonly AccountRow[];
  readonly contacts: readonly ContactRow[];
  readonly teamMembers: readonly TeamMemberRow[];
  readonly products: readonly ProductRow[];
  readonly tasks: readonly TaskRow[];
  /** Exact number of rows `orders()` and `interactions()` yield. */
  readonly planned: { readonly orders: number; readonly interactions: number };
  orders(): Generator<DemoOrder>;
  interactions(): Generator<DemoInteraction>;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

export function generateDemo(options: DemoOptions): DemoData {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 100) throw new RangeError(`demo scale must be in (0, 100], got ${scale}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`demo seed must be an integer, got ${seed}`);
  const asOfDay = parseDay(options.asOf);
  const random = new Random(seed);
  const identity = generateIdentity(random, asOfDay, options.passwordHash ?? "!");
  const ctx: DemoContext = {
    seed, scale, asOfDay, windowStart: yearsBefore(asOfDay, 3), orgId: identity.organization.id!, users: identity.demoUsers, random,
  };

  const plans = generateAccounts(ctx);
  const contacts = generateContacts(ctx, plans);
  const teamMembers = generateTeams(ctx, plans);
  const products = generateProducts(ctx);
  const schedules = scheduleOrders(ctx, plans, products);
  const teamByAccount = groupBy(teamMembers, (m) => m.accountId);
  const sources = { contactsByAccount: groupBy(contacts, (c) => c.accountId), teamByAccount };

  return {
    organization: { ...identity.organization, id: ctx.orgId },
    users: identity.users,
    memberships: identity.memberships,
    accounts: plans.map((p) => p.row),
    contacts,
    teamMembers,
    products: products.map((p) => p.row),
    tasks: generateTasks(ctx, plans, teamByAccount),
    planned: {
      orders: plannedOrderCount(schedules),
      interactions: plans.reduce((sum, plan) => sum + scheduleInteractions(ctx, plan).length, 0),
    },
    orders: () => generateOrders(ctx, schedules, products),
    interactions: () => generateInteractions(ctx, plans, sources),
  };
}
