import { analysisRuns, type Db } from "@openkam/db";
import { and, desc, eq, sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { resultRows } from "../analytics/result-blocks";

/**
 * The latest succeeded organization-wide run of a kind. Runs an account manager made over their own accounts
 * cover only part of the book, so they would leave most accounts unclassified.
 */
export async function latestOrganizationRun(db: Db, scope: Scope, kind: "matrix" | "clv"): Promise<{ id: string } | undefined> {
  const [row] = await db.orm
    .select({ id: analysisRuns.id })
    .from(analysisRuns)
    .where(and(inOrg(scope, analysisRuns.orgId), eq(analysisRuns.kind, kind), eq(analysisRuns.status, "succeeded"), eq(analysisRuns.scope, "organization")))
    .orderBy(desc(analysisRuns.createdAt), desc(analysisRuns.id))
    .limit(1);
  return row;
}

/** A run's results: each account's group, and its figures too for a CLV run (other kinds' are not read here). */
export async function runResults(db: Db, scope: Scope, runId: string, options: { values: boolean }) {
  return db.rows<{ accountId: string; grp: string | null; values: Record<string, unknown> | null }>(sql`
    select r.account_id as "accountId", r.grp, ${options.values ? sql`r.values` : sql`null::json`} as values from ${resultRows(scope, runId, options)} r`);
}
