import type { TAnalysisResult, TAnalysisRun } from "@openkam/contracts";
import { buildAccount } from "@openkam/db/testing/builders";
import { buildOrder } from "@openkam/db/testing/builders-activity";
import { sql } from "drizzle-orm";
import { expect } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

export interface RunWithResults {
  run: TAnalysisRun;
  results: TAnalysisResult[];
  /** Results by account name. */
  byName: Record<string, TAnalysisResult>;
}

/** Starts a run through the API, drains the job queue, and reads the run with all its results. */
export async function runAnalysis(t: TestApp, c: Client, body: Record<string, unknown>): Promise<RunWithResults> {
  const res = await c.post("/api/analytics/runs", body);
  expect(res.statusCode, res.body).toBe(202);
  expect(res.json()).toMatchObject({ status: "queued", summary: null });
  await t.jobs.drain();
  return readRun(c, res.json().id);
}

export async function readRun(c: Client, id: string): Promise<RunWithResults> {
  const got = await c.get(`/api/analytics/runs/${id}?limit=200`);
  expect(got.statusCode, got.body).toBe(200);
  const { run, results } = got.json() as { run: TAnalysisRun; results: { items: TAnalysisResult[] } };
  return { run, results: results.items, byName: Object.fromEntries(results.items.map((r) => [r.accountName, r])) };
}

export const AS_OF = "2025-06-30";

/**
 * The hand-computed book of docs/analytics.md's examples, as of 2025-06-30 (365-day window from 2024-07-01):
 * A  3 orders (6000), one future order; B 2 orders and a credit note (net 800); C 1 order (4000) and one in USD;
 * D one order on the window's first day (100) and one the year before (9999); E 2 orders on the last days (500);
 * F a credit note only; G no order at all. Cancelled and deleted orders never count.
 */
export async function buildBook(t: TestApp, orgId: string, options: { ownerUserId?: string } = {}) {
  const account = (name: string, extra: Record<string, unknown> = {}) => buildAccount(t.db, orgId, { name, ownerUserId: options.ownerUserId ?? null, ...extra });
  const a = await account("A", { customFields: { strategicImportance: 5 }, industry: "Energy", region: "East" });
  const b = await account("B", { industry: "Retail" });
  const c = await account("C");
  const d = await account("D");
  const e = await account("E");
  const f = await account("F");
  const g = await account("G");
  const order = (id: string, orderDate: string, amount: string, extra: Record<string, unknown> = {}) => buildOrder(t.db, orgId, id, { orderDate, amount, ...extra });
  await order(a.id, "2025-06-20", "1000.00");
  await order(a.id, "2025-03-01", "2000.00");
  await order(a.id, "2024-09-15", "3000.00");
  await order(a.id, "2025-07-05", "777.00");
  await order(b.id, "2025-05-31", "500.00");
  await order(b.id, "2025-01-10", "500.00");
  await order(b.id, "2025-02-01", "-200.00");
  await order(c.id, "2024-12-31", "4000.00");
  await order(c.id, "2025-01-01", "9000.00", { currency: "USD" });
  await order(d.id, "2024-07-01", "100.00");
  await order(d.id, "2024-06-01", "9999.00");
  await order(e.id, "2025-06-29", "300.00");
  await order(e.id, "2025-06-28", "200.00");
  await order(e.id, "2025-06-27", "5000.00", { status: "cancelled" });
  await order(e.id, "2025-06-26", "5000.00", { deletedAt: sql`now()` as never });
  await order(f.id, "2025-04-01", "-50.00");
  return { a, b, c, d, e, f, g };
}

/** The accounts of the book above. */
export type Book = Awaited<ReturnType<typeof buildBook>>;

/** A test app with a director's organization holding the book above: the set-up of the analytics API tests. */
export async function appWithBook(): Promise<{ t: TestApp; director: Client; book: Book }> {
  const t = await createTestApp();
  const director = await t.newOrgWithUser("director");
  return { t, director, book: await buildBook(t, director.orgId) };
}
