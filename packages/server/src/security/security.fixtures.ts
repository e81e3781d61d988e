import { accounts, accountTeamMembers, accountTierChanges, analysisRuns, apiTokens, contacts, importRejections, imports, interactionContacts, interactions, interactionUsers, memberships, newId, orderLines, orders, products, savedViews, sessions, tasks, users, withNameKey, type Db } from "@openkam/db";
import type { OrgRole } from "@openkam/domain";
import { sql } from "drizzle-orm";
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from "fastify";
import { newSecret, sha256 } from "../auth/secrets";
import { resultsFromRows, writeRunResults } from "../modules/analytics/result-blocks";
import { systemScope } from "../tenancy/scope";
import { testPasswordHash, type Client, type TestApp } from "../testing/test-app";

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

function client(app: FastifyInstance, me: { userId: string; orgId: string; email: string; role: OrgRole }, headers: Record<string, string>): Client {
  const request = (method: Method, url: string, body?: unknown, extra: Record<string, string> = {}): Promise<LightMyRequestResponse> => {
    const options: InjectOptions = { method, url, headers: { ...headers, ...extra } };
    if (body !== undefined) options.payload = body as InjectOptions["payload"];
    return app.inject(options);
  };
  return {
    ...me,
    request,
    get: (url, h) => request("GET", url, undefined, h),
    post: (url, body, h) => request("POST", url, body ?? {}, h),
    patch: (url, body, h) => request("PATCH", url, body, h),
    put: (url, body, h) => request("PUT", url, body, h),
    delete: (url, h) => request("DELETE", url, undefined, h),
  };
}

/**
 * A member with a live session, made without the (deliberately slow) argon2
 * sign-in: the rows a sign-in would write, then the real cookie and CSRF
 * checks on every request. Sign-in itself is attacked in sessions.int.test.ts.
 */
export async function memberWithSession(t: TestApp, orgId: string, role: OrgRole): Promise<Client> {
  const userId = newId();
  const email = `sec-${userId.slice(-12)}@example.test`;
  await t.db.orm.insert(users).values(withNameKey({ id: userId, email, name: `Security ${role} ${userId.slice(-4)}`, passwordHash: await testPasswordHash() }));
  await t.db.orm.insert(memberships).values({ orgId, userId, role });
  const cookie = newSecret();
  const csrf = newSecret();
  await t.db.orm.insert(sessions).values({ tokenHash: sha256(cookie), orgId, userId, csrfToken: csrf, expiresAt: new Date(Date.now() + 86_400_000) });
  return client(t.app, { userId, orgId, email, role }, { cookie: `openkam_session=${cookie}`, "x-csrf-token": csrf });
}

/** An API token of an existing member, used with Authorization: Bearer (no cookie, no CSRF token). */
export async function bearerFor(t: TestApp, member: Client, role: OrgRole = member.role): Promise<Client & { token: string; tokenId: string }> {
  const token = newSecret("okam_");
  const tokenId = newId();
  await t.db.orm.insert(apiTokens).values({ orgId: member.orgId, id: tokenId, userId: member.userId, name: "security", prefix: token.slice(0, 12), tokenHash: sha256(token), role });
  return Object.assign(client(t.app, { ...member, role }, { authorization: `Bearer ${token}` }), { token, tokenId });
}

/** One record of every kind, in one organization, written straight to the tables. */
export interface Tenant {
  orgId: string;
  userId: string;
  accountId: string;
  accountName: string;
  contactId: string;
  contactName: string;
  productId: string;
  productSku: string;
  orderId: string;
  orderExternalId: string;
  interactionId: string;
  interactionSubject: string;
  taskId: string;
  taskTitle: string;
  viewId: string;
  importId: string;
  runId: string;
  tokenId: string;
  token: string;
}

export async function seedTenant(db: Db, orgId: string, userId: string, label: string): Promise<Tenant> {
  const ids = { accountId: newId(), contactId: newId(), productId: newId(), orderId: newId(), interactionId: newId(), taskId: newId(), viewId: newId(), importId: newId(), runId: newId(), tokenId: newId() };
  const tag = `${label}${ids.accountId.slice(-6)}`;
  const names = {
    accountName: `Secret Account ${tag}`, contactName: `Secret Contact ${tag}`, productSku: `SECRET-${tag}`,
    orderExternalId: `SECRET-ORDER-${tag}`, interactionSubject: `Secret Meeting ${tag}`, taskTitle: `Secret Task ${tag}`,
  };
  const token = newSecret("okam_");
  await db.orm.insert(accounts).values(withNameKey({ orgId, id: ids.accountId, name: names.accountName, currency: "CNY", tier: "strategic", ownerUserId: userId, externalId: `SECRET-ACC-${tag}`, customFields: { secret: tag } }));
  await db.orm.insert(accountTeamMembers).values({ orgId, accountId: ids.accountId, userId, teamRole: "kam_lead", allocationPct: 50 });
  await db.orm.insert(contacts).values(withNameKey({ orgId, id: ids.contactId, accountId: ids.accountId, name: names.contactName, email: `secret-${tag}@example.test`, externalId: `SECRET-CON-${tag}` }));
  await db.orm.insert(products).values(withNameKey({ orgId, id: ids.productId, sku: names.productSku, name: `Secret Product ${tag}`, listPrice: "10.0000", currency: "CNY" }));
  await db.orm.insert(orders).values({ orgId, id: ids.orderId, accountId: ids.accountId, orderDate: "2024-05-01", currency: "CNY", amount: "250.00", externalId: names.orderExternalId });
  await db.orm.insert(orderLines).values({ orgId, orderId: ids.orderId, lineNo: 1, productId: ids.productId, quantity: "25.0000", unitPrice: "10.0000", amount: "250.00" });
  await db.orm.insert(interactions).values({
    orgId, id: ids.interactionId, accountId: ids.accountId, type: "meeting", occurredAt: new Date("2024-05-02T08:00:00Z"), subject: names.interactionSubject,
    nextStep: "Send the secret offer", externalId: `SECRET-INT-${tag}`,
  });
  await db.orm.insert(interactionContacts).values({ orgId, interactionId: ids.interactionId, contactId: ids.contactId });
  await db.orm.insert(interactionUsers).values({ orgId, interactionId: ids.interactionId, userId });
  await db.orm.insert(tasks).values({ orgId, id: ids.taskId, title: names.taskTitle, accountId: ids.accountId, assigneeUserId: userId, dueDate: "2030-01-01" });
  await db.orm.insert(savedViews).values(withNameKey({ orgId, id: ids.viewId, userId, entity: "accounts", name: `Secret View ${tag}`, state: { filters: { q: tag } }, shared: true }));
  await db.orm.insert(imports).values({ orgId, id: ids.importId, entity: "accounts", mode: "valid-rows", status: "succeeded", fileName: `secret-${tag}.csv`, format: "csv", fileSize: 10, rowsRead: 1, rowsRejected: 1 });
  await db.orm.insert(importRejections).values({ orgId, importId: ids.importId, line: 2, seq: 1, column: "name", reason: "Secret reason", raw: { name: tag } });
  await db.orm.insert(analysisRuns).values({
    orgId, id: ids.runId, kind: "selection", status: "succeeded", asOf: "2024-06-30", currency: "CNY", scope: "organization", createdBy: userId, accountCount: 1,
    parameters: { rule: { field: "industry", op: "eq", value: `Secret ${tag}` } },
    summary: { excludedOrders: { currency: 0, future: 0 }, rule: { field: "industry", op: "eq", value: `Secret ${tag}` }, selected: 1, notSelected: 0, sources: { quadrant: null, rfmSegment: null, abcClass: null, clv: null } },
  });
  await writeRunResults(db, systemScope(orgId), ids.runId, resultsFromRows([{ accountId: ids.accountId, grp: "selected", rank: 1, values: { passed: true, conditions: [] } }]));
  await db.orm.insert(accountTierChanges).values({ orgId, id: newId(), accountId: ids.accountId, fromTier: "key", toTier: "strategic", reason: `Secret reason ${tag}`, runId: ids.runId, changedBy: userId });
  await db.orm.insert(apiTokens).values({ orgId, id: ids.tokenId, userId, name: `Secret Token ${tag}`, prefix: token.slice(0, 12), tokenHash: sha256(token), role: "admin" });
  return { orgId, userId, ...ids, ...names, token };
}

/**
 * A fingerprint of everything an organization owns: every table with an
 * org_id column (found in the catalogue, so new tables are covered without
 * changing this), plus its members' user rows. Sessions are left out: reading
 * with one legitimately moves its last-seen time.
 */
export async function snapshotOrg(db: Db, orgId: string): Promise<Record<string, string>> {
  const tables = await db.rows<{ table_name: string }>(sql`
    select table_name from information_schema.columns
    where column_name = 'org_id' and table_schema = current_schema() and table_name not in ('sessions', 'jobs')
    order by table_name`);
  const result: Record<string, string> = {};
  for (const { table_name } of tables) {
    const [row] = await db.rows<{ digest: string; n: number }>(sql`
      select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as digest, count(*)::int as n
      from ${sql.identifier(table_name)} x where org_id = ${orgId}`);
    result[table_name] = `${row!.n}:${row!.digest}`;
  }
  const [people] = await db.rows<{ digest: string }>(sql`
    select md5(coalesce(string_agg(u::text, '|' order by u::text), '')) as digest
    from ${users} u where u.id in (select user_id from ${memberships} where org_id = ${orgId})`);
  const [org] = await db.rows<{ row: string }>(sql`select o::text as row from organizations o where o.id = ${orgId}`);
  result.users = people!.digest;
  result.organization = org!.row;
  return result;
}

/** A small multipart upload, as a browser would send it. */
export function multipartCsv(entity: string, csv: string): { body: string; headers: Record<string, string> } {
  const boundary = "----openkam-security-test";
  const body = [
    `--${boundary}`, 'Content-Disposition: form-data; name="entity"', "", entity,
    `--${boundary}`, 'Content-Disposition: form-data; name="mode"', "", "valid-rows",
    `--${boundary}`, `Content-Disposition: form-data; name="file"; filename="${entity}.csv"`, "Content-Type: text/csv", "", csv,
    `--${boundary}--`, "",
  ].join("\r\n");
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}
