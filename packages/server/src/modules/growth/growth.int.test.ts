import { seedDemoGrowth } from "@openkam/db/seed/demo-growth";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { buildOrder } from "@openkam/db/testing/builders-activity";
import { buildContact, buildProduct } from "@openkam/db/testing/builders-people";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";

let t: TestApp;
let admin: Client;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.newOrgWithUser("admin");
});
afterAll(async () => t?.close());

const MISSING = "0190a0a0-0000-7000-8000-000000000000";
const today = () => new Date().toISOString().slice(0, 10);
const daysFromNow = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
const fields = (res: { json(): { errors?: Array<{ field: string }> } }) => (res.json().errors ?? []).map((e) => e.field);
const auditOf = (entityId: string) => t.db.rows<{ action: string; entity_type: string }>(sql`select action, entity_type from audit_log where entity_id = ${entityId} order by id`);

describe("names in lists", () => {
  it("lists business units, and opportunities closing the same day, by name with Chinese names by pinyin, following renames", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const units = `/api/accounts/${account.id}/business-units`;
    const made: Record<string, { id: string }> = {};
    for (const name of ["重庆工厂", "Zeta site", "北京总部", "Alpha lab"]) made[name] = (await admin.post(units, { name })).json();
    const unitNames = async () => (await admin.get(units)).json().items.map((u: { name: string }) => u.name);
    // 重庆 reads chóng qìng: under C.
    expect(await unitNames()).toEqual(["Alpha lab", "北京总部", "重庆工厂", "Zeta site"]);
    expect((await admin.patch(`${units}/${made["Zeta site"]!.id}`, { name: "安徽分厂", version: 1 })).statusCode).toBe(200);
    expect(await unitNames()).toEqual(["Alpha lab", "安徽分厂", "北京总部", "重庆工厂"]);

    const deals = `/api/accounts/${account.id}/opportunities`;
    const close = daysFromNow(40);
    for (const name of ["北方项目", "Audit", "阿里云迁移"]) await admin.post(deals, { name, value: "100.00", currency: "CNY", probability: 50, expectedCloseDate: close });
    // a li yun…, audit, bei fang…: code points would put 北 before 阿
    expect((await admin.get(deals)).json().items.map((o: { name: string }) => o.name)).toEqual(["阿里云迁移", "Audit", "北方项目"]);
  });
});

describe("opportunities", () => {
  it("creates, changes and deletes opportunities with versions, totals by stage and a weighted pipeline per currency, all audited", async () => {
    const account = await buildAccount(t.db, admin.orgId, { name: "Pipeline GmbH" });
    const product = await buildProduct(t.db, admin.orgId, { name: "Servo Drive" });
    const url = `/api/accounts/${account.id}/opportunities`;
    const first = await admin.post(url, { name: "Line upgrade", value: "100000.00", currency: "CNY", probability: 25, expectedCloseDate: daysFromNow(30), productId: product.id });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      name: "Line upgrade", stage: "qualify", value: "100000.00", weightedValue: "25000.00", ownerUserId: admin.userId, productName: "Servo Drive",
      accountName: "Pipeline GmbH", version: 1,
    });
    await admin.post(url, { name: "Retrofit", stage: "negotiate", value: 2000.5, currency: "CNY", probability: 80 });
    await admin.post(url, { name: "Export", stage: "propose", value: "1000", currency: "USD", probability: 50 });
    const won = (await admin.post(url, { name: "Spare parts", stage: "won", value: "500.00", currency: "CNY", probability: 100 })).json();

    const list = (await admin.get(url)).json();
    expect(list.items.map((o: { name: string }) => o.name)).toEqual(["Line upgrade", "Export", "Retrofit", "Spare parts"]);
    expect(list.weightedPipeline).toEqual([
      { currency: "CNY", count: 2, total: "102000.50", weighted: "26600.40" },
      { currency: "USD", count: 1, total: "1000.00", weighted: "500.00" },
    ]);
    expect(list.stageTotals.map((s: { stage: string; currency: string }) => `${s.stage}/${s.currency}`)).toEqual(["qualify/CNY", "propose/USD", "negotiate/CNY", "won/CNY"]);

    const id = first.json().id as string;
    const moved = await admin.patch(`/api/opportunities/${id}`, { stage: "propose", probability: 50 }, { "if-match": '"1"' });
    expect(moved.statusCode).toBe(200);
    expect(moved.json()).toMatchObject({ stage: "propose", weightedValue: "50000.00", version: 2 });
    expect(moved.headers.etag).toBe('"2"');
    expect((await admin.patch(`/api/opportunities/${id}`, { probability: 60 }, { "if-match": '"1"' })).statusCode).toBe(412);
    expect((await admin.patch(`/api/opportunities/${id}`, { probability: 60, version: 1 })).json().code).toBe("VERSION_CONFLICT");
    expect((await admin.delete(`/api/opportunities/${won.id}?version=1`)).statusCode).toBe(204);
    expect((await admin.delete(`/api/opportunities/${won.id}?version=1`)).statusCode).toBe(404);
    expect(await auditOf(id)).toEqual([{ action: "create", entity_type: "opportunity" }, { action: "update", entity_type: "opportunity" }]);
    expect((await auditOf(won.id)).map((a) => a.action)).toEqual(["create", "delete"]);
  });

  it("lists the pipeline across the accounts a user sees, filtered, with totals over everything matched", async () => {
    const org = await t.newOrgWithUser("admin");
    const kam = await t.newUser(org.orgId, "account_manager");
    const mine = await buildAccount(t.db, org.orgId, { name: "Mine AG" });
    const theirs = await buildAccount(t.db, org.orgId, { name: "Theirs AG" });
    await buildTeamMember(t.db, org.orgId, mine.id, kam.userId);
    for (const [account, name, stage, probability] of [[mine, "A", "qualify", 10], [mine, "B", "won", 100], [theirs, "C", "develop", 40], [mine, "D", "develop", 30]] as const) {
      expect((await org.post(`/api/accounts/${account.id}/opportunities`, { name, stage, value: "1000.00", currency: "CNY", probability, expectedCloseDate: daysFromNow(name.charCodeAt(0)) })).statusCode).toBe(201);
    }
    const all = (await org.get("/api/opportunities")).json();
    expect(all.items.map((o: { name: string }) => o.name)).toEqual(["A", "B", "C", "D"]);
    expect(all.weightedPipeline).toEqual([{ currency: "CNY", count: 3, total: "3000.00", weighted: "800.00" }]);
    const seen = (await kam.get("/api/opportunities?open=true")).json();
    expect(seen.items.map((o: { name: string }) => o.name)).toEqual(["A", "D"]);
    expect(seen.stageTotals).toEqual([
      { stage: "qualify", currency: "CNY", count: 1, total: "1000.00", weighted: "100.00" },
      { stage: "develop", currency: "CNY", count: 1, total: "1000.00", weighted: "300.00" },
    ]);
    const page = (await org.get("/api/opportunities?stage=qualify,develop&limit=1")).json();
    expect(page).toMatchObject({ truncated: true, items: [{ name: "A" }] });
    expect(page.stageTotals.map((s: { count: number }) => s.count)).toEqual([1, 2]);
    expect((await org.get("/api/opportunities?q=theirs")).json().items.map((o: { name: string }) => o.name)).toEqual(["C"]);
    expect((await org.get(`/api/opportunities?closeFrom=${daysFromNow(10)}&closeTo=${daysFromNow(1)}`)).statusCode).toBe(400);
    expect((await org.get("/api/opportunities?stage=maybe")).statusCode).toBe(400);
  });

  it("refuses bad input with field messages, never a 500", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const url = `/api/accounts/${account.id}/opportunities`;
    const base = { name: "Deal", value: "10.00", currency: "CNY", probability: 50 };
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ probability: 101 }, "body.probability"], [{ probability: -1 }, "body.probability"], [{ probability: 12.5 }, "body.probability"],
      [{ value: "-5.00" }, "body.value"], [{ value: "1.234" }, "body.value"], [{ value: "abc" }, "body.value"], [{ currency: "yuan" }, "body.currency"],
      [{ stage: "maybe" }, "body.stage"], [{ name: "x".repeat(201) }, "body.name"], [{ name: "" }, "body.name"], [{ expectedCloseDate: "2026-02-30" }, "body.expectedCloseDate"],
      [{ notes: "a\u0000b" }, "body.notes"],
    ];
    for (const [override, field] of cases) {
      const res = await admin.post(url, { ...base, ...override });
      expect(res.statusCode, JSON.stringify(override)).toBe(400);
      expect(res.headers["content-type"]).toMatch(/problem\+json/);
      expect(fields(res)).toContain(field);
    }
    expect((await admin.post(url, { ...base, orgId: MISSING })).statusCode).toBe(400);
    expect(fields(await admin.post(url, { ...base, ownerUserId: MISSING }))).toEqual(["ownerUserId"]);
    expect(fields(await admin.post(url, { ...base, productId: MISSING }))).toEqual(["productId"]);
    expect(fields(await admin.post(url, { ...base, businessUnitId: MISSING }))).toEqual(["businessUnitId"]);
  });

  it("keeps viewers read-only and other organizations' and other teams' opportunities out of reach", async () => {
    const org = await t.newOrgWithUser("admin");
    const account = await buildAccount(t.db, org.orgId);
    const elsewhere = await buildAccount(t.db, org.orgId);
    const viewer = await t.newUser(org.orgId, "viewer");
    const member = await t.newUser(org.orgId, "member");
    for (const c of [viewer, member]) await buildTeamMember(t.db, org.orgId, account.id, c.userId);
    const opp = (await org.post(`/api/accounts/${account.id}/opportunities`, { name: "X", value: "1", currency: "CNY", probability: 1 })).json();
    const hidden = (await org.post(`/api/accounts/${elsewhere.id}/opportunities`, { name: "Y", value: "1", currency: "CNY", probability: 1 })).json();
    expect((await viewer.get(`/api/accounts/${account.id}/opportunities`)).statusCode).toBe(200);
    expect((await viewer.post(`/api/accounts/${account.id}/opportunities`, { name: "V", value: "1", currency: "CNY", probability: 1 })).statusCode).toBe(403);
    expect((await viewer.patch(`/api/opportunities/${opp.id}`, { probability: 5, version: 1 })).statusCode).toBe(403);
    expect((await viewer.delete(`/api/opportunities/${opp.id}?version=1`)).statusCode).toBe(403);
    expect((await member.patch(`/api/opportunities/${opp.id}`, { probability: 5, version: 1 })).statusCode).toBe(200);
    expect((await member.patch(`/api/opportunities/${hidden.id}`, { probability: 5, version: 1 })).statusCode).toBe(404);
    expect((await member.post(`/api/accounts/${elsewhere.id}/opportunities`, { name: "M", value: "1", currency: "CNY", probability: 1 })).statusCode).toBe(404);
    expect((await admin.get(`/api/accounts/${account.id}/opportunities`)).statusCode).toBe(404);
    expect((await admin.patch(`/api/opportunities/${opp.id}`, { probability: 5, version: 2 })).statusCode).toBe(404);
    expect((await admin.delete(`/api/opportunities/${opp.id}?version=2`)).statusCode).toBe(404);
    expect((await admin.get("/api/opportunities")).json().items.map((o: { id: string }) => o.id)).not.toContain(opp.id);
  });
});

describe("whitespace", () => {
  it("derives bought from recent orders and in pipeline from open opportunities, and keeps the user's calls with values", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const drive = await buildProduct(t.db, admin.orgId, { name: "Drive", category: "drives" });
    const sensor = await buildProduct(t.db, admin.orgId, { name: "Sensor", category: "sensors" });
    const old = await buildProduct(t.db, admin.orgId, { name: "Old PLC", category: "controllers", isActive: false });
    await buildOrder(t.db, admin.orgId, account.id, { orderDate: daysFromNow(-40), lines: [{ productId: drive.id, quantity: "1", unitPrice: "10", amount: "10.00" }] });
    await buildOrder(t.db, admin.orgId, account.id, { orderDate: daysFromNow(-800), lines: [{ productId: old.id, quantity: "1", unitPrice: "10", amount: "10.00" }] });
    const units = `/api/accounts/${account.id}/business-units`;
    const plant = (await admin.post(units, { name: "Plant North", kind: "site" })).json();
    const hq = (await admin.post(units, { name: "HQ" })).json();
    expect((await admin.post(units, { name: " plant north " })).statusCode).toBe(409);
    await admin.post(`/api/accounts/${account.id}/opportunities`, { name: "Sensors for HQ", value: "500.00", currency: "CNY", probability: 40, productId: sensor.id, businessUnitId: hq.id });

    const put = await admin.put(`/api/accounts/${account.id}/whitespace/cells`, {
      cells: [
        { businessUnitId: plant.id, productId: sensor.id, state: "opportunity", estimatedValue: "12000.00", currency: "CNY", version: 0 },
        { businessUnitId: hq.id, productId: old.id, state: "not_relevant" },
      ],
    });
    expect(put.statusCode).toBe(200);
    const map = put.json();
    expect(map.businessUnits.map((u: { name: string }) => u.name)).toEqual(["HQ", "Plant North"]);
    expect(map.products.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["Drive", "Sensor", "Old PLC"]));
    expect(map.products.find((p: { id: string }) => p.id === drive.id).lastOrderDate).toBe(daysFromNow(-40));
    const cell = (unit: string, product: string) => map.cells.find((c: { businessUnitId: string; productId: string }) => c.businessUnitId === unit && c.productId === product);
    expect(cell(plant.id, drive.id)).toMatchObject({ state: "bought", boughtRecently: true });
    expect(cell(hq.id, drive.id)).toMatchObject({ state: "bought" });
    expect(cell(hq.id, sensor.id)).toMatchObject({ state: "in_pipeline", openOpportunities: 1, manualState: null });
    expect(cell(plant.id, sensor.id)).toMatchObject({ state: "opportunity", estimatedValue: "12000.00", currency: "CNY", version: 1 });
    expect(cell(hq.id, old.id)).toMatchObject({ state: "not_relevant", boughtRecently: false });
    expect(cell(plant.id, old.id)).toBeUndefined();
    expect(map.totals).toEqual([{ state: "opportunity", currency: "CNY", cells: 1, estimatedValue: "12000.00" }]);

    const stale = await admin.put(`/api/accounts/${account.id}/whitespace/cells`, { cells: [{ businessUnitId: plant.id, productId: sensor.id, state: "not_relevant", version: 0 }] });
    expect(stale.statusCode).toBe(409);
    expect((await auditOf(plant.id)).map((a) => `${a.entity_type}:${a.action}`)).toEqual(["business_unit:create", "whitespace_cell:create"]);

    const renamed = await admin.patch(`${units}/${plant.id}`, { name: "Plant North-East", version: 1 });
    expect(renamed.json()).toMatchObject({ name: "Plant North-East", version: 2 });
    expect((await admin.delete(`${units}/${hq.id}?version=1`)).statusCode).toBe(204);
    const after = (await admin.get(`/api/accounts/${account.id}/opportunities`)).json();
    expect(after.items[0]).toMatchObject({ businessUnitId: null, name: "Sensors for HQ" });
  });

  it("refuses cells of another account's units, unknown products, values without currency, and writes by viewers", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const other = await buildAccount(t.db, admin.orgId);
    const product = await buildProduct(t.db, admin.orgId);
    const unit = (await admin.post(`/api/accounts/${account.id}/business-units`, { name: "U" })).json();
    const foreign = (await admin.post(`/api/accounts/${other.id}/business-units`, { name: "F" })).json();
    const url = `/api/accounts/${account.id}/whitespace/cells`;
    expect(fields(await admin.put(url, { cells: [{ businessUnitId: foreign.id, productId: product.id, state: "opportunity" }] }))).toEqual(["cells.0.businessUnitId"]);
    expect(fields(await admin.put(url, { cells: [{ businessUnitId: unit.id, productId: MISSING, state: "opportunity" }] }))).toEqual(["cells.0.productId"]);
    expect((await admin.put(url, { cells: [{ businessUnitId: unit.id, productId: product.id, state: "opportunity", estimatedValue: "5.00" }] })).statusCode).toBe(400);
    expect((await admin.put(url, { cells: [{ businessUnitId: unit.id, productId: product.id, state: "in_pipeline" }] })).statusCode).toBe(400);
    expect((await admin.put(url, { cells: [] })).statusCode).toBe(400);
    expect((await admin.post(`/api/accounts/${account.id}/business-units`, { name: "K", kind: "galaxy" })).statusCode).toBe(400);
    const viewer = await t.newUser(admin.orgId, "viewer");
    await buildTeamMember(t.db, admin.orgId, account.id, viewer.userId);
    expect((await viewer.get(`/api/accounts/${account.id}/whitespace`)).statusCode).toBe(200);
    expect((await viewer.put(url, { cells: [{ businessUnitId: unit.id, productId: product.id, state: "opportunity" }] })).statusCode).toBe(403);
    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.get(`/api/accounts/${account.id}/whitespace`)).statusCode).toBe(404);
    expect((await intruder.delete(`/api/accounts/${account.id}/business-units/${unit.id}?version=1`)).statusCode).toBe(404);
  });
});

describe("value co-creation", () => {
  it("shows the customer's ROI and refuses a target date before the start", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const contact = await buildContact(t.db, admin.orgId, account.id, { name: "Ms Plant" });
    const url = `/api/accounts/${account.id}/initiatives`;
    const created = await admin.post(url, {
      title: "Energy programme", valueKind: "cost_saved", customerContactId: contact.id, currency: "CNY",
      valuePromised: "300000.00", valueDelivered: "250000.00", investment: "100000.00", startDate: "2026-01-01", targetDate: "2026-12-31",
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ roi: 1.5, customerContactName: "Ms Plant", ownerUserId: admin.userId, status: "proposed" });
    const id = created.json().id as string;
    expect(fields(await admin.patch(`/api/initiatives/${id}`, { targetDate: "2025-12-31", version: 1 }))).toEqual(["targetDate"]);
    expect(fields(await admin.post(url, { title: "Bad", currency: "CNY", startDate: "2026-05-01", targetDate: "2026-04-01" }))).toEqual(["targetDate"]);
    const updated = await admin.patch(`/api/initiatives/${id}`, { valueDelivered: "50000.00", status: "active", version: 1 });
    expect(updated.json()).toMatchObject({ roi: -0.5, status: "active", version: 2 });
    expect((await admin.post(url, { title: "Free", currency: "CNY", valueDelivered: "10.00" })).json().roi).toBeNull();
    expect((await admin.post(url, { title: "Neg", currency: "CNY", investment: "-1" })).statusCode).toBe(400);
    const other = await buildAccount(t.db, admin.orgId);
    const stranger = await buildContact(t.db, admin.orgId, other.id);
    expect(fields(await admin.post(url, { title: "X", currency: "CNY", customerContactId: stranger.id }))).toEqual(["customerContactId"]);
    expect((await admin.get(url)).json().items).toHaveLength(2);
    const viewer = await t.newUser(admin.orgId, "viewer");
    expect((await viewer.patch(`/api/initiatives/${id}`, { status: "delivered", version: 2 })).statusCode).toBe(403);
    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.patch(`/api/initiatives/${id}`, { status: "delivered", version: 2 })).statusCode).toBe(404);
    expect((await admin.delete(`/api/initiatives/${id}?version=2`)).statusCode).toBe(204);
    expect((await auditOf(id)).map((a) => a.action)).toEqual(["create", "update", "delete"]);
  });
});

describe("customer journey", () => {
  it("starts from the default stages, saves an edited map with versions, and turns an action into a task once", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const url = `/api/accounts/${account.id}/journey`;
    const initial = (await admin.get(url)).json();
    expect(initial).toMatchObject({ version: 0, updatedAt: null });
    expect(initial.stages.map((s: { key: string }) => s.key)).toEqual(["evaluate", "buy", "onboard", "use", "renew"]);
    const painId = "pain-1";
    const actionId = "0190a0a0-0000-7000-8000-00000000a001";
    const stages = [
      { key: "evaluate", name: "Evaluate", touchpoints: [{ id: "tp-1", name: "Trade fair", channel: "event" }], painPoints: [], actions: [] },
      {
        key: "use", name: "Use", touchpoints: [],
        painPoints: [{ id: painId, description: "Slow spare parts", severity: 4 }],
        actions: [{ id: actionId, description: "Consignment stock on site", painPointId: painId, dueDate: daysFromNow(30), taskId: MISSING }],
      },
    ];
    const saved = await admin.put(url, { stages, version: 0 });
    expect(saved.statusCode).toBe(200);
    expect(saved.json().version).toBe(1);
    expect(saved.json().stages[1].actions[0].taskId).toBeNull();
    expect((await admin.put(url, { stages, version: 0 })).statusCode).toBe(409);

    const task = await admin.post(`${url}/actions/${actionId}/task`, {});
    expect(task.statusCode).toBe(201);
    const taskId = task.json().taskId as string;
    expect(task.json().journey.stages[1].actions[0].taskId).toBe(taskId);
    expect((await admin.post(`${url}/actions/${actionId}/task`, {})).statusCode).toBe(409);
    const [row] = await t.db.rows<{ title: string; source_type: string; source_id: string; account_id: string; due_date: string }>(
      sql`select title, source_type, source_id, account_id, due_date::text from tasks where id = ${taskId}`);
    expect(row).toEqual({ title: "Consignment stock on site", source_type: "journey", source_id: actionId, account_id: account.id, due_date: daysFromNow(30) });
    const resaved = await admin.put(url, { stages, version: 2 });
    expect(resaved.json().stages[1].actions[0].taskId).toBe(taskId);
    expect((await auditOf(account.id)).filter((a) => a.entity_type === "customer_journey").map((a) => a.action)).toEqual(["create", "update", "update"]);
  });

  it("refuses broken maps and writes by those who may not", async () => {
    const account = await buildAccount(t.db, admin.orgId);
    const url = `/api/accounts/${account.id}/journey`;
    const stage = (over: Record<string, unknown> = {}) => ({ key: "use", name: "Use", touchpoints: [], painPoints: [], actions: [], ...over });
    expect((await admin.put(url, { stages: [] })).statusCode).toBe(400);
    expect(fields(await admin.put(url, { stages: [stage(), stage({ key: "use2", name: " use " })] }))).toEqual(["stages"]);
    expect((await admin.put(url, { stages: [stage({ painPoints: [{ id: "p", description: "x", severity: 6 }] })] })).statusCode).toBe(400);
    expect((await admin.put(url, { stages: [stage({ painPoints: [{ id: "p", description: "x", severity: 0 }] })] })).statusCode).toBe(400);
    expect(fields(await admin.put(url, { stages: [stage({ touchpoints: [{ id: "p", name: "a" }], painPoints: [{ id: "p", description: "x", severity: 2 }] })] }))).toEqual(["stages.0.painPoints.0.id"]);
    expect(fields(await admin.put(url, { stages: [stage({ actions: [{ id: MISSING, description: "a", painPointId: "nope" }] })] }))).toEqual(["stages.0.actions.0.painPointId"]);
    expect((await admin.put(url, { stages: [stage({ name: "x".repeat(101) })] })).statusCode).toBe(400);
    expect((await admin.put(url, { stages: Array.from({ length: 21 }, (_, i) => stage({ key: `k${i}`, name: `n${i}` })) })).statusCode).toBe(400);
    expect((await admin.post(`${url}/actions/${MISSING}/task`, {})).statusCode).toBe(404);
    const viewer = await t.newUser(admin.orgId, "viewer");
    expect((await viewer.put(url, { stages: [stage()] })).statusCode).toBe(403);
    const intruder = await t.newOrgWithUser("admin");
    expect((await intruder.get(url)).statusCode).toBe(404);
    expect((await intruder.put(url, { stages: [stage()] })).statusCode).toBe(404);
  });
});

describe("demo growth data", () => {
  it("seeds opportunities, whitespace, initiatives and journeys from the accounts already there", async () => {
    const org = await t.newOrgWithUser("admin");
    const products = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => buildProduct(t.db, org.orgId, { name: `P${i}` })));
    for (let i = 0; i < 35; i++) {
      const account = await buildAccount(t.db, org.orgId, { name: `Account ${i}`, tier: i < 3 ? "strategic" : i < 10 ? "key" : "standard", ownerUserId: org.userId });
      if (i < 3) await buildContact(t.db, org.orgId, account.id);
    }
    await t.db.transaction((tx) => seedDemoGrowth(tx, org.orgId));
    const [counts] = await t.db.rows<Record<string, number>>(sql`select
      (select count(distinct account_id)::int from opportunities where org_id = ${org.orgId}) as "accountsWithOpportunities",
      (select count(*)::int from account_business_units where org_id = ${org.orgId}) as "units",
      (select count(*)::int from growth_initiatives where org_id = ${org.orgId}) as "initiatives",
      (select count(*)::int from customer_journeys where org_id = ${org.orgId}) as "journeys"`);
    expect(counts).toMatchObject({ accountsWithOpportunities: 30, journeys: 2 });
    expect(counts!.units).toBeGreaterThanOrEqual(9);
    expect(counts!.initiatives).toBeGreaterThanOrEqual(3);
    expect(products).toHaveLength(6);
    const pipeline = await org.get("/api/opportunities?limit=500");
    expect(pipeline.statusCode).toBe(200);
    expect(pipeline.json().items.length).toBeGreaterThanOrEqual(30);
    const [strategic] = await t.db.rows<{ id: string }>(sql`select account_id as id from customer_journeys where org_id = ${org.orgId} limit 1`);
    expect((await org.get(`/api/accounts/${strategic!.id}/journey`)).json().version).toBe(1);
    expect((await org.get(`/api/accounts/${strategic!.id}/whitespace`)).json().businessUnits.length).toBeGreaterThanOrEqual(3);
    expect((await org.get(`/api/accounts/${strategic!.id}/initiatives`)).json().items.every((i: { roi: number | null }) => i.roi !== null)).toBe(true);
    expect(today()).toMatch(/^\d{4}-/);
  });
});
