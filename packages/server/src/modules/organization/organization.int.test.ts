import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

describe("organization settings", () => {
  it("reads the settings with an ETag", async () => {
    const res = await admin.get("/api/organization");
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: admin.orgId, defaultCurrency: "CNY", fiscalYearStartMonth: 1, timezone: "Asia/Shanghai", version: 1 });
    expect(res.headers.etag).toBe('"1"');
  });

  it("lets an admin change them with versions", async () => {
    const ok = await admin.patch("/api/organization", { defaultCurrency: "EUR", fiscalYearStartMonth: 4, timezone: "Europe/Berlin" }, { "if-match": '"1"' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ defaultCurrency: "EUR", fiscalYearStartMonth: 4, timezone: "Europe/Berlin", version: 2 });
    expect((await admin.patch("/api/organization", { fiscalYearStartMonth: 7 }, { "if-match": '"1"' })).statusCode).toBe(412);
    const stale = await admin.patch("/api/organization", { fiscalYearStartMonth: 7, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current.version).toBe(2);
    expect((await admin.patch("/api/organization", { fiscalYearStartMonth: 7 })).statusCode).toBe(400);
    expect((await admin.get("/api/auth/me")).json().organization.timezone).toBe("Europe/Berlin");
  });

  it("validates the month, the currency and the time zone", async () => {
    for (const body of [{ fiscalYearStartMonth: 0 }, { fiscalYearStartMonth: 13 }, { defaultCurrency: "euro" }, { timezone: "Mars/Olympus_Mons" }, { timezone: "'; drop table organizations; --" }, { name: "" }]) {
      const res = await admin.patch("/api/organization", { ...body, version: 2 });
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it("refuses a name another organization has", async () => {
    const other = await t.newOrgWithUser("admin");
    const taken = (await other.get("/api/organization")).json().name as string;
    const current = (await admin.get("/api/organization")).json();
    const res = await admin.patch("/api/organization", { name: taken.toUpperCase(), version: current.version });
    expect(res.statusCode).toBe(409);
  });

  it("is read-only for everyone but admins", async () => {
    const director = await t.newUser(admin.orgId, "director");
    expect((await director.get("/api/organization")).statusCode).toBe(200);
    expect((await director.patch("/api/organization", { fiscalYearStartMonth: 1, version: 2 })).statusCode).toBe(403);
  });
});
