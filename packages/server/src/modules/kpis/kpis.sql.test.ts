import { KPI_KEYS } from "@openkam/domain";
import { PgDialect } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { revenueQuery, subjectAccounts } from "./kpis.queries";
import { kpiStatements, queryTextOf } from "./kpis.sql-text";

const dialect = new PgDialect();

/** The statements of the KPI library, kept in files so that a change to one shows up in review as a SQL diff. */
describe("KPI SQL", () => {
  for (const [name, statement] of Object.entries(kpiStatements())) {
    it(`keeps the ${name} statement readable and tenanted`, async () => {
      const query = dialect.sqlToQuery(statement);
      await expect(query.sql).toMatchFileSnapshot(`./__sql__/${name}.sql`);
      expect(query.sql).toContain("with subject as (");
      expect(query.params[0]).toBe("00000000-0000-7000-8000-000000000000");
    });
  }

  it("gives every KPI its query text", () => {
    for (const key of KPI_KEYS) expect(queryTextOf(key).sql.length).toBeGreaterThan(40);
  });

  it("limits an account manager's subject to the accounts they own or are on the team of", () => {
    const scope = { orgId: "0190a000-0000-7000-8000-000000000001", userId: "0190a000-0000-7000-8000-000000000002", role: "account_manager" as const };
    const text = dialect.sqlToQuery(subjectAccounts(scope, { kind: "programme", cohort: "key_accounts" })).sql;
    expect(text).toContain('"accounts"."owner_user_id" is not distinct from');
    expect(text).toContain("in ('strategic', 'key')");
  });

  it("refuses to run without an organization", () => {
    const period = { from: "2026-01-01", to: "2026-03-31" };
    expect(() => revenueQuery({ orgId: "", userId: null, role: "admin" }, { kind: "programme", cohort: "programme" }, {
      currency: "CNY", timeZone: "UTC", windows: { current: period, previous: period, yearBefore: period, trailing: period, trailingPrior: period },
    })).toThrow(/tenant scope missing/);
  });
});
