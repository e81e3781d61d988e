import { compareIds, idsAscending, valuesAt } from "@openkam/domain";
import { analysisResultBlocks, binaryCopyData, binaryCopyRow, type Db } from "@openkam/db";
import { and, eq, sql, type SQL } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { figureBytes, type RunFigures } from "./result-figures";

// A run's per-account results are kept in blocks (analysis_result_blocks): up to BLOCK_SIZE accounts a row, in
// account id order, their ids, groups, ranks and figures side by side. This file is the only one that knows the
// layout: it writes a run's results, and gives every reader the rows back as one row per account (resultRows).

/**
 * A run's results, as columns: result i is the account accountIds[i], its group groups[i] and rank ranks[i], and its
 * figures — a JSON object values[i] for the kinds without a figure layout, or the float8s of `figures`
 * (result-figures.ts). Runs score every account of an organization into columns, without an object per result.
 */
export interface NewResults {
  accountIds: readonly string[];
  groups: ReadonlyArray<string | null>;
  ranks: Int32Array;
  values?: ReadonlyArray<Record<string, unknown>>;
  figures?: RunFigures;
}

/** One result as a row, for runs that make few results, or make them one by one (CLV, forecast). */
export interface NewResultRow {
  accountId: string;
  grp: string | null;
  rank: number;
  values?: Record<string, unknown>;
}

/** Results given as rows, in columns; `figures`, when given, are the rows' figures in the same order. */
export function resultsFromRows(rows: readonly NewResultRow[], figures?: NewResults["figures"]): NewResults {
  return {
    accountIds: rows.map((r) => r.accountId),
    groups: rows.map((r) => r.grp),
    ranks: Int32Array.from(rows, (r) => r.rank),
    ...(figures ? { figures } : { values: rows.map((r) => r.values ?? {}) }),
  };
}

/**
 * Accounts in one block. A page of results reads, for each of its rows, the block's figures whole (about 40 KB for the
 * largest kind, matrix), so blocks are kept small; a run of 100,000 accounts is still under a thousand rows.
 */
export const BLOCK_SIZE = 128;

/** Writers of one run's results at once, each on its own connection. */
const WRITERS = 2;

/** A block: the positions (in the run's results) of its accounts, in account id order. */
type Block = Int32Array;

/**
 * The results cut into blocks in account id order. Ids are compared as text, which for the lower-case canonical
 * form PostgreSQL returns is the database's byte order of uuids, so "the first block whose last id is at or after
 * an account" finds it in SQL.
 */
function toBlocks(ids: readonly string[]): Block[] {
  const order = new Int32Array(ids.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // Most runs list their accounts as they were read, in id order already.
  if (!idsAscending(ids)) order.sort((a, b) => compareIds(ids[a]!, ids[b]!));
  const blocks: Block[] = [];
  for (let i = 0; i < order.length; i += BLOCK_SIZE) blocks.push(order.subarray(i, i + BLOCK_SIZE));
  return blocks;
}

/**
 * Writes blocks with one binary `copy`: ids, ranks and figures travel as bytes, which neither Node nor the database
 * formats or parses as text — for 100,000 matrix results the text copy's parsing was most of the write
 * (docs/performance.md, "Identify"). A JSON parameter unpacked by json_to_recordset was slower still.
 */
async function insertBlocks(tx: Db, scope: Scope, runId: string, output: NewResults, blocks: readonly Block[]): Promise<void> {
  const { accountIds, groups, ranks, values, figures } = output;
  // One row per block, made as the copy asks for it: Node makes the next blocks while the database stores these.
  function* rows() {
    for (const block of blocks) {
      const ids = valuesAt(accountIds, block);
      yield binaryCopyRow([
        { type: "uuid", value: scope.orgId },
        { type: "uuid", value: runId },
        { type: "uuid", value: ids[ids.length - 1]! },
        { type: "uuid[]", value: ids },
        { type: "text[]", value: valuesAt(groups, block) },
        { type: "int4[]", value: valuesAt(ranks, block) },
        { type: "text", value: figures ? null : JSON.stringify(values ? valuesAt(values, block) : Array.from(block, () => ({}))) },
        { type: "bytea", value: figures ? figureBytes(figures, block) : null },
      ]);
    }
  }
  await tx.copyFrom("copy analysis_result_blocks (org_id, run_id, last_account_id, account_ids, grps, ranks, values, figures) from stdin (format binary)", binaryCopyData(rows()));
}

/** Deletes a run's results (a retried job starts from a clean slate; a failed run keeps none). */
export async function deleteRunResults(db: Db, scope: Scope, runId: string): Promise<void> {
  await db.orm.delete(analysisResultBlocks).where(and(inOrg(scope, analysisResultBlocks.orgId), eq(analysisResultBlocks.runId, runId)));
}

/**
 * Replaces a run's results, written in parts on several connections at once: on PostgreSQL two writers take about
 * half as long as one. A run's results show only once it has succeeded (the service reads none of a run in another
 * state), so they need not be written in the transaction that finishes it; a retried run starts again from none.
 */
export async function writeRunResults(db: Db, scope: Scope, runId: string, output: NewResults): Promise<void> {
  const n = output.accountIds.length;
  if (output.groups.length !== n || output.ranks.length !== n || (output.values && output.values.length !== n)) throw new Error("the results' columns differ in length");
  if (output.figures && output.figures.data.length !== n * output.figures.width) throw new Error("the figures do not match the results");
  await deleteRunResults(db, scope, runId);
  const blocks = toBlocks(output.accountIds);
  const size = Math.ceil(blocks.length / WRITERS);
  const parts = Array.from({ length: WRITERS }, (_, i) => blocks.slice(i * size, (i + 1) * size)).filter((part) => part.length > 0);
  await Promise.all(parts.map((part) => db.transaction((tx) => insertBlocks(tx, scope, runId, output, part))));
}

/**
 * A run's results as rows, for a `from` clause: account_id, grp, rank, and where the account sits (block: the
 * block's last account id; pos: 1-based position in it), plus `values` (json) when asked — reading the figures
 * parses every block's JSON, so readers that need only the groups leave them out, and a page reads its few rows'
 * figures afterwards with figuresAt. `values` is null for the kinds whose figures are float8s: no reader in SQL
 * needs theirs. `runId` is an id or an SQL expression giving one.
 */
export function resultRows(scope: Scope, runId: string | SQL, options: { values?: boolean } = {}): SQL {
  const b = analysisResultBlocks;
  const run = typeof runId === "string" ? sql`${runId}::uuid` : runId;
  const columns = options.values
    ? sql`rows from (unnest(${b.accountIds}), unnest(${b.grps}), unnest(${b.ranks}), json_array_elements(${b.values})) with ordinality as u(account_id, grp, rank, values, pos)`
    : sql`rows from (unnest(${b.accountIds}), unnest(${b.grps}), unnest(${b.ranks})) with ordinality as u(account_id, grp, rank, pos)`;
  return sql`(select ${b.lastAccountId} as block, u.*
    from ${b} cross join lateral ${columns}
    where ${inOrg(scope, b.orgId)} and ${b.runId} = ${run})`;
}

/** The bytes of the binary figures of the result at a 1-based position of the block row in scope (null for JSON ones). */
function figuresOfPosition(pos: SQL): SQL {
  const b = analysisResultBlocks;
  const width = sql`(length(${b.figures}) / cardinality(${b.accountIds}))`;
  return sql`substring(${b.figures} from ((${pos} - 1) * ${width} + 1)::int for ${width})`;
}

/**
 * The figures of the result at (block, pos) of a run, for the few rows of a page: a subquery of one row for a lateral
 * join, `values` (its JSON object) or `figures` (its float8s), the other null. resultValues (result-figures.ts) makes
 * the API's object of them.
 */
export function figuresAt(scope: Scope, runId: SQL, block: SQL, pos: SQL): SQL {
  const b = analysisResultBlocks;
  return sql`(select ${b.values} -> (${pos} - 1)::int as values, ${figuresOfPosition(pos)} as figures
    from ${b} where ${inOrg(scope, b.orgId)} and ${b.runId} = ${runId} and ${b.lastAccountId} = ${block})`;
}

/**
 * One account's result in a run, as a row (block, pos, account_id, grp, rank) or none: one index probe for the block
 * that would hold it (the first whose last account id is at or after it), whatever the size of the run. `accountId`
 * is an id or an SQL expression (a column of an outer query, for a lateral join).
 */
export function resultOfAccount(scope: Scope, runId: SQL, accountId: string | SQL): SQL {
  const b = analysisResultBlocks;
  const account = typeof accountId === "string" ? sql`${accountId}::uuid` : accountId;
  return sql`(select h.last_account_id as block, u.pos, u.account_id, u.grp, u.rank
    from (select ${b.lastAccountId}, ${b.accountIds}, ${b.grps}, ${b.ranks} from ${b}
          where ${inOrg(scope, b.orgId)} and ${b.runId} = ${runId} and ${b.lastAccountId} >= ${account}
          order by ${b.lastAccountId} limit 1) h
    cross join lateral rows from (unnest(h.account_ids), unnest(h.grps), unnest(h.ranks)) with ordinality as u(account_id, grp, rank, pos)
    where u.account_id = ${account})`;
}

/**
 * Takes accounts out of every block that holds them (when they are purged), keeping the other accounts' results in
 * place; a block left empty is deleted. `orgIds` is an SQL query giving the organizations concerned, `accountIds` an
 * SQL expression giving, for the block row being changed (it may refer to analysis_result_blocks.org_id), the uuid[]
 * of its organization's accounts to remove.
 */
export async function removeAccountsFromResults(tx: Db, orgIds: SQL, accountIds: SQL): Promise<void> {
  const b = analysisResultBlocks;
  const emptied = await tx.rows<{ org_id: string; run_id: string; last_account_id: string; empty: boolean }>(sql`
    update ${b} set (account_ids, grps, ranks, values, figures) = (
      select coalesce(array_agg(u.account_id order by u.pos), '{}'), coalesce(array_agg(u.grp order by u.pos), '{}'),
        coalesce(array_agg(u.rank order by u.pos), '{}'),
        case when ${b.values} is not null then coalesce(json_agg(u.values order by u.pos), '[]') end,
        case when ${b.figures} is not null then coalesce(string_agg(${figuresOfPosition(sql`u.pos`)}, ''::bytea order by u.pos), ''::bytea) end
      from rows from (unnest(${b.accountIds}), unnest(${b.grps}), unnest(${b.ranks}), json_array_elements(${b.values})) with ordinality as u(account_id, grp, rank, values, pos)
      where u.account_id <> all (${accountIds}::uuid[]))
    where ${b.orgId} in (${orgIds}) and ${b.accountIds} && ${accountIds}::uuid[]
    returning ${b.orgId} as org_id, ${b.runId} as run_id, ${b.lastAccountId} as last_account_id, cardinality(${b.accountIds}) = 0 as empty`);
  for (const block of emptied.filter((e) => e.empty)) {
    await tx.rows(sql`delete from ${b} where ${b.orgId} = ${block.org_id} and ${b.runId} = ${block.run_id} and ${b.lastAccountId} = ${block.last_account_id}`);
  }
}

/** One stored block as read back whole: its accounts' ids, groups and ranks, and their figures as stored. */
export interface StoredBlock {
  accountIds: string[];
  groups: Array<string | null>;
  ranks: number[];
  values: Array<Record<string, unknown>> | null;
  figures: Uint8Array | null;
}

/** The figures of a block's i-th result as stored, for resultValues (result-figures.ts). */
export function storedAt(block: StoredBlock, i: number): { values: Record<string, unknown> | null; figures: Uint8Array | null } {
  if (block.figures === null) return { values: block.values?.[i] ?? {}, figures: null };
  const width = block.figures.length / block.accountIds.length;
  return { values: null, figures: block.figures.subarray(i * width, (i + 1) * width) };
}

/**
 * Every block of a run in account id order, a few at a time: for reading every result (an export), where a
 * page's one-result-at-a-time reads would decompress each block's figures once per result.
 */
export async function* runBlocks(db: Db, scope: Scope, runId: string, perRead = 64): AsyncGenerator<StoredBlock[]> {
  const b = analysisResultBlocks;
  let after: string | null = null;
  for (;;) {
    const rows: Array<{ last: string; ids: string[]; grps: Array<string | null>; ranks: number[]; values: Array<Record<string, unknown>> | null; figures: Uint8Array | null }> = await db.rows(sql`
      select ${b.lastAccountId} as last, ${b.accountIds} as ids, ${b.grps} as grps, ${b.ranks} as ranks, ${b.values} as values, ${b.figures} as figures
      from ${b} where ${inOrg(scope, b.orgId)} and ${b.runId} = ${runId} ${after === null ? sql`` : sql`and ${b.lastAccountId} > ${after}`}
      order by ${b.lastAccountId} limit ${perRead}`);
    if (rows.length === 0) return;
    yield rows.map((r) => ({ accountIds: r.ids, groups: r.grps, ranks: r.ranks, values: r.values, figures: r.figures }));
    if (rows.length < perRead) return;
    after = rows[rows.length - 1]!.last;
  }
}
