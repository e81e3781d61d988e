/**
 * Effort and resource allocation: where the team's time goes, set against what each account is worth.
 * Pure rules, no I/O.
 */
import type { AccountTier, InteractionType } from "../enums/index";
import type { MatrixQuadrant } from "../analytics/segmentation-matrix";

/** Where a logged entry of time came from; `manual` entries have no source record. */
export const EFFORT_SOURCES = ["interaction", "case", "task", "manual"] as const;
export type EffortSource = (typeof EFFORT_SOURCES)[number];

/** One entry holds at most a day's work. */
export const MAX_EFFORT_MINUTES = 24 * 60;

/**
 * What an interaction with no logged time and no recorded duration is assumed to have cost, in minutes
 * of each of our people who took part. Rough, deliberately: a visit includes the travel, a QBR its
 * preparation. Figures based on them are marked "estimated".
 */
export const DEFAULT_INTERACTION_MINUTES = {
  visit: 120,
  meeting: 60,
  qbr: 180,
  executive_meeting: 90,
  call: 30,
  email: 10,
} as const satisfies Record<InteractionType, number>;

/** The tiers counted as key accounts in the programme split; `growth` is the other side of it. */
export const KEY_ACCOUNT_TIERS = ["strategic", "key"] as const satisfies readonly AccountTier[];

export type EffortGroup = "key" | "growth" | "other";

export function effortGroupOf(tier: AccountTier): EffortGroup {
  if (tier === "strategic" || tier === "key") return "key";
  return tier === "growth" ? "growth" : "other";
}

/** The organization's allocation policy; every field has a documented default. */
export interface AllocationSettings {
  /** Target share of key-account effort in the key + growth split, 0-100. */
  keySharePct: number;
  /** An account is over-served when its effort share is more than `overRatio` times its value share. */
  overRatio: number;
  /** … and under-served when it is less than `underRatio` times its value share. */
  underRatio: number;
}

export const DEFAULT_ALLOCATION_SETTINGS: AllocationSettings = { keySharePct: 70, overRatio: 1.5, underRatio: 0.5 };

/** What value the effort is set against: revenue of the last 12 months, or the latest CLV run's figure. */
export const EFFORT_VALUE_BASES = ["revenue", "clv"] as const;
export type EffortValueBasis = (typeof EFFORT_VALUE_BASES)[number];

/**
 * The effort an interaction stands for when nobody logged time against it: its recorded duration when
 * there is one, else the default of its type, for each of our participants (at least one: whoever logged it).
 */
export function interactionEffort(input: { type: InteractionType; durationMinutes: number | null; participants: number }): { minutes: number; estimated: boolean } {
  const people = Math.max(1, input.participants);
  if (input.durationMinutes !== null && input.durationMinutes > 0) return { minutes: input.durationMinutes * people, estimated: false };
  return { minutes: DEFAULT_INTERACTION_MINUTES[input.type] * people, estimated: true };
}

export interface EffortAccountInput {
  accountId: string;
  tier: AccountTier;
  /** Minutes logged as effort entries, plus interaction durations that were recorded. */
  loggedMinutes: number;
  /** Minutes assumed for interactions with neither (see DEFAULT_INTERACTION_MINUTES). */
  estimatedMinutes: number;
  /** Revenue of the last 12 months in the organization's currency (may be negative after credit notes). */
  revenue: number;
  /** From the latest CLV run; null when there is none or it does not include the account. */
  clv: number | null;
  /** From the latest segmentation-matrix run; null when there is none or it does not include the account. */
  quadrant: MatrixQuadrant | null;
}

export type ServiceLevel = "over" | "under" | "balanced" | "idle";

export interface EffortAccountResult extends EffortAccountInput {
  totalMinutes: number;
  /** 0..1 of all the effort in the period. */
  effortShare: number;
  /** 0..1 of all the positive value (negative value counts as none). */
  valueShare: number;
  /** effortShare / valueShare; null when the account has no value (then any effort is over-service). */
  ratio: number | null;
  service: ServiceLevel;
}

export interface EffortBucket {
  accounts: number;
  minutes: number;
  effortShare: number;
  value: number;
  valueShare: number;
}

export interface AllocationResult {
  accounts: EffortAccountResult[];
  totals: { minutes: number; loggedMinutes: number; estimatedMinutes: number; value: number };
  /** Keyed by quadrant; accounts outside the latest matrix run are under "unclassified". */
  quadrants: Record<MatrixQuadrant | "unclassified", EffortBucket>;
  split: {
    keyMinutes: number;
    growthMinutes: number;
    /** Standard-tier accounts: outside the key/growth split. */
    otherMinutes: number;
    /** Percent of key + growth effort, one decimal; the two sum to 100 (null when neither has effort). */
    keyPct: number | null;
    growthPct: number | null;
    targetKeyPct: number;
    targetGrowthPct: number;
    /** keyPct − target, in percentage points. */
    deviationPts: number | null;
  };
  overServed: EffortAccountResult[];
  underServed: EffortAccountResult[];
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : 0);
const valueOf = (a: EffortAccountInput, basis: EffortValueBasis) => Math.max(0, basis === "clv" ? (a.clv ?? 0) : a.revenue);

/**
 * Where an account stands: over-served when its effort share exceeds `overRatio` × its value share (or it
 * has effort and no value), under-served below `underRatio` × (including no effort at all on an account
 * with value), idle with neither. The band is inclusive: a ratio of exactly 1.5 or 0.5 is balanced.
 */
export function serviceLevel(effortShare: number, valueShare: number, settings: AllocationSettings): { ratio: number | null; service: ServiceLevel } {
  if (valueShare <= 0) return { ratio: null, service: effortShare > 0 ? "over" : "idle" };
  const ratio = effortShare / valueShare;
  if (ratio > settings.overRatio) return { ratio, service: "over" };
  return { ratio, service: ratio < settings.underRatio ? "under" : "balanced" };
}

function emptyBucket(): EffortBucket {
  return { accounts: 0, minutes: 0, effortShare: 0, value: 0, valueShare: 0 };
}

/**
 * Sets each account's effort against its value, totals them by segmentation-matrix quadrant and by the
 * key/growth split, and lists the accounts outside the band, the most out of line first.
 */
export function allocateEffort(input: readonly EffortAccountInput[], options: { settings?: AllocationSettings; basis?: EffortValueBasis } = {}): AllocationResult {
  const settings = options.settings ?? DEFAULT_ALLOCATION_SETTINGS;
  const basis = options.basis ?? "revenue";
  const totals = { minutes: 0, loggedMinutes: 0, estimatedMinutes: 0, value: 0 };
  for (const a of input) {
    totals.loggedMinutes += a.loggedMinutes;
    totals.estimatedMinutes += a.estimatedMinutes;
    totals.value += valueOf(a, basis);
  }
  totals.minutes = totals.loggedMinutes + totals.estimatedMinutes;

  const quadrants: AllocationResult["quadrants"] = {
    strategic_partner: emptyBucket(), cash_cow: emptyBucket(), problem_account: emptyBucket(), dog: emptyBucket(), unclassified: emptyBucket(),
  };
  const minutesOf: Record<EffortGroup, number> = { key: 0, growth: 0, other: 0 };
  const accounts = input.map((a): EffortAccountResult => {
    const totalMinutes = a.loggedMinutes + a.estimatedMinutes;
    const value = valueOf(a, basis);
    const effortShare = share(totalMinutes, totals.minutes);
    const valueShare = share(value, totals.value);
    const bucket = quadrants[a.quadrant ?? "unclassified"];
    bucket.accounts += 1;
    bucket.minutes += totalMinutes;
    bucket.value += value;
    minutesOf[effortGroupOf(a.tier)] += totalMinutes;
    return { ...a, totalMinutes, effortShare, valueShare, ...serviceLevel(effortShare, valueShare, settings) };
  });
  for (const bucket of Object.values(quadrants)) {
    bucket.effortShare = share(bucket.minutes, totals.minutes);
    bucket.valueShare = share(bucket.value, totals.value);
  }

  const splitWhole = minutesOf.key + minutesOf.growth;
  const keyPct = splitWhole > 0 ? Math.round((minutesOf.key / splitWhole) * 1000) / 10 : null;
  // The growth side is the complement of the rounded key side, so the two always add up to 100.
  const growthPct = keyPct === null ? null : Math.round((100 - keyPct) * 10) / 10;

  // Most out of line first: the largest effort over value, then the largest value left without effort.
  const gap = (a: EffortAccountResult) => a.effortShare - a.valueShare;
  const overServed = accounts.filter((a) => a.service === "over").sort((x, y) => gap(y) - gap(x) || x.accountId.localeCompare(y.accountId));
  const underServed = accounts.filter((a) => a.service === "under").sort((x, y) => gap(x) - gap(y) || x.accountId.localeCompare(y.accountId));

  return {
    accounts,
    totals,
    quadrants,
    split: {
      keyMinutes: minutesOf.key,
      growthMinutes: minutesOf.growth,
      otherMinutes: minutesOf.other,
      keyPct,
      growthPct,
      targetKeyPct: settings.keySharePct,
      targetGrowthPct: 100 - settings.keySharePct,
      deviationPts: keyPct === null ? null : Math.round((keyPct - settings.keySharePct) * 10) / 10,
    },
    overServed,
    underServed,
  };
}
