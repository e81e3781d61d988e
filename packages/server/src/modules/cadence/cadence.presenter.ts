import type { TAccountCadence, TCadenceDue, TCadenceOverrides, TOverdueAccount, TTierCadencePolicy, TWeekAgendaItem } from "@openkam/contracts";
import {
  CADENCE_KINDS,
  DEFAULT_CADENCE_POLICIES,
  resolveCadencePolicy,
  type AccountTier,
  type CadenceDue,
  type CadencePolicy,
  type CadencePolicyOverride,
  type WeekAgendaItem,
} from "@openkam/domain";
import type { CadenceAccountRow, TierPolicyRow } from "./cadence.repository";

/** The kinds an override sets, in the kinds' order. */
export function presentOverrides(overrides: CadencePolicyOverride): TCadenceOverrides {
  const result: TCadenceOverrides = {};
  for (const kind of CADENCE_KINDS) {
    const interval = overrides[kind];
    if (interval !== undefined) result[kind] = interval;
  }
  return result;
}

/** A tier's policy as the organization has it; without a row the tier follows the defaults (version 0). */
export function presentTierPolicy(tier: AccountTier, row: TierPolicyRow | undefined): TTierCadencePolicy {
  const overrides = row?.intervals ?? {};
  return {
    tier,
    policy: { ...resolveCadencePolicy(tier, overrides) },
    defaults: { ...DEFAULT_CADENCE_POLICIES[tier] },
    overrides: presentOverrides(overrides),
    updatedAt: row?.updatedAt.toISOString() ?? null,
    version: row?.version ?? 0,
  };
}

export function presentDue(due: CadenceDue): TCadenceDue {
  return {
    kind: due.kind,
    interval: due.interval,
    lastAt: due.lastAt?.toISOString() ?? null,
    dueOn: due.dueOn,
    daysUntilDue: due.daysUntilDue,
    daysOverdue: due.daysOverdue,
    status: due.status,
  };
}

export function presentAccountCadence(options: {
  account: CadenceAccountRow;
  timeZone: string;
  today: string;
  policy: CadencePolicy;
  tierPolicy: CadencePolicy;
  dues: readonly CadenceDue[];
}): TAccountCadence {
  const { account, timeZone, today, policy, tierPolicy, dues } = options;
  return {
    accountId: account.id,
    tier: account.tier,
    timeZone,
    today,
    policy: { ...policy },
    tierPolicy: { ...tierPolicy },
    overrides: presentOverrides(account.overrides),
    items: dues.map(presentDue),
    version: account.cadenceVersion,
  };
}

export function presentOverdueAccount(account: CadenceAccountRow, overdue: readonly CadenceDue[]): TOverdueAccount {
  return {
    accountId: account.id,
    accountName: account.name,
    tier: account.tier,
    ownerUserId: account.ownerUserId,
    daysOverdue: Math.max(...overdue.map((d) => d.daysOverdue)),
    items: overdue.map(presentDue),
  };
}

export function presentAgendaItem(item: WeekAgendaItem, accountName: string): TWeekAgendaItem {
  return { ...presentDue(item), accountId: item.accountId, accountName, tier: item.tier, carriedOver: item.carriedOver };
}
