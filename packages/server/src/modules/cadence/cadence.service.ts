import type { TMyWeekQuery, TOverdueCadenceQuery, TPutAccountCadenceRequest, TPutTierCadencePolicyRequest } from "@openkam/contracts";
import type { Db } from "@openkam/db";
import {
  ACCOUNT_TIERS,
  CADENCE_KINDS,
  isoWeekDates,
  isoWeekOf,
  resolveCadencePolicy,
  zonedDateOf,
  type AccountTier,
  type CadenceDue,
  type CadencePolicyOverride,
} from "@openkam/domain";
import { invalid, notFound } from "../../http/app-error";
import { decodeCursor, encodeCursor } from "../../http/cursor";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { accountExists } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { createCadenceAssessor, type AccountCadenceFacts } from "./cadence.assessor";
import { assertCanSetTierPolicy, assertCanWrite } from "./cadence.policy";
import { presentAccountCadence, presentAgendaItem, presentOverdueAccount, presentOverrides, presentTierPolicy } from "./cadence.presenter";
import * as repo from "./cadence.repository";

interface Options {
  db: Db;
  scope: Scope;
  /** The moment the cadences are assessed at; the request's time. */
  now?: Date;
}

type TierOverrides = Partial<Record<AccountTier, CadencePolicyOverride>>;

async function tierOverridesOf(db: Db, scope: Scope): Promise<TierOverrides> {
  return Object.fromEntries((await repo.listTierPolicies(db, scope)).map((row) => [row.tier, row.intervals]));
}

/** The account's facts for the cadence rules: its tier's organization overrides with its own on top. */
function factsOf(account: repo.CadenceAccountRow, tiers: TierOverrides): AccountCadenceFacts {
  return {
    accountId: account.id,
    tier: account.tier,
    override: { ...tiers[account.tier], ...account.overrides },
    startedOn: account.startedOn,
    last: account.last,
  };
}

/** The kinds a request sets; each checked by the domain's own rule, so the API cannot store what the rules refuse. */
function overridesOf(input: TPutTierCadencePolicyRequest | TPutAccountCadenceRequest): CadencePolicyOverride {
  const overrides: CadencePolicyOverride = {};
  for (const kind of CADENCE_KINDS) {
    const interval = input[kind];
    if (interval === undefined) continue;
    try {
      resolveCadencePolicy("standard", { [kind]: interval });
    } catch (error) {
      if (error instanceof RangeError) throw invalid(kind, error.message);
      throw error;
    }
    overrides[kind] = interval;
  }
  return overrides;
}

export async function listTierPolicies({ db, scope }: Options) {
  const rows = new Map((await repo.listTierPolicies(db, scope)).map((row) => [row.tier, row]));
  return { items: ACCOUNT_TIERS.map((tier) => presentTierPolicy(tier, rows.get(tier))) };
}

/**
 * Replaces the organization's overrides of a tier's defaults. The version is required: 0 while
 * the tier follows the defaults, so two directors setting a tier for the first time cannot both win.
 */
export async function putTierPolicy({ db, scope, tier, input, expected }: Options & { tier: AccountTier; input: TPutTierCadencePolicyRequest; expected: ExpectedVersion }) {
  assertCanSetTierPolicy(scope);
  const intervals = overridesOf(input);
  return db.transaction(async (tx) => {
    const current = await repo.findTierPolicyForUpdate(tx, scope, tier);
    const before = presentTierPolicy(tier, current);
    if (before.version !== expected.version) throw staleVersion(expected, before);
    const row = current ? await repo.updateTierPolicy(tx, scope, tier, expected.version, intervals) : await repo.insertTierPolicy(tx, scope, tier, intervals);
    if (!row) throw staleVersion(expected, presentTierPolicy(tier, await repo.findTierPolicyForUpdate(tx, scope, tier)));
    const after = presentTierPolicy(tier, row);
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: "cadence_policy", entityId: scope.orgId, before: current ? before : undefined, after });
    return after;
  });
}

/**
 * What every cadence answer starts from: the organization's zone, the accounts matching `filter` with
 * their last interactions, the organization's tier overrides (read alongside the accounts) and an
 * assessor for today in that zone.
 */
async function cadenceContext(db: Db, scope: Scope, now: Date, filter: repo.CadenceAccountFilter) {
  const timeZone = await repo.orgTimeZone(db, scope);
  const [accounts, tiers] = await Promise.all([repo.listCadenceAccounts(db, scope, { now, timeZone, filter }), tierOverridesOf(db, scope)]);
  return { timeZone, accounts, tiers, assessor: createCadenceAssessor({ today: zonedDateOf(now, timeZone) }) };
}

async function accountCadence(db: Db, scope: Scope, accountId: string, now: Date) {
  const { timeZone, accounts: [account], tiers, assessor } = await cadenceContext(db, scope, now, { accountId });
  if (!account) throw notFound("Account");
  const facts = factsOf(account, tiers);
  return presentAccountCadence({
    account,
    timeZone,
    today: assessor.today,
    policy: resolveCadencePolicy(account.tier, facts.override),
    tierPolicy: resolveCadencePolicy(account.tier, tiers[account.tier]),
    dues: assessor.assess(facts),
  });
}

export async function getAccountCadence({ db, scope, accountId, now = new Date() }: Options & { accountId: string }) {
  return accountCadence(db, scope, accountId, now);
}

/** Replaces the account's overrides of its tier's policy; whoever may change the account may change its cadence. */
export async function putAccountCadence({ db, scope, accountId, input, expected, now = new Date() }: Options & {
  accountId: string;
  input: TPutAccountCadenceRequest;
  expected: ExpectedVersion;
}) {
  const intervals = overridesOf(input);
  return db.transaction(async (tx) => {
    if (!(await accountExists(tx, scope, accountId))) throw notFound("Account");
    assertCanWrite(scope);
    const current = await repo.findAccountCadence(tx, scope, accountId, { forUpdate: true });
    const before = { accountId, overrides: presentOverrides(current?.intervals ?? {}), version: current?.version ?? 0 };
    if (before.version !== expected.version) throw staleVersion(expected, await accountCadence(tx, scope, accountId, now));
    const row = current ? await repo.updateAccountCadence(tx, scope, accountId, expected.version, intervals) : await repo.insertAccountCadence(tx, scope, accountId, intervals);
    if (!row) throw staleVersion(expected, await accountCadence(tx, scope, accountId, now));
    const after = { accountId, overrides: presentOverrides(row.intervals), version: row.version };
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: "account_cadence", entityId: accountId, before: current ? before : undefined, after });
    return accountCadence(tx, scope, accountId, now);
  });
}

const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

const byMostOverdue = (a: CadenceDue, b: CadenceDue) => b.daysOverdue - a.daysOverdue || CADENCE_KINDS.indexOf(a.kind) - CADENCE_KINDS.indexOf(b.kind);

/** Where an overdue account stands in the list: most overdue first, then strategic before standard, then by id. */
interface OverduePosition {
  daysOverdue: number;
  tierRank: number;
  id: string;
}

function comparePositions(a: OverduePosition, b: OverduePosition): number {
  return b.daysOverdue - a.daysOverdue || a.tierRank - b.tierRank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function positionAfter(cursor: string | undefined): OverduePosition | undefined {
  if (cursor === undefined) return undefined;
  const { key, id } = decodeCursor(cursor);
  const match = /^(\d{1,9}):(\d)$/.exec(key);
  if (!match) throw invalid("cursor", "This cursor is not valid; start again from the first page");
  return { daysOverdue: Number(match[1]), tierRank: Number(match[2]), id };
}

/**
 * The accounts the caller may see with an overdue cadence (or one never kept, past the grace of
 * one interval from the account's creation), most overdue first. Assessed in full on each call —
 * the order depends on today — and paged in memory with a keyset cursor.
 */
export async function listOverdue({ db, scope, query, now = new Date() }: Options & { query: TOverdueCadenceQuery }) {
  const after = positionAfter(query.cursor);
  const kinds = asList(query.kind);
  const { accounts, tiers, assessor } = await cadenceContext(db, scope, now, { tiers: asList(query.tier), ownerUserId: query.ownerUserId, workedOnly: true });
  const overdue = accounts.flatMap((account) => {
    const dues = assessor.assess(factsOf(account, tiers)).filter((d) => d.daysOverdue > 0 && (!kinds || kinds.includes(d.kind)));
    if (dues.length === 0) return [];
    const position = { daysOverdue: Math.max(...dues.map((d) => d.daysOverdue)), tierRank: ACCOUNT_TIERS.indexOf(account.tier), id: account.id };
    return [{ account, dues: dues.sort(byMostOverdue), position }];
  });
  overdue.sort((a, b) => comparePositions(a.position, b.position));
  const rest = after ? overdue.filter((entry) => comparePositions(entry.position, after) > 0) : overdue;
  const page = rest.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((entry) => presentOverdueAccount(entry.account, entry.dues)),
    nextCursor: rest.length > query.limit && last ? encodeCursor(`${last.position.daysOverdue}:${last.position.tierRank}`, last.position.id) : null,
  };
}

/**
 * The caller's agenda for an ISO week (by default the current one in the organization's zone):
 * what falls due in it, and what is overdue, on the accounts they own or are on the team of.
 */
export async function myWeek({ db, scope, query, now = new Date() }: Options & { query: TMyWeekQuery }) {
  const { timeZone, accounts, tiers, assessor } = await cadenceContext(db, scope, now, { workedOnByMe: true, workedOnly: true });
  const week = query.week ?? isoWeekOf(now, timeZone);
  const { firstDay, lastDay } = isoWeekDates(week);
  const names = new Map(accounts.map((account) => [account.id, account.name]));
  const items = assessor.agenda(accounts.map((account) => factsOf(account, tiers)), week);
  return { week, firstDay, lastDay, today: assessor.today, timeZone, items: items.map((item) => presentAgendaItem(item, names.get(item.accountId) ?? "")) };
}
