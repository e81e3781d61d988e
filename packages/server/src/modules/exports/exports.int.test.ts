import { accounts, contacts, interactions, orderLines, orders, products } from "@openkam/db";
import { buildAccount, buildTeamMember } from "@openkam/db/testing/builders";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type Client, type TestApp } from "../../testing/test-app";
import { csv, upload } from "../imports/fixtures/upload.fixture";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.close());

async function importCsv(client: Client, entity: string, content: string) {
  const res = await upload(client, { entity }, { name: `${entity}.csv`, content });
  expect(res.statusCode, res.body).toBe(202);
  await t.jobs.drain();
  return (await client.get(`/api/imports/${res.json<{ id: string }>().id}`)).json<{ status: string; rowsAccepted: number; error: string | null }>();
}

async function exportCsv(client: Client, entity: string, query = "") {
  const res = await client.get(`/api/exports/${entity}.csv${query}`);
  expect(res.statusCode, res.body).toBe(200);
  expect(res.headers["content-type"]).toMatch(/^text\/csv/);
  expect(res.headers["content-disposition"]).toMatch(new RegExp(`^attachment; filename="openkam-${entity}-`));
  return res.body;
}

/** What an organization holds, without ids, for comparing two organizations. */
async function snapshot(orgId: string) {
  const q = <T>(query: ReturnType<typeof sql>) => t.db.rows<T>(query);
  return {
    accounts: await q(sql`select a.external_id, a.name, a.industry, a.currency, a.tier, a.status, a.tags, a.custom_fields, p.external_id as parent
      from ${accounts} a left join ${accounts} p on p.org_id = a.org_id and p.id = a.parent_account_id where a.org_id = ${orgId} order by a.external_id`),
    contacts: await q(sql`select c.external_id, c.name, c.buying_role, c.influence, c.attitude, a.external_id as account, m.external_id as manager
      from ${contacts} c join ${accounts} a on a.org_id = c.org_id and a.id = c.account_id
      left join ${contacts} m on m.org_id = c.org_id and m.id = c.reports_to_contact_id where c.org_id = ${orgId} order by c.external_id`),
    products: await q(sql`select sku, name, category, unit, list_price::text, currency, is_active from ${products} where org_id = ${orgId} order by sku`),
    orders: await q(sql`select o.external_id, a.external_id as account, o.order_date::text, o.currency, o.amount::text, o.status, o.notes,
      (select string_agg(l.line_no || ':' || p.sku || ':' || l.quantity || ':' || l.unit_price || ':' || l.amount, ' ' order by l.line_no)
        from ${orderLines} l join ${products} p on p.org_id = l.org_id and p.id = l.product_id where l.org_id = o.org_id and l.order_id = o.id) as lines
      from ${orders} o join ${accounts} a on a.org_id = o.org_id and a.id = o.account_id where o.org_id = ${orgId} order by o.external_id`),
    interactions: await q(sql`select i.external_id, a.external_id as account, i.type, i.occurred_at::text, i.subject, i.summary,
      (select count(*)::int from interaction_contacts ic where ic.org_id = i.org_id and ic.interaction_id = i.id) as contacts
      from ${interactions} i join ${accounts} a on a.org_id = i.org_id and a.id = i.account_id where i.org_id = ${orgId} order by i.external_id`),
  };
}

describe("GET /api/exports/{entity}.csv", () => {
  it("exports an organization that imports into another organization unchanged", async () => {
    const source = await t.newOrgWithUser("admin");
    expect(await importCsv(source, "accounts", csv([
      ["external_id", "name", "industry", "currency", "tier", "parent_external_id", "tags", "custom_fields"],
      ["A-2", "Subsidiary, Ltd", "制造", "CNY", "key", "A-1", "east;top", '{"segment":"A"}'],
      ["A-1", "Holding \"Group\"", "Finance", "EUR", "strategic", "", "", ""],
    ]))).toMatchObject({ status: "succeeded" });
    expect(await importCsv(source, "products", csv([["sku", "name", "category", "list_price", "currency"], ["P-1", "Pump", "Fluid", "10.5", "CNY"], ["P-2", "Valve", "", "", ""]]))).toMatchObject({ status: "succeeded" });
    expect(await importCsv(source, "contacts", csv([
      ["external_id", "account_external_id", "name", "buying_role", "influence", "attitude", "reports_to_external_id"],
      ["C-2", "A-2", "Wang Fang", "champion", "3", "-1", "C-1"],
      ["C-1", "A-2", "Li Wei", "decision_maker", "5", "2", ""],
    ]))).toMatchObject({ status: "succeeded" });
    expect(await importCsv(source, "orders", csv([
      ["external_id", "account_external_id", "order_date", "currency", "amount", "status", "notes", "line_no", "sku", "quantity", "unit_price"],
      ["O-1", "A-2", "2024-01-05", "CNY", "", "", "rush", "1", "P-1", "2", "10.5"],
      ["O-1", "A-2", "2024-01-05", "CNY", "", "", "rush", "2", "P-2", "1.25", "4"],
      ["O-2", "A-1", "2024-02-01", "EUR", "-40.00", "cancelled", "", "", "", "", ""],
    ]))).toMatchObject({ status: "succeeded" });
    expect(await importCsv(source, "interactions", csv([
      ["external_id", "account_external_id", "type", "occurred_at", "subject", "summary", "contact_external_ids"],
      ["I-1", "A-2", "visit", "2024-03-01T09:30:00Z", "Plant visit", "Line 2, new pumps", "C-1;C-2"],
    ]))).toMatchObject({ status: "succeeded" });
    // An account made in the app, without an external id, is referenced by its id.
    const plain = await buildAccount(t.db, source.orgId, { name: "Made in the app" });

    const target = await t.newOrgWithUser("admin");
    for (const entity of ["accounts", "products", "contacts", "orders", "interactions"]) {
      const file = await exportCsv(source, entity);
      expect(await importCsv(target, entity, file), entity).toMatchObject({ status: "succeeded" });
    }
    const before = await snapshot(source.orgId);
    const after = await snapshot(target.orgId);
    type Keyed = Record<string, unknown> & { external_id: string | null };
    before.accounts = (before.accounts as Keyed[]).map((a) => (a.external_id === null ? { ...a, external_id: plain.id } : a));
    (before.accounts as Keyed[]).sort((x, y) => String(x.external_id).localeCompare(String(y.external_id)));
    expect(after).toEqual(before);
    expect(after.orders).toHaveLength(2);
    expect((after.orders[0] as { lines: string }).lines).toBe("1:P-1:2.0000:10.5000:21.00 2:P-2:1.2500:4.0000:5.00");
    expect((after.orders[1] as { amount: string }).amount).toBe("-40.00");
  });

  it("neutralises formulas but keeps negative numbers in numeric columns", async () => {
    const admin = await t.newOrgWithUser("admin");
    await buildAccount(t.db, admin.orgId, { externalId: "=HYPERLINK(\"http://x\")", name: "@SUM(A1)", industry: "-2+3", region: "+1", legalName: "\tTab", currency: "CNY" });
    const body = await exportCsv(admin, "accounts");
    const [header, line] = body.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(header).toBe("external_id,name,legal_name,industry,region,country,currency,size,tier,status,owner_email,parent_external_id,tags,custom_fields");
    expect(line).toBe(`"'=HYPERLINK(""http://x"")",'@SUM(A1),'\tTab,'-2+3,'+1,,CNY,,standard,active,,,,`);

    await importCsv(admin, "accounts", csv([["external_id", "name", "currency"], ["A", "A", "CNY"]]));
    await importCsv(admin, "orders", csv([["external_id", "account_external_id", "order_date", "currency", "amount", "notes"], ["R-1", "A", "2024-01-01", "CNY", "-12.50", "=cmd|' /C calc'!A0"]]));
    const orderLine = (await exportCsv(admin, "orders")).trim().split("\r\n")[1];
    expect(orderLine).toBe("R-1,A,2024-01-01,CNY,-12.50,confirmed,'=cmd|' /C calc'!A0,,,,");
  });

  it("exports only what the user can see, and accepts the accounts list filters", async () => {
    const admin = await t.newOrgWithUser("admin");
    const mine = await buildAccount(t.db, admin.orgId, { name: "Mine", tier: "key", externalId: "M" });
    await buildAccount(t.db, admin.orgId, { name: "Theirs", tier: "growth", externalId: "T" });
    const am = await t.newUser(admin.orgId, "account_manager");
    await buildTeamMember(t.db, admin.orgId, mine.id, am.userId);
    const names = (body: string) => body.replace(/^\uFEFF/, "").trim().split("\r\n").slice(1).map((l) => l.split(",")[1]);
    expect(names(await exportCsv(am, "accounts"))).toEqual(["Mine"]);
    expect(names(await exportCsv(admin, "accounts")).sort()).toEqual(["Mine", "Theirs"]);
    expect(names(await exportCsv(admin, "accounts", "?tier=growth"))).toEqual(["Theirs"]);
    expect(names(await exportCsv(admin, "accounts", "?q=min"))).toEqual(["Mine"]);
    expect((await exportCsv(admin, "tasks")).replace(/^\uFEFF/, "").trim()).toBe("id,title,description,account_external_id,assignee_email,due_date,status,priority,completed_at");
    expect((await admin.get("/api/exports/planets.csv")).statusCode).toBe(400);
    const other = await t.newOrgWithUser("admin");
    expect(names(await exportCsv(other, "accounts"))).toEqual([]);
    expect(await t.db.orm.select().from(accounts).where(eq(accounts.orgId, other.orgId))).toHaveLength(0);
  });
});
