import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { newId } from "../ids";
import { createTestDatabase } from "../testing/test-database";
import type { Database } from "./database";
import { migrate, MIGRATIONS_FOLDER } from "./migrate";

// Migration 0016 moved the results of every stored analysis run from one row per account (analysis_results) into
// blocks (analysis_result_blocks). The test puts a database back in the state before it, with results in the old
// table, and applies it again.

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.close());

describe("migration 0016 (results in blocks)", () => {
  it("moves every existing result into blocks of up to 128 accounts in id order, and drops the old table", async () => {
    const migration = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER }).find((m) => m.sql.some((s) => s.includes('CREATE TABLE "analysis_result_blocks"')))!;
    const org = newId();
    const user = newId();
    const runs = [newId(), newId()];
    const ids = Array.from({ length: 300 }, () => randomUUID());
    await db.rows(sql`insert into organizations (id, name) values (${org}, 'Before')`);
    await db.rows(sql`insert into accounts (org_id, id, name, name_key, currency) select ${org}, id, 'Account ' || id, 'account ' || id, 'CNY' from unnest(${sql.param(ids)}::uuid[]) as id`);
    for (const run of runs) {
      await db.rows(sql`insert into analysis_runs (org_id, id, kind, status, as_of, parameters, scope, currency, created_by)
        values (${org}, ${run}, 'pareto', 'succeeded', '2026-06-30', '{}', 'organization', 'CNY', ${user})`);
    }

    await db.rows(sql`drop table analysis_result_blocks`);
    await db.rows(sql`delete from openkam_migrations where hash = ${migration.hash}`);
    await db.rows(sql`create table analysis_results (org_id uuid not null, run_id uuid not null, account_id uuid not null, grp text, rank integer not null, values jsonb not null, primary key (org_id, run_id, account_id))`);
    // The first run has every account (three blocks), the second five; one result has no group.
    await db.rows(sql`insert into analysis_results select ${org}, ${runs[0]}, id, case when n = 7 then null else 'A' end, n, jsonb_build_object('n', n, 'share', n / 1000.0)
      from unnest(${sql.param(ids)}::uuid[]) with ordinality as u(id, n)`);
    await db.rows(sql`insert into analysis_results select ${org}, ${runs[1]}, id, 'B', n, '{}' from unnest(${sql.param(ids.slice(0, 5))}::uuid[]) with ordinality as u(id, n)`);
    const before = await db.rows(sql`select run_id, account_id, grp, rank, values::text as values from analysis_results order by run_id, account_id`);

    expect(await migrate(db)).toBe(1);

    const after = await db.rows(sql`select b.run_id, u.account_id, u.grp, u.rank, u.values::jsonb::text as values
      from analysis_result_blocks b cross join lateral rows from (unnest(b.account_ids), unnest(b.grps), unnest(b.ranks), json_array_elements(b.values)) as u(account_id, grp, rank, values)
      order by b.run_id, u.account_id`);
    expect(after).toEqual(before);
    const blocks = await db.rows<{ run_id: string; n: number; last_is_max: boolean }>(sql`
      select run_id, cardinality(account_ids) as n, last_account_id = (select max(a::text)::uuid from unnest(account_ids) a) as last_is_max
      from analysis_result_blocks order by run_id, last_account_id`);
    expect(blocks.map((b) => [b.run_id, b.n, b.last_is_max])).toEqual([[runs[0], 128, true], [runs[0], 128, true], [runs[0], 44, true], [runs[1], 5, true]].sort((a, b) => String(a[0]).localeCompare(String(b[0]))));
    expect(await db.rows(sql`select 1 from pg_tables where tablename = 'analysis_results'`)).toEqual([]);
  });
});
