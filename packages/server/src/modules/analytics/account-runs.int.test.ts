import { buildOrder } from "@openkam/db/testing/builders-activity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Client, TestApp } from "../../testing/test-app";
import { appWithBook, AS_OF, type Book, readRun } from "./analytics.fixtures";
import { createRun } from "./analytics.service";
import { emptyRunPhases, executeRun, type RunPhases } from "./run-executor";

/** The pass over the order book that the account-level runs share (account-runs.ts), seen through their phases. */
let t: TestApp;
let director: Client;
let book: Book;

beforeAll(async () => {
  ({ t, director, book } = await appWithBook());
});
afterAll(async () => t?.close());

/** Creates a run and executes it in-process, as the job handler does, with its phases. */
async function execute(kind: "rfm" | "pareto" | "matrix", asOf = AS_OF): Promise<{ id: string; phases: RunPhases }> {
  const scope = { orgId: director.orgId, userId: director.userId, role: director.role, tokenId: null };
  const run = await createRun({ db: t.db, scope, jobs: t.jobs, input: { kind, asOf, parameters: {} } as never });
  const phases = emptyRunPhases();
  await executeRun(t.db, director.orgId, run.id, { attempt: 1, heartbeat: async () => {}, phases });
  return { id: run.id, phases };
}

describe("the pass over the order book", () => {
  it("goes over every account once, is reused by the next runs, and after new orders goes over the changed accounts only", async () => {
    // The seven accounts of the book, in full, the first time.
    expect((await execute("rfm")).phases.passAccounts).toBe(7);
    expect((await execute("pareto")).phases.passAccounts).toBe(0);
    expect((await execute("matrix")).phases.passAccounts).toBe(0);

    // A new order for E on the analysis date, and a credit note for C: those two accounts are aggregated again.
    await buildOrder(t.db, director.orgId, book.e.id, { orderDate: AS_OF, amount: "100.00" });
    await buildOrder(t.db, director.orgId, book.c.id, { orderDate: "2025-06-01", amount: "-1000.00" });
    const after = await execute("rfm");
    expect(after.phases.passAccounts).toBe(2);
    const { byName } = await readRun(director, after.id);
    expect(byName.E!.values).toEqual({ recency: 0, frequency: 3, monetary: 600, r: 5, f: 5, m: 2 });
    expect(byName.C!.values).toMatchObject({ recency: 181, frequency: 1, monetary: 3000 });
    // The other accounts' totals are the last pass's, unchanged.
    expect(byName.A!.values).toMatchObject({ recency: 10, frequency: 3, monetary: 6000 });
    expect(byName.D!.values).toMatchObject({ recency: 364, frequency: 1, monetary: 100 });
  });

  it("goes over every account again for another analysis date", async () => {
    expect((await execute("rfm", "2025-06-29")).phases.passAccounts).toBe(7);
    expect((await execute("pareto", "2025-06-29")).phases.passAccounts).toBe(0);
  });
});
