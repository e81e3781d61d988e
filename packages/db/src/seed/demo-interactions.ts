import type { InteractionType } from "@openkam/domain";
import { dayAt, monthOf, monthStart, nextMonthStart, shanghaiToUtcMinutes, weekday, yearOf } from "./calendar";
import { userId } from "./demo-users";
import type { AccountPlan, ContactRow, DemoContext, DemoInteraction, TeamMemberRow } from "./demo-types";
import type { Random } from "./random";
import { INTERACTION_TEMPLATES, NEXT_STEPS, OUTCOMES, type Language } from "./vocabulary";

/** Interactions a month by tier; QBRs come on top for strategic and key accounts. */
const MONTHLY_RATE = { strategic: 5, key: 2.5, growth: 0.9, standard: 0.35 } as const;

interface Event {
  readonly day: number;
  readonly type: InteractionType;
}

const workday = (day: number) => (weekday(day) === 6 ? day + 2 : weekday(day) === 0 ? day + 1 : day);

/** When and how the team met an account, including a few planned meetings after the as-of date. Pure per account. */
export function scheduleInteractions(ctx: DemoContext, plan: AccountPlan): Event[] {
  const rng = ctx.random.fork(`interaction-plan/${plan.index}`);
  const tier = plan.row.tier;
  const prospect = plan.trend === "prospect";
  const from = prospect ? Math.max(plan.createdDay, ctx.asOfDay - 180) : Math.max(ctx.windowStart, plan.startDay - 60, plan.createdDay);
  const to = Math.min(ctx.asOfDay - 1, prospect ? ctx.asOfDay - 1 : plan.endDay + 30);
  const events: Event[] = [];
  const inRange = (day: number) => day >= from && day <= to;
  if (from <= to) {
    const expected = ((prospect ? 0.8 : MONTHLY_RATE[tier]) * (to - from + 1)) / 30.4;
    const count = Math.floor(expected) + (rng.chance(expected - Math.floor(expected)) ? 1 : 0);
    const execWeight = tier === "strategic" ? 4 : tier === "key" ? 2 : 0.3;
    const types = [
      { value: "visit" as const, weight: 25 }, { value: "call" as const, weight: 30 }, { value: "meeting" as const, weight: 20 },
      { value: "email" as const, weight: 22 }, { value: "executive_meeting" as const, weight: execWeight },
    ];
    for (let i = 0; i < count; i++) {
      const day = workday(rng.int(from, to));
      if (inRange(day)) events.push({ day, type: rng.weighted(types) });
    }
  }
  const important = tier === "strategic" || tier === "key";
  if (important) {
    for (let quarter = monthStart(from); quarter <= to; quarter = nextMonthStart(quarter)) {
      if (monthOf(quarter) % 3 !== 0) continue;
      const day = workday(quarter + rng.int(8, 28));
      if (inRange(day)) events.push({ day, type: "qbr" });
    }
  }
  const stillCustomer = plan.row.status !== "churned" && plan.row.status !== "inactive";
  const planned = stillCustomer ? (important ? rng.int(1, 2) : rng.chance(0.04) ? 1 : 0) : 0;
  for (let i = 0; i < planned; i++) {
    const type = rng.pick<InteractionType>(important ? ["meeting", "visit", "qbr", "executive_meeting"] : ["call", "visit", "meeting"]);
    events.push({ day: workday(ctx.asOfDay + rng.int(1, 45)), type });
  }
  return events.sort((a, b) => a.day - b.day);
}

function subjectOf(rng: Random, event: Event, language: Language): string {
  if (event.type === "qbr") {
    // A QBR reviews the quarter before the one it is held in.
    const reviewed = monthStart(monthStart(event.day) - 80);
    const q = Math.floor(monthOf(reviewed) / 3) + 1;
    const year = yearOf(reviewed);
    return language === "zh" ? `${year}年Q${q}季度业务回顾` : `Q${q} ${year} business review`;
  }
  return rng.pick(INTERACTION_TEMPLATES[event.type].subjects)[language];
}

function attendingContacts(rng: Random, event: Event, contacts: readonly ContactRow[]): ContactRow[] {
  if (contacts.length === 0) return [];
  if (event.type === "email") return [rng.pick(contacts)];
  const senior = contacts.filter((c) => (c.influence ?? 0) >= 4);
  const pool = event.type === "executive_meeting" && senior.length > 0 ? senior : contacts;
  const count = rng.int(1, Math.min(3, pool.length));
  const picked: ContactRow[] = [];
  while (picked.length < count) {
    const c = rng.weighted(pool.filter((p) => !picked.includes(p)).map((p) => ({ value: p, weight: p.influence ?? 1 })));
    picked.push(c);
  }
  return picked;
}

function attendingUsers(rng: Random, ctx: DemoContext, event: Event, plan: AccountPlan, team: readonly TeamMemberRow[]): string[] {
  const lead = userId(ctx.users, plan.ownerKey);
  const others = team.filter((m) => m.userId !== lead);
  const users = [lead];
  if (event.type === "executive_meeting") {
    users.push(others.find((m) => m.teamRole === "executive_sponsor")?.userId ?? userId(ctx.users, plan.ownerKey === "li.wei" ? "demo" : "li.wei"));
  } else if ((event.type === "qbr" || ((event.type === "visit" || event.type === "meeting") && rng.chance(0.3))) && others.length > 0) {
    users.push(rng.pick(others).userId);
  }
  return [...new Set(users)];
}

/** The contacts already in the CRM at the time; the earliest ones if none were yet. */
function knownBy(contacts: readonly ContactRow[], at: Date): readonly ContactRow[] {
  const known = contacts.filter((c) => c.createdAt !== undefined && c.createdAt <= at);
  return known.length > 0 ? known : contacts.slice(0, 1);
}

export interface InteractionSources {
  readonly contactsByAccount: ReadonlyMap<string, readonly ContactRow[]>;
  readonly teamByAccount: ReadonlyMap<string, readonly TeamMemberRow[]>;
}

/** Every interaction with its attendees, account by account. */
export function* generateInteractions(ctx: DemoContext, plans: readonly AccountPlan[], sources: InteractionSources): Generator<DemoInteraction> {
  let seq = 0;
  for (const plan of plans) {
    const rng = ctx.random.fork(`interactions/${plan.index}`);
    const contacts = sources.contactsByAccount.get(plan.row.id) ?? [];
    const team = sources.teamByAccount.get(plan.row.id) ?? [];
    const lang = plan.language;
    for (const event of scheduleInteractions(ctx, plan)) {
      const id = rng.uuid();
      const template = INTERACTION_TEMPLATES[event.type];
      const future = event.day >= ctx.asOfDay;
      const minutes = event.type === "email" ? rng.int(8 * 60, 20 * 60) : rng.int(9 * 4, 17 * 4) * 15;
      const occurredAt = dayAt(event.day, shanghaiToUtcMinutes(0) + minutes);
      const duration = template.minutes ? Math.round(rng.int(template.minutes[0], template.minutes[1]) / 5) * 5 : null;
      const createdAt = future ? dayAt(ctx.asOfDay - rng.int(1, 14), shanghaiToUtcMinutes(rng.int(9, 17))) : new Date(occurredAt.getTime() + (duration ?? 10) * 60_000);
      seq++;
      yield {
        interaction: {
          orgId: ctx.orgId, id, accountId: plan.row.id, type: event.type, occurredAt, durationMinutes: duration,
          subject: subjectOf(rng, event, lang),
          summary: !future && rng.chance(0.8) ? rng.pick(template.summaries)[lang] : null,
          outcome: !future && rng.chance(0.6) ? rng.pick(OUTCOMES)[lang] : null,
          nextStep: !future && rng.chance(0.5) ? rng.pick(NEXT_STEPS)[lang] : null,
          externalId: `ACT${String(5_000_000 + seq)}`, createdBy: userId(ctx.users, plan.ownerKey), createdAt, updatedAt: createdAt, version: 1,
        },
        contacts: attendingContacts(rng, event, knownBy(contacts, occurredAt)).map((c) => ({ orgId: ctx.orgId, interactionId: id, contactId: c.id! })),
        users: attendingUsers(rng, ctx, event, plan, team).map((u) => ({ orgId: ctx.orgId, interactionId: id, userId: u })),
      };
    }
  }
}
