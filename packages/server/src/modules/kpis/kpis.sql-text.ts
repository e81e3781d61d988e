import type { KpiKey } from "@openkam/domain";
import type { SQL } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Scope } from "../../tenancy/scope";
import * as q from "./kpis.queries";

/** A director's programme-wide scope, only to render the statements' text: nothing runs with it. */
const SAMPLE_SCOPE: Scope = { orgId: "00000000-0000-7000-8000-000000000000", userId: null, role: "director" };
const SUBJECT: q.KpiSubjectFilter = { kind: "programme", cohort: "programme" };
const PERIOD = { from: "2026-07-01", to: "2026-09-30" };
const INPUT = { timeZone: "Asia/Shanghai", period: PERIOD };

/** Every statement of the KPI library, built as the server builds it, by name. */
export function kpiStatements(): Record<string, SQL> {
  return {
    revenue: q.revenueQuery(SAMPLE_SCOPE, SUBJECT, {
      currency: "CNY", timeZone: "Asia/Shanghai",
      windows: {
        current: PERIOD, previous: { from: "2026-04-01", to: "2026-06-30" }, yearBefore: { from: "2025-07-01", to: "2025-09-30" },
        trailing: { from: "2025-10-01", to: "2026-09-30" }, trailingPrior: { from: "2024-10-01", to: "2025-09-30" },
      },
    }),
    "revenue-by-month": q.revenueByMonthQuery(SAMPLE_SCOPE, SUBJECT, { currency: "CNY", timeZone: "Asia/Shanghai", range: { from: "2023-10-01", to: "2026-09-30" } }),
    clv: q.clvQuery(SAMPLE_SCOPE, SUBJECT, { currency: "CNY", asOf: PERIOD.to }),
    "survey-scores": q.surveyScoresQuery(SAMPLE_SCOPE, SUBJECT, INPUT),
    cases: q.casesQuery(SAMPLE_SCOPE, SUBJECT, INPUT),
    "case-events": q.caseEventsQuery(SAMPLE_SCOPE, SUBJECT, INPUT),
    "plan-actions": q.planActionsQuery(SAMPLE_SCOPE, SUBJECT, { period: PERIOD }),
    "feedback-closed": q.feedbackClosedQuery(SAMPLE_SCOPE, SUBJECT, INPUT),
  };
}

const dialect = new PgDialect();

/** The query text shown on a KPI's definition page, parameters as $1, $2, …, and where it lives. */
export function queryTextOf(key: KpiKey): { sql: string; queryFile: string } {
  const { name, file } = q.QUERY_OF_KPI[key];
  const statements = kpiStatements();
  const text = name === "cases"
    ? `${dialect.sqlToQuery(statements.cases!).sql};\n\n${dialect.sqlToQuery(statements["case-events"]!).sql}`
    : name === "cadence"
      ? "-- Assessed by the cadence module: the accounts with their last interaction per kind, in one statement.\n-- See packages/server/src/modules/cadence/cadence.repository.ts (listCadenceAccounts)."
      : dialect.sqlToQuery(statements[name]!).sql;
  return { sql: text, queryFile: file };
}
