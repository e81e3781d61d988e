import type { OrgRole } from "@openkam/domain";
import { dayAt } from "./calendar";
import type { DemoUser, MembershipRow, OrganizationRow, UserRow } from "./demo-types";
import type { Random } from "./random";
import { nameOrderKey } from "@openkam/domain/names/name-order";

export const DEMO_ORG_NAME = "OpenKAM Demo Co.";

/** The demo sign-in. The caller hashes the password; this package never depends on a hashing library. */
export const DEMO_LOGIN = { email: "demo@openkam.dev", password: "openkam-demo" } as const;

interface UserSpec {
  readonly key: string;
  readonly email: string;
  readonly name: string;
  readonly role: OrgRole;
  readonly locale: string | null;
}

const spec = (key: string, name: string, role: OrgRole, locale: string | null): UserSpec =>
  ({ key, email: `${key}@openkam.dev`, name, role, locale });

/** The demo organisation's people. Account managers own regions (see `regionOwner`). */
export const DEMO_USERS: readonly UserSpec[] = [
  { key: "demo", email: DEMO_LOGIN.email, name: "Demo Admin", role: "admin", locale: null },
  spec("li.wei", "李伟", "director", "zh-CN"),
  spec("zhang.min", "张敏", "account_manager", "zh-CN"),
  spec("wang.fang", "王芳", "account_manager", "zh-CN"),
  spec("chen.jie", "陈杰", "account_manager", "zh-CN"),
  spec("sarah.miller", "Sarah Miller", "account_manager", "en"),
  spec("liu.yang", "刘洋", "member", "zh-CN"),
  spec("zhao.lei", "赵磊", "member", "zh-CN"),
  spec("sun.hui", "孙慧", "member", "zh-CN"),
  spec("huang.li", "黄丽", "viewer", "zh-CN"),
];

export const ACCOUNT_MANAGER_KEYS = ["zhang.min", "wang.fang", "chen.jie", "sarah.miller"] as const;

/** Who owns the accounts of a sales region. */
export function regionOwner(region: string): string {
  switch (region) {
    case "华东":
      return "zhang.min";
    case "华南":
      return "wang.fang";
    case "华北":
    case "西南":
      return "chen.jie";
    default:
      return "sarah.miller";
  }
}

export interface Identity {
  readonly organization: OrganizationRow;
  readonly users: UserRow[];
  readonly memberships: MembershipRow[];
  readonly demoUsers: DemoUser[];
}

/** The organisation, its users and their memberships; all created five years before `asOfDay`. */
export function generateIdentity(random: Random, asOfDay: number, passwordHash: string): Identity {
  const rng = random.fork("identity");
  const createdAt = dayAt(asOfDay - 5 * 365, 60);
  const organization: OrganizationRow = {
    id: rng.uuid(), name: DEMO_ORG_NAME, defaultCurrency: "CNY", fiscalYearStartMonth: 1, timezone: "Asia/Shanghai",
    createdAt, updatedAt: createdAt,
  };
  const users: UserRow[] = [];
  const memberships: MembershipRow[] = [];
  const demoUsers: DemoUser[] = [];
  DEMO_USERS.forEach((u, i) => {
    const id = rng.uuid();
    const joined = dayAt(asOfDay - 5 * 365 + i * 20, 90);
    users.push({ id, email: u.email, name: u.name, nameKey: nameOrderKey(u.name), passwordHash, locale: u.locale, isActive: true, createdAt: joined, updatedAt: joined });
    memberships.push({ orgId: organization.id, userId: id, role: u.role, isActive: true, createdAt: joined, updatedAt: joined });
    demoUsers.push({ key: u.key, id, role: u.role });
  });
  return { organization, users, memberships, demoUsers };
}

export function userId(users: readonly DemoUser[], key: string): string {
  const user = users.find((u) => u.key === key);
  if (!user) throw new Error(`no demo user "${key}"`);
  return user.id;
}
