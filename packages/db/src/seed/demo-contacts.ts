import type { BuyingRole } from "@openkam/domain";
import { dayAt } from "./calendar";
import { userId } from "./demo-users";
import type { AccountPlan, ContactRow, DemoContext } from "./demo-types";
import { asciiSlug, CHINESE_GIVEN_PARTS, CHINESE_SURNAMES, ENGLISH_FIRST_NAMES, ENGLISH_LAST_NAMES } from "./names";
import type { Random } from "./random";
import { CONTACT_NOTES, DEPARTMENTS, EXECUTIVE, type Department, type Language, type Text } from "./vocabulary";
import { nameOrderKey } from "@openkam/domain/names/name-order";

interface Person {
  readonly name: string;
  readonly email: string;
}

function person(rng: Random, language: Language, domain: string): Person {
  if (language === "zh") {
    const surname = rng.pick(CHINESE_SURNAMES);
    const given = rng.sample(CHINESE_GIVEN_PARTS, rng.chance(0.65) ? 2 : 1);
    const givenPinyin = given.map((g) => g.pinyin).join("");
    const local = rng.chance(0.6) ? `${givenPinyin}.${surname.pinyin}` : `${surname.pinyin}${givenPinyin}`;
    return { name: `${surname.zh}${given.map((g) => g.zh).join("")}`, email: `${local}@${domain}` };
  }
  const first = rng.pick(ENGLISH_FIRST_NAMES);
  const last = rng.pick(ENGLISH_LAST_NAMES);
  return { name: `${first} ${last}`, email: `${asciiSlug(first)}.${asciiSlug(last)}@${domain}` };
}

function phone(rng: Random, prefix: string): string {
  const digits = (n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join("");
  if (prefix === "+86") return `+86 1${rng.pick(["38", "39", "58", "86", "37", "59"])} ${digits(4)} ${digits(4)}`;
  return `${prefix} ${rng.int(10, 99)} ${digits(3)} ${digits(4)}`;
}

/** Contacts per account grow with its size. */
function contactCount(rng: Random, plan: AccountPlan): number {
  if (plan.trend === "prospect") return rng.int(1, 3);
  switch (plan.row.size) {
    case "enterprise":
      return rng.int(8, 14);
    case "large":
      return rng.int(5, 9);
    case "medium":
      return rng.int(3, 6);
    case "small":
    case null:
    case undefined:
      return rng.int(2, 4);
  }
}

const ATTITUDE = [-2, -1, 0, 1, 2] as const;

function attitudeFor(rng: Random, role: BuyingRole): number {
  if (role === "champion") return rng.int(1, 2);
  if (role === "blocker") return rng.int(-2, -1);
  return rng.weighted(ATTITUDE.map((value, i) => ({ value, weight: [5, 12, 35, 32, 16][i]! })));
}

interface Slot {
  readonly department: Department;
  readonly level: "top" | "deputy" | "head" | "staff";
  readonly manager: number | null;
}

/**
 * The organisation chart of one account, managers first: a general manager,
 * a deputy in large accounts, department heads reporting to them, staff
 * reporting to their head. Small accounts know a few people without a chart.
 */
function chart(rng: Random, count: number): Slot[] {
  if (count <= 2) {
    const loose: Slot[] = [{ department: DEPARTMENTS[0]!, level: "head", manager: null }, { department: DEPARTMENTS[1]!, level: "staff", manager: null }];
    return loose.slice(0, count);
  }
  const slots: Slot[] = [{ department: EXECUTIVE, level: "top", manager: null }];
  if (count >= 7) slots.push({ department: EXECUTIVE, level: "deputy", manager: 0 });
  const remaining = count - slots.length;
  const departments = [DEPARTMENTS[0]!, DEPARTMENTS[1]!, ...rng.shuffle(DEPARTMENTS.slice(2))].slice(0, Math.max(1, Math.ceil(remaining / 2)));
  const heads = departments.map((department) => {
    slots.push({ department, level: "head", manager: slots.length > 1 && rng.chance(0.5) ? 1 : 0 });
    return slots.length - 1;
  });
  for (let i = 0; slots.length < count; i++) {
    const head = heads[i % heads.length]!;
    slots.push({ department: slots[head]!.department, level: "staff", manager: head });
  }
  return slots;
}

function titleOf(rng: Random, slot: Slot): Text {
  if (slot.level === "top") return rng.pick(slot.department.headTitles);
  if (slot.level === "deputy") return rng.pick(slot.department.staffTitles);
  return rng.pick(slot.level === "head" ? slot.department.headTitles : slot.department.staffTitles);
}

function roleOf(rng: Random, slot: Slot): BuyingRole {
  return rng.weighted(slot.level === "top" || slot.level === "head" ? slot.department.headRoles : slot.department.staffRoles);
}

function influenceOf(rng: Random, slot: Slot, role: BuyingRole): number {
  const base = { top: 5, deputy: 4, head: 3, staff: 1 }[slot.level];
  const bonus = role === "decision_maker" ? 1 : role === "user" ? 0 : rng.int(0, 1);
  return Math.min(5, base + bonus + (slot.level === "staff" ? rng.int(0, 1) : 0));
}

/** Contacts of every account; within an account a manager always comes before the people reporting to them. */
export function generateContacts(ctx: DemoContext, plans: readonly AccountPlan[]): ContactRow[] {
  const rows: ContactRow[] = [];
  for (const plan of plans) {
    const rng = ctx.random.fork(`contacts/${plan.index}`);
    const slots = chart(rng, contactCount(rng, plan));
    const ids: string[] = [];
    for (const slot of slots) {
      const id = rng.uuid();
      ids.push(id);
      const who = person(rng, plan.language, plan.emailDomain);
      const role = roleOf(rng, slot);
      const createdDay = Math.min(ctx.asOfDay - 1, plan.createdDay + rng.int(0, 400));
      const createdAt = dayAt(createdDay, rng.int(60, 600));
      const updatedDay = rng.int(createdDay, ctx.asOfDay - 1);
      rows.push({
        orgId: ctx.orgId, id, accountId: plan.row.id, name: who.name, nameKey: nameOrderKey(who.name),
        title: titleOf(rng, slot)[plan.language], department: slot.department.name[plan.language],
        email: rng.chance(0.92) ? who.email : null, phone: rng.chance(0.8) ? phone(rng, plan.phonePrefix) : null,
        buyingRole: role, influence: influenceOf(rng, slot, role), attitude: attitudeFor(rng, role),
        reportsToContactId: slot.manager === null ? null : ids[slot.manager]!,
        notes: rng.chance(0.12) ? rng.pick(CONTACT_NOTES)[plan.language] : null,
        externalId: `CT${String(rows.length + 200001)}`, createdBy: userId(ctx.users, plan.ownerKey),
        createdAt, updatedAt: updatedDay === createdDay ? createdAt : dayAt(updatedDay, rng.int(60, 600)), version: 1,
      });
    }
  }
  return rows;
}
