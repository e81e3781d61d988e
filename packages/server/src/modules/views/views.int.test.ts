import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let alice: Client;
let bob: Client;

beforeAll(async () => {
  t = await createTestApp();
  alice = await t.newOrgWithUser("account_manager");
  bob = await t.newUser(alice.orgId, "viewer");
});
afterAll(async () => t?.close());

const state = { filters: { tier: ["strategic", "key"], region: "华东" }, sort: "-updatedAt", columns: ["name", "tier"] };

describe("saved views", () => {
  it("saves, lists, renames and deletes a personal view", async () => {
    const created = await alice.post("/api/views", { entity: "accounts", name: "My key accounts", state });
    expect(created.statusCode).toBe(201);
    const view = created.json();
    expect(view).toMatchObject({ name: "My key accounts", state, shared: false, mine: true, version: 1 });

    expect((await alice.get("/api/views?entity=accounts")).json().items.map((v: { id: string }) => v.id)).toContain(view.id);
    expect((await alice.get("/api/views?entity=contacts")).json().items).toEqual([]);
    expect((await bob.get("/api/views?entity=accounts")).json().items).toEqual([]);

    const renamed = await alice.patch(`/api/views/${view.id}`, { name: "Key East", version: 1 });
    expect(renamed.statusCode).toBe(200);
    expect(renamed.json()).toMatchObject({ name: "Key East", version: 2 });
    expect((await alice.patch(`/api/views/${view.id}`, { name: "Stale", version: 1 })).statusCode).toBe(409);

    expect((await alice.delete(`/api/views/${view.id}`)).statusCode).toBe(204);
    expect((await alice.get("/api/views?entity=accounts")).json().items).toEqual([]);
  });

  it("lists views by name, Chinese names by pinyin, and follows a rename", async () => {
    const carol = await t.newOrgWithUser("account_manager");
    const made: Record<string, { id: string }> = {};
    for (const name of ["重点客户", "Zeta", "本月到期"]) made[name] = (await carol.post("/api/views", { entity: "contacts", name, state })).json();
    const names = async () => (await carol.get("/api/views?entity=contacts")).json().items.map((v: { name: string }) => v.name);
    // ben yue…, zhong dian…, zeta
    expect(await names()).toEqual(["本月到期", "Zeta", "重点客户"]);
    expect((await carol.patch(`/api/views/${made["Zeta"]!.id}`, { name: "按区域", version: 1 })).statusCode).toBe(200);
    expect(await names()).toEqual(["按区域", "本月到期", "重点客户"]);
  });

  it("shows shared views to colleagues, who cannot change them", async () => {
    const view = (await alice.post("/api/views", { entity: "contacts", name: "Champions", state: { filters: { buyingRole: "champion" } }, shared: true })).json();
    const seen = (await bob.get("/api/views?entity=contacts")).json().items;
    expect(seen).toEqual([expect.objectContaining({ id: view.id, mine: false })]);
    expect((await bob.patch(`/api/views/${view.id}`, { name: "Mine now", version: 1 })).statusCode).toBe(403);
    expect((await bob.delete(`/api/views/${view.id}`)).statusCode).toBe(403);
  });

  it("hides views of other organizations", async () => {
    const view = (await alice.post("/api/views", { entity: "accounts", name: "Shared", state, shared: true })).json();
    const stranger = await t.newOrgWithUser("admin");
    expect((await stranger.get("/api/views?entity=accounts")).json().items).toEqual([]);
    expect((await stranger.patch(`/api/views/${view.id}`, { name: "x", version: 1 })).statusCode).toBe(404);
    expect((await stranger.delete(`/api/views/${view.id}`)).statusCode).toBe(404);
  });

  it("refuses malformed views with field messages", async () => {
    const res = await alice.post("/api/views", { entity: "orders", name: "", state: { filters: { tier: 3 } } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(["body.entity", "body.name"]));
  });
});
