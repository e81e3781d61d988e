import type { TCreateProgrammeGoalRequest, TProgrammeAccount, TProgrammeOverview, TPutProgrammeRequest, TUpdateProgrammeGoalRequest } from "@openkam/contracts";
import { newId, type Db } from "@openkam/db";
import { MAX_COHORT_ACCOUNTS, pilotStatus, shareOf } from "@openkam/domain";
import Decimal from "decimal.js";
import { AppError, invalid, notFound } from "../../http/app-error";
import { staleVersion, type ExpectedVersion } from "../../http/versioning";
import type { Scope } from "../../tenancy/scope";
import { accountExists } from "../accounts/accounts.repository";
import { recordAudit } from "../audit/audit.repository";
import { getAccountCadence } from "../cadence/cadence.service";
import { getStakeholderMap } from "../stakeholders/stakeholders.service";
import { assertCanManageProgramme } from "./programme.policy";
import { auditedGoal, presentGoal, presentProgramme, type Measures } from "./programme.presenter";
import * as repo from "./programme.repository";

interface Options {
  db: Db;
  scope: Scope;
  /** The moment cadence and coverage are assessed at; the request's time. */
  now?: Date;
}

const growthPct = (recent: Decimal, previous: Decimal): number | null =>
  previous.isZero() ? null : recent.minus(previous).div(previous).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP).toNumber();

/**
 * Measures the cohort the caller sees: revenue from orders, plans, the cadence module's overdue
 * assessment and the stakeholder coverage, a handful of statements per account (the cohort is small
 * by design and capped).
 */
async function measureCohort(db: Db, scope: Scope, programmeId: string, now: Date) {
  const cohort = await repo.listCohort(db, scope, programmeId);
  const ids = cohort.map((a) => a.accountId);
  const currency = await repo.organizationCurrency(db, scope);
  const [revenue, planned] = await Promise.all([repo.cohortRevenue(db, scope, ids, currency), repo.accountsWithApprovedPlan(db, scope, ids)]);
  const revenueOf = new Map(revenue.map((r) => [r.accountId, r]));
  const accounts: TProgrammeAccount[] = [];
  let recent = new Decimal(0);
  let previous = new Decimal(0);
  for (const a of cohort) {
    const cadence = await getAccountCadence({ db, scope, accountId: a.accountId, now });
    const map = await getStakeholderMap({ db, scope, accountId: a.accountId, now });
    const money = revenueOf.get(a.accountId);
    const r = new Decimal(money?.recent ?? 0);
    const p = new Decimal(money?.previous ?? 0);
    recent = recent.plus(r);
    previous = previous.plus(p);
    accounts.push({
      accountId: a.accountId, name: a.name, tier: a.tier, status: a.status, ownerUserId: a.ownerUserId, addedAt: a.addedAt.toISOString(),
      revenueGrowthPct: growthPct(r, p),
      hasApprovedPlan: planned.has(a.accountId),
      cadenceOverdue: cadence.items.some((i) => i.daysOverdue > 0),
      hasChampion: !map.coverage.some((w) => w.code === "no_champion"),
    });
  }
  const n = accounts.length;
  const measures: Measures = {
    revenue_growth: growthPct(recent, previous),
    approved_plans: shareOf(accounts.filter((a) => a.hasApprovedPlan).length, n),
    cadence_compliance: shareOf(accounts.filter((a) => !a.cadenceOverdue).length, n),
    champion_coverage: shareOf(accounts.filter((a) => a.hasChampion).length, n),
  };
  return { accounts, measures, currency };
}

/** The programme, its cohort as far as the caller sees it, and its goals measured now. */
export async function getProgramme({ db, scope, now = new Date() }: Options): Promise<TProgrammeOverview> {
  const programme = await repo.findProgramme(db, scope);
  if (!programme) return { programme: null, accounts: [], goals: [], pilotStatus: "empty", currency: await repo.organizationCurrency(db, scope) };
  const [{ accounts, measures, currency }, goals] = await Promise.all([measureCohort(db, scope, programme.id, now), repo.listGoals(db, scope, programme.id)]);
  return {
    programme: presentProgramme(programme),
    accounts,
    goals: goals.map((g) => presentGoal(g, measures)),
    pilotStatus: pilotStatus(accounts.length),
    currency,
  };
}

/** Sets the programme up (version 0 or none) or changes it (the version read). */
export async function putProgramme({ db, scope, input, expected }: Options & { input: TPutProgrammeRequest; expected?: ExpectedVersion }) {
  assertCanManageProgramme(scope);
  return db.transaction(async (tx) => {
    const current = await repo.findProgramme(tx, scope, { forUpdate: true });
    const before = current ? presentProgramme(current) : null;
    if (expected && (current?.version ?? 0) !== expected.version) throw staleVersion(expected, before);
    const values = {
      name: input.name,
      description: input.description === undefined ? (current?.description ?? null) : input.description,
      startsOn: input.startsOn === undefined ? (current?.startsOn ?? null) : input.startsOn,
    };
    const row = current ? await repo.updateProgramme(tx, scope, current.id, current.version, values) : await repo.insertProgramme(tx, scope, newId(), values);
    if (!row) throw new AppError("CONFLICT", "Someone else set the programme up at the same moment; reload and try again");
    const programme = presentProgramme(row);
    await recordAudit(tx, scope, { action: current ? "update" : "create", entityType: "kam_programme", entityId: row.id, before: before ?? undefined, after: programme });
    return { programme, created: !current };
  });
}

async function requireProgramme(tx: Db, scope: Scope) {
  const programme = await repo.findProgramme(tx, scope, { forUpdate: true });
  if (!programme) throw new AppError("CONFLICT", "Set the programme up first: give it a name");
  return programme;
}

/** Puts a visible account into the pilot cohort; true when it was not in it yet. */
export async function addCohortAccount({ db, scope, accountId }: Options & { accountId: string }) {
  assertCanManageProgramme(scope);
  return db.transaction(async (tx) => {
    if (!(await accountExists(tx, scope, accountId))) throw notFound("Account");
    const programme = await requireProgramme(tx, scope);
    if ((await repo.countCohort(tx, scope, programme.id)) >= MAX_COHORT_ACCOUNTS) {
      throw invalid("accountId", `The cohort holds at most ${MAX_COHORT_ACCOUNTS} accounts; a pilot works best with 3 to 5`);
    }
    const added = await repo.insertCohortAccount(tx, scope, programme.id, accountId);
    if (added) await recordAudit(tx, scope, { action: "create", entityType: "kam_programme_account", entityId: accountId, after: { programmeId: programme.id, accountId } });
    return added;
  });
}

export async function removeCohortAccount({ db, scope, accountId }: Options & { accountId: string }) {
  assertCanManageProgramme(scope);
  await db.transaction(async (tx) => {
    if (!(await accountExists(tx, scope, accountId))) throw notFound("Account");
    const programme = await requireProgramme(tx, scope);
    if (!(await repo.deleteCohortAccount(tx, scope, programme.id, accountId))) throw notFound("Cohort account");
    await recordAudit(tx, scope, { action: "delete", entityType: "kam_programme_account", entityId: accountId, before: { programmeId: programme.id, accountId } });
  });
}

const MANUAL_ONLY = "Only manual goals take an entered value and unit; this one is measured from the cohort's data";

async function presentWithMeasures(db: Db, scope: Scope, row: repo.GoalRow, now: Date) {
  if (row.kind === "manual") return presentGoal(row, { revenue_growth: null, approved_plans: null, cadence_compliance: null, champion_coverage: null });
  return presentGoal(row, (await measureCohort(db, scope, row.programmeId, now)).measures);
}

export async function createGoal({ db, scope, input, now = new Date() }: Options & { input: TCreateProgrammeGoalRequest }) {
  assertCanManageProgramme(scope);
  if (input.kind !== "manual" && (input.currentValue != null || input.unit != null)) throw invalid(input.currentValue != null ? "currentValue" : "unit", MANUAL_ONLY);
  const row = await db.transaction(async (tx) => {
    const programme = await requireProgramme(tx, scope);
    const goal = await repo.insertGoal(tx, scope, {
      id: newId(), programmeId: programme.id, title: input.title, kind: input.kind, target: String(input.target),
      manualValue: input.currentValue == null ? null : String(input.currentValue), unit: input.unit ?? null,
      position: await repo.nextGoalPosition(tx, scope, programme.id),
    });
    await recordAudit(tx, scope, { action: "create", entityType: "kam_programme_goal", entityId: goal.id, after: auditedGoal(goal) });
    return goal;
  });
  return presentWithMeasures(db, scope, row, now);
}

export async function updateGoal({ db, scope, id, input, expected, now = new Date() }: Options & { id: string; input: TUpdateProgrammeGoalRequest; expected: ExpectedVersion }) {
  assertCanManageProgramme(scope);
  const row = await db.transaction(async (tx) => {
    const current = await repo.findGoalForUpdate(tx, scope, id);
    if (!current) throw notFound("Goal");
    if (current.version !== expected.version) throw staleVersion(expected, auditedGoal(current));
    if (current.kind !== "manual" && (input.currentValue != null || input.unit != null)) throw invalid(input.currentValue != null ? "currentValue" : "unit", MANUAL_ONLY);
    const patch = {
      ...(input.title === undefined ? {} : { title: input.title }),
      ...(input.target === undefined ? {} : { target: String(input.target) }),
      ...(input.currentValue === undefined ? {} : { manualValue: input.currentValue === null ? null : String(input.currentValue) }),
      ...(input.unit === undefined ? {} : { unit: input.unit }),
      ...(input.position === undefined ? {} : { position: input.position }),
    };
    const updated = await repo.updateGoal(tx, scope, id, current.version, patch);
    if (!updated) throw staleVersion(expected, auditedGoal(current));
    await recordAudit(tx, scope, { action: "update", entityType: "kam_programme_goal", entityId: id, before: auditedGoal(current), after: auditedGoal(updated) });
    return updated;
  });
  return presentWithMeasures(db, scope, row, now);
}

export async function deleteGoal({ db, scope, id, expected }: Options & { id: string; expected: ExpectedVersion }) {
  assertCanManageProgramme(scope);
  await db.transaction(async (tx) => {
    const current = await repo.findGoalForUpdate(tx, scope, id);
    if (!current) throw notFound("Goal");
    if (current.version !== expected.version) throw staleVersion(expected, auditedGoal(current));
    await repo.deleteGoal(tx, scope, id);
    await recordAudit(tx, scope, { action: "delete", entityType: "kam_programme_goal", entityId: id, before: auditedGoal(current) });
  });
}
