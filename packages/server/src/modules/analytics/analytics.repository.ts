import type { TAnalysisResult, TAnalysisResultsQuery, TListAnalysisRunsQuery } from "@openkam/contracts";
import { accounts, analysisRuns, opportunities, orders, organizations, users, type Db } from "@openkam/db";
import { type AnalysisKind, OPEN_OPPORTUNITY_STAGES, seesAllAccounts, type SelectionRule } from "@openkam/domain";
import { and, desc, eq, getTableColumns, inArray, isNull, sql, type SQL } from "drizzle-orm";
import { afterCursor, orderBy, type SortKey } from "../../http/cursor";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";
import { figuresAt, resultOfAccount, resultRows } from "./result-blocks";
import { BY_ACCOUNT_NAME } from "../accounts/account-order";

export type RunRow = typeof analysisRuns.$inferSelect & { createdByName: string };
export type NewRunRow = Omit<typeof analysisRuns.$inferInsert, "orgId">;

const NEWEST_FIRST: SortKey = { expr: sql`${analysisRuns.createdAt}`, type: "timestamptz", desc: true };

const runColumns = { ...getTableColumns(analysisRuns), createdByName: sql<string>`coalesce(${users.name}, '')` };

export async function orgCurrency(db: Db, scope: Scope): Promise<string> {
  const [row] = await db.orm.select({ currency: organizations.defaultCurrency }).from(organizations).where(inOrg(scope, organizations.id)).limit(1);
  return row!.currency;
}

export async function insertRun(tx: Db, scope: Scope, values: NewRunRow): Promise<void> {
  inOrg(scope, analysisRuns.orgId);
  await tx.orm.insert(analysisRuns).values({ ...values, orgId: scope.orgId });
}

export async function findRun(db: Db, scope: Scope, id: string): Promise<RunRow | undefined> {
  const [row] = await db.orm
    .select(runColumns)
    .from(analysisRuns)
    .leftJoin(users, eq(users.id, analysisRuns.createdBy))
    .where(and(inOrg(scope, analysisRuns.orgId), eq(analysisRuns.id, id)))
    .limit(1);
  return row;
}

export async function listRuns(db: Db, scope: Scope, query: TListAnalysisRunsQuery) {
  return db.orm
    .select({ ...runColumns, sortKey: sql<string>`${analysisRuns.createdAt}::text` })
    .from(analysisRuns)
    .leftJoin(users, eq(users.id, analysisRuns.createdBy))
    .where(and(inOrg(scope, analysisRuns.orgId), query.kind ? eq(analysisRuns.kind, query.kind) : undefined, afterCursor(NEWEST_FIRST, analysisRuns.id, query.cursor)))
    .orderBy(...orderBy(NEWEST_FIRST, analysisRuns.id))
    .limit(query.limit + 1);
}

/** Deletes a run; its results go with it (the blocks' foreign key cascades). False when there was none to delete. */
export async function deleteRun(tx: Db, scope: Scope, id: string): Promise<boolean> {
  const rows = await tx.orm.delete(analysisRuns).where(and(inOrg(scope, analysisRuns.orgId), eq(analysisRuns.id, id))).returning({ id: analysisRuns.id });
  return rows.length > 0;
}

/** Claims a queued (or interrupted) run for execution; false when it already finished. */
export async function markRunning(db: Db, scope: Scope, id: string): Promise<boolean> {
  const rows = await db.orm
    .update(analysisRuns)
    .set({ status: "running", startedAt: sql`coalesce(${analysisRuns.startedAt}, now())` })
    .where(and(inOrg(scope, analysisRuns.orgId), eq(analysisRuns.id, id), inArray(analysisRuns.status, ["queued", "running"])))
    .returning({ id: analysisRuns.id });
  return rows.length > 0;
}

export async function finishRun(tx: Db, scope: Scope, id: string, outcome: { summary: Record<string, unknown>; accountCount: number; texts: readonly string[] | null } | { error: string }) {
  const values = "error" in outcome
    ? { status: "failed" as const, error: outcome.error.slice(0, 2000), summary: null, accountCount: 0, resultTexts: null }
    : { status: "succeeded" as const, error: null, summary: outcome.summary, accountCount: outcome.accountCount, resultTexts: outcome.texts === null ? null : [...outcome.texts] };
  await tx.orm.update(analysisRuns).set({ ...values, finishedAt: sql`now()` }).where(and(inOrg(scope, analysisRuns.orgId), eq(analysisRuns.id, id)));
}

const RESULT_SORTS: Record<TAnalysisResultsQuery["sort"], SortKey> = {
  rank: { expr: sql`r.rank`, type: "int", desc: false },
  "-rank": { expr: sql`r.rank`, type: "int", desc: true },
  name: { expr: BY_ACCOUNT_NAME, type: "text", desc: false },
  "-name": { expr: BY_ACCOUNT_NAME, type: "text", desc: true },
};

export interface ResultRow {
  id: string;
  accountName: string;
  tier: TAnalysisResult["tier"];
  ownerName: string | null;
  grp: string | null;
  /** The result's figures as stored: one of the two (resultValues in result-figures.ts reads them). */
  values: Record<string, unknown> | null;
  figures: Uint8Array | null;
  sortKey: string;
}

/** Candidates per row of a page: a page is usually found among them. */
const CANDIDATES_PER_ROW = 4;
/** Past this many candidates, a page reads every result (or every account the reader sees). */
const MAX_CANDIDATES = 10_000;

/**
 * Where a page of results starts from. "results": the best-ranked results, then their accounts. "accounts": the
 * accounts in name order (or every account the reader sees), each finding its result with one index probe. Up to
 * `candidates` of them (null: all).
 */
interface PageSource {
  from: "results" | "accounts";
  candidates: number | null;
}

/**
 * A run's results on accounts the scope can see (deleted accounts left out), one page; only the page's rows' figures
 * are read from their blocks. By rank, for a reader who sees every account, the page is taken from the best-ranked
 * results; by name, from the accounts in name order; by rank for a reader who sees only some accounts (an account
 * manager), from those accounts. A page is looked for among a few candidates first, then among more: reading every
 * result's account costs more than all the rest at 100,000 results.
 */
export async function listResults(db: Db, scope: Scope, runId: string, query: TAnalysisResultsQuery): Promise<ResultRow[]> {
  const byRank = query.sort === "rank" || query.sort === "-rank";
  const seesAll = seesAllAccounts(scope.role) || scope.userId === null;
  // The last resort: every result joined to its account (a planner's estimate of a walk over every account is far
  // off), or every account an account manager sees.
  const everything: PageSource = seesAll ? { from: "results", candidates: null } : { from: "accounts", candidates: null };
  // By rank among some accounts, no order of theirs gives the candidates.
  if (byRank && !seesAll) return pageOfResults(db, scope, runId, query, everything);
  const from = byRank ? "results" : "accounts";
  for (let candidates = (query.limit + 1) * CANDIDATES_PER_ROW; candidates <= MAX_CANDIDATES; candidates *= 8) {
    const rows = await pageOfResults(db, scope, runId, query, { from, candidates });
    if (rows.length > query.limit) return rows;
  }
  return pageOfResults(db, scope, runId, query, everything);
}

async function pageOfResults(db: Db, scope: Scope, runId: string, query: TAnalysisResultsQuery, source: PageSource): Promise<ResultRow[]> {
  const sort = RESULT_SORTS[query.sort];
  const pageSort: SortKey = { ...sort, expr: sql`page.sort_value` };
  // Walking the accounts, their own id orders the page, so the name index gives the order.
  const id = source.from === "accounts" ? sql`${accounts.id}` : sql`r.account_id`;
  const order = sql.join(orderBy(sort, id), sql`, `);
  const inGroup = query.group !== undefined ? sql`and r.grp = ${query.group}` : sql``;
  const after = query.cursor ? sql`and ${afterCursor(sort, id, query.cursor)}` : sql``;
  const shown = sql`${inOrg(scope, accounts.orgId)} and ${accounts.deletedAt} is null and ${visibleAccount(scope)}`;
  let from: SQL;
  if (source.from === "accounts") {
    // The candidates keep the table's name, so the columns below read them.
    const walked = source.candidates === null ? sql`${accounts}` : sql`(select * from ${accounts} where ${shown} ${after} order by ${order} limit ${source.candidates}) as ${accounts}`;
    from = sql`${walked} cross join lateral ${resultOfAccount(scope, sql`${runId}::uuid`, sql`${accounts.id}`)} r`;
  } else {
    const ranked = source.candidates === null
      ? resultRows(scope, runId)
      : sql`(select r.* from ${resultRows(scope, runId)} r where true ${inGroup} ${after} order by ${order} limit ${source.candidates})`;
    from = sql`${ranked} r join ${accounts} on ${accounts.id} = r.account_id`;
  }
  return db.rows<ResultRow>(sql`
    with page as materialized (
      select r.account_id as id, ${accounts.name} as "accountName", ${accounts.tier} as tier, ${accounts.ownerUserId} as owner_user_id,
        r.grp, r.block, r.pos, ${sort.expr} as sort_value, (${sort.expr})::text as "sortKey"
      from ${from}
      where ${shown} ${inGroup} ${after}
      order by ${order}
      limit ${query.limit + 1}
    )
    select page.id, page."accountName", page.tier, (select u.name from ${users} u where u.id = page.owner_user_id) as "ownerName", page.grp, page."sortKey",
      v.values, v.figures
    from page
    left join lateral ${figuresAt(scope, sql`${runId}::uuid`, sql`page.block`, sql`page.pos`)} v on true
    order by ${sql.join(orderBy(pageSort, sql`page.id`), sql`, `)}`);
}

/** The group of every visible account in either run (null on the side it is missing from), for a comparison. */
export async function groupsOfTwoRuns(db: Db, scope: Scope, fromId: string, toId: string) {
  return db.rows<{ account_id: string; account_name: string; from_grp: string | null; to_grp: string | null; in_from: boolean; in_to: boolean }>(sql`
    select ${accounts.id} as account_id, ${accounts.name} as account_name, f.grp as from_grp, t.grp as to_grp,
      f.account_id is not null as in_from, t.account_id is not null as in_to
    from ${resultRows(scope, fromId)} f
    full join ${resultRows(scope, toId)} t on t.account_id = f.account_id
    join ${accounts} on ${inOrg(scope, accounts.orgId)} and ${accounts.id} = coalesce(f.account_id, t.account_id)
    where ${accounts.deletedAt} is null and ${visibleAccount(scope)}
    order by ${BY_ACCOUNT_NAME}, ${accounts.id}`);
}

/** The latest succeeded run of a kind (for the facts a selection rule reads from other analyses). */
export async function latestSucceededRun(db: Db, scope: Scope, kind: AnalysisKind): Promise<{ id: string } | undefined> {
  const [row] = await db.orm
    .select({ id: analysisRuns.id })
    .from(analysisRuns)
    .where(and(inOrg(scope, analysisRuns.orgId), eq(analysisRuns.kind, kind), eq(analysisRuns.status, "succeeded")))
    .orderBy(desc(analysisRuns.createdAt), desc(analysisRuns.id))
    .limit(1);
  return row;
}

/** The rule of the organization's latest succeeded selection, if it has one. */
export async function latestSelectionRule(db: Db, scope: Scope): Promise<SelectionRule | undefined> {
  const [row] = await db.orm
    .select({ parameters: analysisRuns.parameters })
    .from(analysisRuns)
    .where(and(inOrg(scope, analysisRuns.orgId), eq(analysisRuns.kind, "selection"), eq(analysisRuns.status, "succeeded")))
    .orderBy(desc(analysisRuns.createdAt), desc(analysisRuns.id))
    .limit(1);
  return row?.parameters.rule as SelectionRule | undefined;
}

/** A run's status, or none. */
export async function runStatus(db: Db, scope: Scope, id: string): Promise<{ status: string } | undefined> {
  const [row] = await db.orm
    .select({ status: analysisRuns.status })
    .from(analysisRuns)
    .where(and(inOrg(scope, analysisRuns.orgId), eq(analysisRuns.id, id)))
    .limit(1);
  return row;
}

/**
 * Every result of a run, by account: its group, and, when asked, its CLV (when it has one). Only that figure is taken
 * out of the values, and only for a CLV run: a selection reads up to four other runs of up to 100,000 results each,
 * and a matrix result's values are large (24 months, every growth component).
 */
export async function resultsOfRun(db: Db, scope: Scope, runId: string, options: { clv: boolean }) {
  const clv = options.clv ? sql`case when json_typeof(r.values -> 'clv') = 'number' then (r.values ->> 'clv')::float8 end` : sql`null::float8`;
  return db.rows<{ accountId: string; grp: string | null; clv: number | null }>(sql`
    select r.account_id as "accountId", r.grp, ${clv} as clv from ${resultRows(scope, runId, { values: options.clv })} r`);
}

/** Accounts (among ids) in a run's results. */
export async function accountsInRun(db: Db, scope: Scope, runId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.rows<{ account_id: string }>(sql`
    select r.account_id from ${resultRows(scope, runId)} r where r.account_id = any(${sql.param([...ids])}::uuid[])`);
  return new Set(rows.map((r) => r.account_id));
}

export interface AccountResultRow {
  kind: AnalysisKind;
  run_id: string;
  as_of: string;
  grp: string | null;
  values: Record<string, unknown> | null;
  figures: Uint8Array | null;
}

/** For each kind, the account's result in the latest succeeded run of that kind that includes it. */
export async function latestResultsOfAccount(db: Db, scope: Scope, accountId: string) {
  return db.rows<AccountResultRow>(sql`
    with latest as (
      select distinct on (${analysisRuns.kind}) ${analysisRuns.kind} as kind, ${analysisRuns.id} as run_id, ${analysisRuns.asOf}::text as as_of, x.grp, x.block, x.pos
      from ${analysisRuns}
      cross join lateral ${resultOfAccount(scope, sql`${analysisRuns.id}`, accountId)} x
      where ${inOrg(scope, analysisRuns.orgId)} and ${analysisRuns.status} = 'succeeded'
      order by ${analysisRuns.kind}, ${analysisRuns.createdAt} desc, ${analysisRuns.id} desc
    )
    select latest.kind, latest.run_id, latest.as_of, latest.grp, v.values, v.figures
    from latest
    left join lateral ${figuresAt(scope, sql`latest.run_id`, sql`latest.block`, sql`latest.pos`)} v on true`);
}

// ---------------------------------------------------------------- what the runs read

/** Conditions every analysed order meets: of this organization, confirmed, not deleted. */
function countedOrders(scope: Scope): SQL {
  return and(inOrg(scope, orders.orgId), isNull(orders.deletedAt), eq(orders.status, "confirmed"))!;
}

/** Accounts a run covers: not deleted, and visible to the run's scope. */
function isAnalysedAccount(scope: Scope): SQL {
  return and(inOrg(scope, accounts.orgId), isNull(accounts.deletedAt), visibleAccount(scope))!;
}

export interface AnalysedAccountRow {
  id: string;
  tier: string;
  industry: string | null;
  region: string | null;
  /** The matrix's growth inputs kept in custom fields, as text (a JSON number or string as its text), null when absent. */
  strategicImportance: string | null;
  estimatedTotalSpend: string | null;
  openPipeline: string | null;
}

const customField = (key: string) => sql`${accounts.customFields} ->> ${key}::text`;

const ANALYSED_ACCOUNT_FACTS = {
  tier: accounts.tier, industry: accounts.industry, region: accounts.region,
  // Three keys of the custom fields rather than all of them: parsing every account's custom fields was most of the
  // matrix's read of 100,000 accounts.
  strategicImportance: customField("strategicImportance"), estimatedTotalSpend: customField("estimatedTotalSpend"), openPipeline: customField("openPipeline"),
};
export type AnalysedAccountFact = keyof typeof ANALYSED_ACCOUNT_FACTS;

/**
 * The accounts an account-level run covers (not deleted, visible to its scope), by id, with the facts its kind reads of
 * them (none for RFM and Pareto, the rule's for a selection, three custom fields for the matrix). Their orders come
 * from the organization's order book in memory. The embedded engine gives them as one JSON array of arrays (id, then
 * the facts in order): it hands rows over one by one from its worker, 0.24 s for 100,000 ids against 0.06 s as one
 * text (0.58 s against 0.17 s with the facts); PostgreSQL sends rows faster than it builds the text (0.04 s against 0.07 s).
 */
export async function analysedAccounts<F extends AnalysedAccountFact>(db: Db, scope: Scope, facts: readonly F[]): Promise<Array<Pick<AnalysedAccountRow, "id" | F>>> {
  if (db.kind === "pglite") {
    const columns = [sql`${accounts.id}`, ...facts.map((f) => sql`${ANALYSED_ACCOUNT_FACTS[f]}`)];
    const [row] = await db.rows<{ accounts: string | null }>(sql`
      select json_agg(json_build_array(${sql.join(columns, sql`, `)}) order by ${accounts.id})::text as accounts
      from ${accounts} where ${isAnalysedAccount(scope)}`);
    return (JSON.parse(row?.accounts ?? "[]") as unknown[][]).map((values) => {
      const account: Record<string, unknown> = { id: values[0] };
      for (let k = 0; k < facts.length; k++) account[facts[k]!] = values[k + 1];
      return account as Pick<AnalysedAccountRow, "id" | F>;
    });
  }
  // The driver's rows as they come (named after the facts), without the query builder's mapping of each row into
  // another object: at 100,000 accounts a run, four runs an identification, that mapping was most of the read's work.
  const columns = [sql`${accounts.id} as "id"`, ...facts.map((f) => sql`${ANALYSED_ACCOUNT_FACTS[f]} as ${sql.identifier(f)}`)];
  return db.rows<Pick<AnalysedAccountRow, "id" | F>>(sql`select ${sql.join(columns, sql`, `)} from ${accounts} where ${isAnalysedAccount(scope)} order by ${accounts.id}`);
}

/**
 * One grouped query for CLV: per account and purchase day on or before the calibration end, the sum of
 * orders (amount ≥ 0) and the net amount (credit notes included), in the organization's currency.
 */
export async function aggregatePurchaseDays(db: Db, scope: Scope, input: { calibrationEnd: string; currency: string }) {
  return db.rows<{ account_id: string; d: number; purchases: number; orders: number; net: number }>(sql`
    select ${orders.accountId} as account_id, (cast(${input.calibrationEnd} as date) - ${orders.orderDate}) as d,
      coalesce(sum(${orders.amount}) filter (where ${orders.amount} >= 0), 0)::float8 as purchases,
      count(*) filter (where ${orders.amount} >= 0)::int as orders,
      sum(${orders.amount})::float8 as net
    from ${orders} join ${accounts} on ${accounts.orgId} = ${orders.orgId} and ${accounts.id} = ${orders.accountId}
    where ${countedOrders(scope)} and ${isAnalysedAccount(scope)} and ${orders.currency} = ${input.currency}
      and ${orders.orderDate} <= cast(${input.calibrationEnd} as date)
    group by ${orders.accountId}, ${orders.orderDate}
    order by 1, 2 desc`);
}

/** One grouped query for the forecast: net revenue per account and calendar month (months since 1970-01) in [from, to]. */
export async function aggregateMonths(db: Db, scope: Scope, input: { from: string; to: string; currency: string }) {
  return db.rows<{ account_id: string; month: number; revenue: number }>(sql`
    select ${orders.accountId} as account_id,
      ((extract(year from ${orders.orderDate}) - 1970) * 12 + extract(month from ${orders.orderDate}) - 1)::int as month,
      sum(${orders.amount})::float8 as revenue
    from ${orders} join ${accounts} on ${accounts.orgId} = ${orders.orgId} and ${accounts.id} = ${orders.accountId}
    where ${countedOrders(scope)} and ${isAnalysedAccount(scope)} and ${orders.currency} = ${input.currency}
      and ${orders.orderDate} between cast(${input.from} as date) and cast(${input.to} as date)
    group by 1, 2
    order by 1, 2`);
}

/**
 * The weighted open pipeline of the analysed accounts in one currency, per account and month of expected
 * close (months since 1970-01; null when the opportunity has no expected close date). Rounded per row, as the
 * pipeline totals are, so the figures equal what the opportunities page shows.
 */
export async function openPipelineByMonth(db: Db, scope: Scope, input: { currency: string }) {
  return db.rows<{ account_id: string; month: number | null; weighted: number }>(sql`
    select ${opportunities.accountId} as account_id,
      ((extract(year from ${opportunities.expectedCloseDate}) - 1970) * 12 + extract(month from ${opportunities.expectedCloseDate}) - 1)::int as month,
      sum(round(${opportunities.value} * ${opportunities.probability} / 100, 2))::float8 as weighted
    from ${opportunities} join ${accounts} on ${accounts.orgId} = ${opportunities.orgId} and ${accounts.id} = ${opportunities.accountId}
    where ${inOrg(scope, opportunities.orgId)} and ${isAnalysedAccount(scope)} and ${opportunities.currency} = ${input.currency}
      and ${inArray(opportunities.stage, [...OPEN_OPPORTUNITY_STAGES])}
    group by 1, 2
    order by 1, 2`);
}

/**
 * Orders of the analysed accounts that a run leaves out: dated after asOf (future, whatever their
 * currency), or in another currency and dated in the run's window (from `from`, or any date when
 * `from` is null, up to asOf).
 */
export async function countExcludedOrders(db: Db, scope: Scope, input: { asOf: string; from: string | null; currency: string }) {
  const [row] = await db.rows<{ currency: number; future: number }>(sql`
    select
      count(*) filter (where ${orders.currency} <> ${input.currency} and ${orders.orderDate} <= cast(${input.asOf} as date)
        ${input.from === null ? sql`` : sql`and ${orders.orderDate} >= cast(${input.from} as date)`})::int as currency,
      count(*) filter (where ${orders.orderDate} > cast(${input.asOf} as date))::int as future
    from ${orders} join ${accounts} on ${accounts.orgId} = ${orders.orgId} and ${accounts.id} = ${orders.accountId}
    where ${countedOrders(scope)} and ${isAnalysedAccount(scope)}`);
  return { currency: row?.currency ?? 0, future: row?.future ?? 0 };
}
