import { ACCOUNT_TIERS, type AccountTier } from "../enums/index";

/** Case priority, P1 the most urgent. */
export const SLA_PRIORITIES = ["P1", "P2", "P3", "P4"] as const;
export type SlaPriority = (typeof SLA_PRIORITIES)[number];

export interface SlaTarget {
  firstResponseMinutes: number;
  resolutionMinutes: number;
  /** True: minutes count only in the organization's business hours. False: around the clock (24x7). */
  businessHours: boolean;
}

const DAY = 9 * 60;

/**
 * Defaults, in business minutes of a nine-hour day (`STANDARD_WEEKLY_HOURS`), except strategic P1
 * which runs around the clock: a strategic customer with a stopped operation cannot wait for Monday.
 *
 * | tier      | P1                  | P2           | P3           | P4            |
 * |-----------|---------------------|--------------|--------------|---------------|
 * | strategic | 2 h / 24 h, 24x7    | 2 h / 1 d    | 4 h / 3 d    | 1 d / 5 d     |
 * | key       | 1 h / 1 d           | 4 h / 2 d    | 8 h / 5 d    | 2 d / 10 d    |
 * | growth    | 2 h / 2 d           | 8 h / 5 d    | 2 d / 10 d   | 3 d / 20 d    |
 * | standard  | 4 h / 3 d           | 1 d / 5 d    | 3 d / 10 d   | 5 d / 20 d    |
 *
 * (first response / resolution; d = business day). Within a tier targets loosen from P1 to P4,
 * and for a priority they loosen from strategic to standard.
 */
export const DEFAULT_SLA_TARGETS: Readonly<Record<AccountTier, Readonly<Record<SlaPriority, SlaTarget>>>> = {
  strategic: {
    P1: { firstResponseMinutes: 120, resolutionMinutes: 24 * 60, businessHours: false },
    P2: { firstResponseMinutes: 120, resolutionMinutes: DAY, businessHours: true },
    P3: { firstResponseMinutes: 240, resolutionMinutes: 3 * DAY, businessHours: true },
    P4: { firstResponseMinutes: DAY, resolutionMinutes: 5 * DAY, businessHours: true },
  },
  key: {
    P1: { firstResponseMinutes: 60, resolutionMinutes: DAY, businessHours: true },
    P2: { firstResponseMinutes: 240, resolutionMinutes: 2 * DAY, businessHours: true },
    P3: { firstResponseMinutes: 480, resolutionMinutes: 5 * DAY, businessHours: true },
    P4: { firstResponseMinutes: 2 * DAY, resolutionMinutes: 10 * DAY, businessHours: true },
  },
  growth: {
    P1: { firstResponseMinutes: 120, resolutionMinutes: 2 * DAY, businessHours: true },
    P2: { firstResponseMinutes: 480, resolutionMinutes: 5 * DAY, businessHours: true },
    P3: { firstResponseMinutes: 2 * DAY, resolutionMinutes: 10 * DAY, businessHours: true },
    P4: { firstResponseMinutes: 3 * DAY, resolutionMinutes: 20 * DAY, businessHours: true },
  },
  standard: {
    P1: { firstResponseMinutes: 240, resolutionMinutes: 3 * DAY, businessHours: true },
    P2: { firstResponseMinutes: DAY, resolutionMinutes: 5 * DAY, businessHours: true },
    P3: { firstResponseMinutes: 3 * DAY, resolutionMinutes: 10 * DAY, businessHours: true },
    P4: { firstResponseMinutes: 5 * DAY, resolutionMinutes: 20 * DAY, businessHours: true },
  },
};

/** An organization's changes to the defaults, field by field. */
export type SlaTargetOverrides = Partial<Record<AccountTier, Partial<Record<SlaPriority, Partial<SlaTarget>>>>>;

/**
 * The target of a tier and priority, the organization's overrides on top of the defaults;
 * a RangeError for a target that is not a positive number of minutes.
 */
export function resolveSlaTarget(tier: AccountTier, priority: SlaPriority, overrides: SlaTargetOverrides = {}): SlaTarget {
  if (!ACCOUNT_TIERS.includes(tier)) throw new RangeError(`unknown tier "${String(tier)}"`);
  if (!SLA_PRIORITIES.includes(priority)) throw new RangeError(`unknown priority "${String(priority)}"`);
  const target = { ...DEFAULT_SLA_TARGETS[tier][priority] };
  const override = overrides[tier]?.[priority] ?? {};
  if (override.firstResponseMinutes !== undefined) target.firstResponseMinutes = override.firstResponseMinutes;
  if (override.resolutionMinutes !== undefined) target.resolutionMinutes = override.resolutionMinutes;
  if (override.businessHours !== undefined) target.businessHours = override.businessHours;
  assertSlaTarget(target, `${tier} ${priority}`);
  return target;
}

/** A RangeError unless both targets are positive finite minutes. */
export function assertSlaTarget(target: SlaTarget, what = "SLA target"): void {
  for (const key of ["firstResponseMinutes", "resolutionMinutes"] as const) {
    const minutes = target[key];
    if (!Number.isFinite(minutes) || minutes <= 0) throw new RangeError(`${what}: ${key} must be a positive number of minutes, got ${minutes}`);
  }
}
