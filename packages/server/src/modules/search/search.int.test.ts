import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let director: Client;
let accountIds: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  director = await t.newOrgWithUser("director");
  accountIds = {};
  for (const name of ["Hangzhou Apex Robotics", "Apex Foods", "上海华信精密机械有限公司", "Northwind 50% Traders"]) {
    const res = await director.post("/api/accounts", { name, currency: "CNY" });
    accountIds[name] = res.json().id;
  }
  await director.post("/api/contacts", { accountId: accountIds["Apex Foods"], name: "Wang Apexa", email: "wang@apex.example" });
  await director.post("/api/contacts", { accountId: accountIds["上海华信精密机械有限公司"], name: "李华", title: "采购总监" });
});
afterAll(async () => t?.close());

const search = (c: Client, q: string) => c.get(`/api/search?q=${encodeURIComponent(q)}`);

describe("global search", () => {
  it("finds accounts and contacts by name, names starting with the text first", async () => {
    const res = await search(director, "apex");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.accounts.map((a: { name: string }) => a.name)).toEqual(["Apex Foods", "Hangzhou Apex Robotics"]);
    expect(body.contacts).toEqual([expect.objectContaining({ name: "Wang Apexa", accountName: "Apex Foods" })]);
  });

  it("finds Chinese names and treats LIKE wildcards as text", async () => {
    expect((await search(director, "华")).json().contacts.map((c: { name: string }) => c.name)).toEqual(["李华"]);
    expect((await search(director, "华信")).json().accounts).toHaveLength(1);
    expect((await search(director, "50%")).json().accounts.map((a: { name: string }) => a.name)).toEqual(["Northwind 50% Traders"]);
    expect((await search(director, "%")).json().accounts.map((a: { name: string }) => a.name)).toEqual(["Northwind 50% Traders"]);
  });

  it("only shows what the caller may see", async () => {
    const member = await t.newUser(director.orgId, "member");
    expect((await search(member, "apex")).json()).toEqual({ accounts: [], contacts: [] });
    await director.put(`/api/accounts/${accountIds["Apex Foods"]}/team/${member.userId}`, { teamRole: "sales", allocationPct: 10 });
    const seen = (await search(member, "apex")).json();
    expect(seen.accounts.map((a: { name: string }) => a.name)).toEqual(["Apex Foods"]);
    expect(seen.contacts).toHaveLength(1);
    const stranger = await t.newOrgWithUser("admin");
    expect((await search(stranger, "apex")).json()).toEqual({ accounts: [], contacts: [] });
  });

  it("hides deleted accounts and asks for a text", async () => {
    await director.delete(`/api/accounts/${accountIds["Hangzhou Apex Robotics"]}`);
    expect((await search(director, "robotics")).json().accounts).toEqual([]);
    expect((await director.get("/api/search?q=")).statusCode).toBe(400);
  });
});
