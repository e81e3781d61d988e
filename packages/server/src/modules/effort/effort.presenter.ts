import type { TEffortAccount, TEffortEntry, TEffortSettings } from "@openkam/contracts";
import { DEFAULT_ALLOCATION_SETTINGS, type AllocationSettings, type EffortAccountResult } from "@openkam/domain";
import Decimal from "decimal.js";
import type { EffortEntryRow, EffortSettingsRow } from "./effort.repository";

export function presentEntry(row: EffortEntryRow): TEffortEntry {
  return {
    id: row.id,
    accountId: row.accountId,
    accountName: row.accountName,
    userId: row.userId,
    userName: row.userName,
    workedOn: row.workedOn,
    minutes: row.minutes,
    source: row.source,
    sourceId: row.sourceId,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    version: row.version,
  };
}

/** The entry as the audit trail keeps it. */
export function auditedEntry(row: EffortEntryRow) {
  return { id: row.id, accountId: row.accountId, userId: row.userId, workedOn: row.workedOn, minutes: row.minutes, source: row.source, sourceId: row.sourceId, note: row.note, version: row.version };
}

export function settingsOf(row: EffortSettingsRow | undefined): AllocationSettings {
  return row ? { keySharePct: row.keySharePct, overRatio: Number(row.overRatio), underRatio: Number(row.underRatio) } : DEFAULT_ALLOCATION_SETTINGS;
}

export function presentSettings(row: EffortSettingsRow | undefined): TEffortSettings {
  return { ...settingsOf(row), version: row?.version ?? 0 };
}

/** Shares to four decimals on the wire: enough for a chart, and stable in a snapshot. */
const share = (v: number) => Math.round(v * 1e4) / 1e4;

export interface AccountFacts {
  name: string;
  revenue: string;
  clv: number | null;
  growthPct: number | null;
}

export function presentEffortAccount(a: EffortAccountResult, facts: AccountFacts): TEffortAccount {
  return {
    accountId: a.accountId,
    name: facts.name,
    tier: a.tier,
    quadrant: a.quadrant,
    loggedMinutes: a.loggedMinutes,
    estimatedMinutes: a.estimatedMinutes,
    totalMinutes: a.totalMinutes,
    revenue: new Decimal(facts.revenue).toFixed(2),
    clv: facts.clv === null ? null : new Decimal(facts.clv).toFixed(2),
    growthPct: facts.growthPct,
    effortShare: share(a.effortShare),
    valueShare: share(a.valueShare),
    ratio: a.ratio === null ? null : Math.round(a.ratio * 100) / 100,
    service: a.service,
  };
}

export { share as roundShare };
