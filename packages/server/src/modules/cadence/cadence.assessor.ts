import {
  assessCadence,
  buildWeekAgenda,
  CADENCE_KINDS,
  isoWeekDates,
  resolveCadencePolicy,
  type AccountTier,
  type CadenceDue,
  type CadenceInterval,
  type CadenceKind,
  type CadencePolicy,
  type CadencePolicyOverride,
  type IsoDate,
  type WeekAgendaItem,
} from "@openkam/domain";

/** An account as the database describes it, its dates already calendar dates in the organization's zone. */
export interface AccountCadenceFacts {
  accountId: string;
  tier: AccountTier;
  /** The organization's overrides for the tier with the account's own on top. */
  override: CadencePolicyOverride;
  /** The account's creation date: a cadence never kept counts from it. */
  startedOn: IsoDate;
  /** Per kind, the last past interaction: its instant (ISO) and its date. */
  last: Partial<Record<CadenceKind, { at: string; on: IsoDate }>>;
}

export interface CadenceAssessor {
  readonly today: IsoDate;
  /** Where each planned cadence of the account stands today, as `assessCadence` says. */
  assess(account: AccountCadenceFacts): CadenceDue[];
  /** The accounts' agenda for an ISO week, as `buildWeekAgenda` says. */
  agenda(accounts: readonly AccountCadenceFacts[], week: string): WeekAgendaItem[];
}

const NOT_PLANNED: CadencePolicy = { visit: null, executive_meeting: null, qbr: null };

/** An instant whose UTC date is `date`, far from midnight so no offset moves it to another day. */
const noonUtc = (date: IsoDate) => new Date(`${date}T12:00:00Z`);

/**
 * The domain's cadence rules, for many accounts at once. `assessCadence` looks at instants only
 * through their calendar dates in the organization's zone, and each date it converts costs a
 * new Intl.DateTimeFormat (tens of microseconds; thousands of accounts would take a second). So
 * the database hands over the dates, the rules run on noon UTC of those dates in UTC (the same
 * calendar arithmetic), and each distinct (kind, interval, date) is assessed once: a director's
 * 3,000 accounts share a few hundred dates. `cadence.assessor.test.ts` checks the results against
 * the domain functions called with the real instants and zone.
 */
export function createCadenceAssessor({ today, dueSoonDays }: { today: IsoDate; dueSoonDays?: number }): CadenceAssessor {
  const now = noonUtc(today);
  const cache = new Map<string, CadenceDue>();

  function assessKind(kind: CadenceKind, interval: CadenceInterval, from: IsoDate, kept: boolean): CadenceDue {
    const key = `${kind}|${interval}|${from}|${kept}`;
    let due = cache.get(key);
    if (!due) {
      const at = noonUtc(from);
      [due] = assessCadence({ policy: { ...NOT_PLANNED, [kind]: interval }, lastAt: kept ? { [kind]: at } : {}, startedAt: at, now, timeZone: "UTC", dueSoonDays });
      cache.set(key, due!);
    }
    return due!;
  }

  function assess(account: AccountCadenceFacts): CadenceDue[] {
    const policy = resolveCadencePolicy(account.tier, account.override);
    const dues: CadenceDue[] = [];
    for (const kind of CADENCE_KINDS) {
      const interval = policy[kind];
      if (interval === null) continue;
      const last = account.last[kind];
      const due = assessKind(kind, interval, last?.on ?? account.startedOn, last !== undefined);
      dues.push({ ...due, lastAt: last ? new Date(last.at) : null });
    }
    return dues;
  }

  function agenda(accounts: readonly AccountCadenceFacts[], week: string): WeekAgendaItem[] {
    const { lastDay } = isoWeekDates(week);
    // Only accounts with something due by the end of the week reach the (costlier) agenda.
    const due = accounts.filter((account) => assess(account).some((d) => d.dueOn <= lastDay));
    const byId = new Map(due.map((account) => [account.accountId, account]));
    const items = buildWeekAgenda({
      accounts: due.map((account) => ({
        accountId: account.accountId,
        tier: account.tier,
        override: account.override,
        startedAt: noonUtc(account.startedOn),
        lastAt: Object.fromEntries(Object.entries(account.last).map(([kind, last]) => [kind, noonUtc(last.on)])),
      })),
      week,
      now,
      timeZone: "UTC",
      dueSoonDays,
    });
    return items.map((item) => {
      const last = byId.get(item.accountId)?.last[item.kind];
      return { ...item, lastAt: last ? new Date(last.at) : null };
    });
  }

  return { today, assess, agenda };
}
