import { buildAccount } from "@openkam/db/testing/builders";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

describe("reporting-line cycles", () => {
  it("refuses a line that closes a cycle, naming the people on it, and leaves the chart unchanged", async () => {
    const accountId = (await buildAccount(t.db, admin.orgId)).id;
    const ceo = (await admin.post("/api/contacts", { accountId, name: "Chen CEO" })).json();
    const cfo = (await admin.post("/api/contacts", { accountId, name: "Fang CFO", reportsToContactId: ceo.id })).json();
    const clerk = (await admin.post("/api/contacts", { accountId, name: "Kai Clerk", reportsToContactId: cfo.id })).json();

    const res = await admin.patch(`/api/contacts/${ceo.id}`, { reportsToContactId: clerk.id, version: 1 });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: "reportsToContactId", message: expect.stringContaining("Chen CEO → Kai Clerk → Fang CFO → Chen CEO") }]);
    const direct = await admin.patch(`/api/contacts/${cfo.id}`, { reportsToContactId: clerk.id }, { "if-match": '"1"' });
    expect(direct.json().errors[0].message).toContain("Fang CFO → Kai Clerk → Fang CFO");

    expect((await admin.get(`/api/contacts/${ceo.id}`)).json()).toMatchObject({ reportsToContactId: null, version: 1 });
    expect((await admin.patch(`/api/contacts/${clerk.id}`, { reportsToContactId: ceo.id, version: 1 })).statusCode).toBe(200);
  });
});
