import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildContact } from "@openkam/db/testing/builders-people";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;
let teamAccountId: string;
let otherAccountId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
  teamAccountId = (await buildAccount(t.db, admin.orgId, { name: "On the team" })).id;
  otherAccountId = (await buildAccount(t.db, admin.orgId, { name: "Not on the team" })).id;
});
afterAll(async () => t?.close());

const ids = (res: { json(): { items: Array<{ id: string }> } }) => res.json().items.map((x) => x.id);

describe("contacts by role", () => {
  it("shows an account manager only the contacts of accounts whose team they are on", async () => {
    const kam = await t.newUser(admin.orgId, "account_manager");
    await buildTeamMember(t.db, admin.orgId, teamAccountId, kam.userId);
    const mine = await buildContact(t.db, admin.orgId, teamAccountId, { name: "Visible Vera" });
    const hidden = await buildContact(t.db, admin.orgId, otherAccountId, { name: "Hidden Hans" });

    const list = ids(await kam.get("/api/contacts?limit=200"));
    expect(list).toContain(mine.id);
    expect(list).not.toContain(hidden.id);
    expect((await kam.get(`/api/contacts?accountId=${otherAccountId}`)).json().items).toEqual([]);
    expect((await kam.get(`/api/contacts/${hidden.id}`)).statusCode).toBe(404);
    expect((await kam.patch(`/api/contacts/${hidden.id}`, { title: "x", version: 1 })).statusCode).toBe(404);
    expect((await kam.delete(`/api/contacts/${hidden.id}`)).statusCode).toBe(404);

    const onHidden = await kam.post("/api/contacts", { accountId: otherAccountId, name: "Sneaky" });
    expect(onHidden.statusCode).toBe(400);
    expect(onHidden.json().errors[0].field).toBe("accountId");
    const moveAway = await kam.patch(`/api/contacts/${mine.id}`, { accountId: otherAccountId, version: 1 });
    expect(moveAway.statusCode).toBe(400);
    expect(moveAway.json().errors[0].field).toBe("accountId");
    const onTeam = await kam.post("/api/contacts", { accountId: teamAccountId, name: "Allowed Anna" });
    expect(onTeam.statusCode).toBe(201);
    expect(ids(await admin.get(`/api/contacts?accountId=${otherAccountId}`))).toEqual([hidden.id]);
  });

  it("lets members write contacts on their accounts and keeps viewers read-only", async () => {
    const member = await t.newUser(admin.orgId, "member");
    const viewer = await t.newUser(admin.orgId, "viewer");
    await buildTeamMember(t.db, admin.orgId, teamAccountId, member.userId);
    await buildTeamMember(t.db, admin.orgId, teamAccountId, viewer.userId);
    const contact = await buildContact(t.db, admin.orgId, teamAccountId, { name: "Shared Shen" });

    expect((await member.post("/api/contacts", { accountId: teamAccountId, name: "By member" })).statusCode).toBe(201);
    expect((await member.patch(`/api/contacts/${contact.id}`, { title: "Buyer", version: 1 })).statusCode).toBe(200);

    expect((await viewer.get(`/api/contacts/${contact.id}`)).statusCode).toBe(200);
    const attempts = [
      await viewer.post("/api/contacts", { accountId: teamAccountId, name: "By viewer" }),
      await viewer.patch(`/api/contacts/${contact.id}`, { title: "Boss", version: 2 }),
      await viewer.delete(`/api/contacts/${contact.id}`),
      await viewer.post(`/api/contacts/${contact.id}/restore`),
    ];
    expect(attempts.map((r) => r.statusCode)).toEqual([403, 403, 403, 403]);
    expect((await admin.get(`/api/contacts/${contact.id}`)).json()).toMatchObject({ title: "Buyer", version: 2, deletedAt: null });
  });
});

describe("contacts across organizations", () => {
  it("answers 404 to another organization's admin for every operation and leaves the contact unchanged", async () => {
    const contact = (await admin.post("/api/contacts", { accountId: teamAccountId, name: "Org A Secret" })).json();
    const trashed = (await admin.post("/api/contacts", { accountId: teamAccountId, name: "Org A Trash" })).json();
    expect((await admin.delete(`/api/contacts/${trashed.id}`)).statusCode).toBe(204);
    const intruder = await t.newOrgWithUser("admin");

    expect((await intruder.get(`/api/contacts/${contact.id}`)).statusCode).toBe(404);
    expect(ids(await intruder.get("/api/contacts?limit=200"))).toEqual([]);
    expect(ids(await intruder.get(`/api/contacts?accountId=${teamAccountId}`))).toEqual([]);
    expect(ids(await intruder.get("/api/contacts?deleted=true"))).toEqual([]);
    expect((await intruder.patch(`/api/contacts/${contact.id}`, { name: "Hacked", version: 1 })).statusCode).toBe(404);
    expect((await intruder.patch(`/api/contacts/${contact.id}`, { name: "Hacked" }, { "if-match": '"1"' })).statusCode).toBe(404);
    expect((await intruder.delete(`/api/contacts/${contact.id}`)).statusCode).toBe(404);
    expect((await intruder.post(`/api/contacts/${trashed.id}/restore`)).statusCode).toBe(404);

    const planted = await intruder.post("/api/contacts", { accountId: teamAccountId, name: "Planted" });
    const nowhere = await intruder.post("/api/contacts", { accountId: "0190a0a0-0000-7000-8000-0000000000ff", name: "Planted" });
    expect(planted.statusCode).toBe(400);
    expect(planted.json().errors).toEqual(nowhere.json().errors);

    const own = (await intruder.post("/api/contacts", { accountId: (await buildAccount(t.db, intruder.orgId)).id, name: "Own" })).json();
    const hijack = await intruder.patch(`/api/contacts/${own.id}`, { reportsToContactId: contact.id, version: 1 });
    expect(hijack.statusCode).toBe(400);

    expect((await admin.get(`/api/contacts/${contact.id}`)).json()).toMatchObject({ name: "Org A Secret", version: 1, deletedAt: null });
    expect(ids(await admin.get("/api/contacts?deleted=true"))).toContain(trashed.id);
    expect(ids(await admin.get(`/api/contacts?accountId=${teamAccountId}&q=Planted`))).toEqual([]);
  });
});
