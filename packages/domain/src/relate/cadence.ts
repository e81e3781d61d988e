import { ACCOUNT_TIERS, type AccountTier, type InteractionType } from "../enums/index";
import {
  assertInstant,
  daysBetweenIsoDates,
  endOfCalendarPeriod,
  isoWeekDates,
  shiftIsoDate,
  zonedDateOf,
  type CalendarPeriod,
  type IsoDate,
} from "./dates";

/** The contacts an account plan commits to keeping up. */
export const CADENCE_KINDS = ["visit", "executive_meeting", "qbr"] as const;
export type CadenceKind = (typeof CADENCE_KINDS)[number];

/**
 * The interaction types that keep each cadence. A QBR held on site does not also count
 * as a visit: the two commitments are planned and reported separately.
 */
export const CADENCE_INTERACTION_TYPES = {
  visit: ["visit"],
  executive_meeting: ["executive_meeting"],
  qbr: ["qbr"],
} as const satisfies Record<CadenceKind, readonly InteractionType[]>;

/**
 * How often a cadence is due: a whole number of days after the last occurrence (rolling), or
 * once per calendar quarter / half-year, due by the period's last day in the organization's zone.
 */
export type CadenceInterval = number | "quarterly" | "half_yearly";

/** Each kind's interval; null = not part of the plan. */
export type CadencePolicy = Readonly<Record<CadenceKind, CadenceInterval | null>>;

/** What an account changes from its tier's policy; an absent or undefined kind keeps the tier's interval, null drops it. */
export type CadencePolicyOverride = Partial<Record<CadenceKind, CadenceInterval | null>>;

/**
 * Defaults per tier. Growth accounts get a half-yearly business review rather than a QBR:
 * often enough to steer the growth plan, without the quarterly preparation cost kept for the
 * accounts that carry the revenue. Standard accounts are visited twice a year and nothing more.
 */
export const DEFAULT_CADENCE_POLICIES: Readonly<Record<AccountTier, CadencePolicy>> = {
  strategic: { visit: 30, executive_meeting: 90, qbr: "quarterly" },
  key: { visit: 60, executive_meeting: 180, qbr: "quarterly" },
  growth: { visit: 90, executive_meeting: null, qbr: "half_yearly" },
  standard: { visit: 180, executive_meeting: null, qbr: null },
};

/** A week's warning before a due date: enough to book a visit without crowding the agenda. */
export const DEFAULT_DUE_SOON_DAYS = 7;

const MAX_INTERVAL_DAYS = 3660;
const PERIOD_OF: Record<"quarterly" | "half_yearly", CalendarPeriod> = { quarterly: "quarter", half_yearly: "half_year" };

/** The tier's policy with the account's overrides on top; a RangeError for an interval that is not 1..3660 whole days or a period. */
export function resolveCadencePolicy(tier: AccountTier, override: CadencePolicyOverride = {}): CadencePolicy {
  const policy = { ...DEFAULT_CADENCE_POLICIES[tier] };
  for (const kind of CADENCE_KINDS) {
    const interval = override[kind];
    if (interval === undefined) continue;
    assertInterval(kind, interval);
    policy[kind] = interval;
  }
  return policy;
}

function assertInterval(kind: CadenceKind, interval: CadenceInterval | null): void {
  if (interval === null || interval === "quarterly" || interval === "half_yearly") return;
  if (!Number.isInteger(interval) || interval < 1 || interval > MAX_INTERVAL_DAYS) {
    throw new RangeError(`${kind} interval must be a whole number of days from 1 to ${MAX_INTERVAL_DAYS}, "quarterly" or "half_yearly", got ${String(interval)}`);
  }
}

/** The cadence an interaction type keeps, if any (calls and e-mails keep none). */
export function cadenceKindOf(type: InteractionType): CadenceKind | undefined {
  return CADENCE_KINDS.find((kind) => (CADENCE_INTERACTION_TYPES[kind] as readonly InteractionType[]).includes(type));
}

/** When each cadence was last kept. Planned interactions (after `now`) have not kept anything yet, so they are left out. */
export function latestCadenceInteractions(
  interactions: readonly { type: InteractionType; occurredAt: Date }[],
  now: Date,
): Partial<Record<CadenceKind, Date>> {
  const latest: Partial<Record<CadenceKind, Date>> = {};
  for (const { type, occurredAt } of interactions) {
    const kind = cadenceKindOf(type);
    if (kind === undefined || occurredAt.getTime() > now.getTime()) continue;
    const current = latest[kind];
    if (current === undefined || occurredAt.getTime() > current.getTime()) latest[kind] = occurredAt;
  }
  return latest;
}

export type CadenceStatus = "ok" | "due_soon" | "overdue" | "never_met";

export interface CadenceDue {
  kind: CadenceKind;
  interval: CadenceInterval;
  /** The last interaction that kept this cadence; null when there never was one. */
  lastAt: Date | null;
  /** Due by the end of this day, in the organization's zone. */
  dueOn: IsoDate;
  /** Days from today to `dueOn`: 0 on the due day, negative once it has passed. */
  daysUntilDue: number;
  /** Days past `dueOn`; 0 when not overdue. */
  daysOverdue: number;
  status: CadenceStatus;
}

export interface AssessCadenceOptions {
  policy: CadencePolicy;
  lastAt: Partial<Record<CadenceKind, Date | null>>;
  /** When the account started (was created); it stands in for a last occurrence that never happened. */
  startedAt: Date;
  now: Date;
  timeZone: string;
  /** `due_soon` from this many days before the due day; 7 unless told. */
  dueSoonDays?: number;
}

/**
 * Where each planned cadence of an account stands at `now`.
 *
 * Rolling intervals are due `interval` days after the local date of the last occurrence;
 * periodic ones by the end of the period after the one the last occurrence fell in (a QBR
 * held in Q1 makes the next due by 30 June; one missed quarter is overdue from its end).
 * Without any occurrence the account's start date takes its place, so a new account gets one
 * full interval before anything is due; its status is `never_met` nonetheless, and
 * `daysOverdue` tells whether that grace has run out. Otherwise: `overdue` after the due day,
 * `due_soon` from `dueSoonDays` before it through the due day itself, `ok` before that.
 */
export function assessCadence({ policy, lastAt, startedAt, now, timeZone, dueSoonDays = DEFAULT_DUE_SOON_DAYS }: AssessCadenceOptions): CadenceDue[] {
  assertInstant(startedAt, "startedAt");
  assertInstant(now, "now");
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) throw new RangeError(`dueSoonDays must be a whole number ≥ 0, got ${dueSoonDays}`);
  const today = zonedDateOf(now, timeZone);
  const result: CadenceDue[] = [];
  for (const kind of CADENCE_KINDS) {
    const interval = policy[kind];
    if (interval === null) continue;
    assertInterval(kind, interval);
    const last = lastAt[kind] ?? null;
    if (last !== null) assertInstant(last, `last ${kind}`);
    const from = zonedDateOf(last ?? startedAt, timeZone);
    const dueOn = typeof interval === "number" ? shiftIsoDate(from, interval) : endOfCalendarPeriod(from, PERIOD_OF[interval], 1);
    const daysUntilDue = daysBetweenIsoDates(today, dueOn);
    const daysOverdue = Math.max(0, -daysUntilDue);
    const status: CadenceStatus = last === null ? "never_met" : daysOverdue > 0 ? "overdue" : daysUntilDue <= dueSoonDays ? "due_soon" : "ok";
    result.push({ kind, interval, lastAt: last, dueOn, daysUntilDue, daysOverdue, status });
  }
  return result;
}

export interface CadenceAccount {
  accountId: string;
  tier: AccountTier;
  override?: CadencePolicyOverride;
  startedAt: Date;
  lastAt: Partial<Record<CadenceKind, Date | null>>;
}

export interface WeekAgendaItem extends CadenceDue {
  accountId: string;
  tier: AccountTier;
  /** Due before the week starts and still not kept: it rolls into this week's agenda. */
  carriedOver: boolean;
}

export interface BuildWeekAgendaOptions {
  accounts: readonly CadenceAccount[];
  /** ISO week `YYYY-Www` (see `isoWeekOf` for the week of an instant in the organization's zone). */
  week: string;
  now: Date;
  timeZone: string;
  dueSoonDays?: number;
}

/**
 * What falls due up to the end of an ISO week: cadences due during the week plus every one
 * already overdue, assessed at `now`. Ordered by due day, then tier (strategic first), account
 * and kind, so the agenda reads the same every time.
 */
export function buildWeekAgenda({ accounts, week, now, timeZone, dueSoonDays }: BuildWeekAgendaOptions): WeekAgendaItem[] {
  const { firstDay, lastDay } = isoWeekDates(week);
  const items: WeekAgendaItem[] = [];
  for (const account of accounts) {
    const policy = resolveCadencePolicy(account.tier, account.override);
    for (const due of assessCadence({ policy, lastAt: account.lastAt, startedAt: account.startedAt, now, timeZone, dueSoonDays })) {
      if (due.dueOn > lastDay) continue;
      items.push({ ...due, accountId: account.accountId, tier: account.tier, carriedOver: due.dueOn < firstDay });
    }
  }
  return items.sort(
    (a, b) =>
      compareText(a.dueOn, b.dueOn) ||
      ACCOUNT_TIERS.indexOf(a.tier) - ACCOUNT_TIERS.indexOf(b.tier) ||
      compareText(a.accountId, b.accountId) ||
      CADENCE_KINDS.indexOf(a.kind) - CADENCE_KINDS.indexOf(b.kind),
  );
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
