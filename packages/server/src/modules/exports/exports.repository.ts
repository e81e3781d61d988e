import type { TExportQuery } from "@openkam/contracts";
import { accounts, contacts, interactionContacts, interactions, interactionUsers, memberships, orderLines, orders, products, tasks, users, type Db } from "@openkam/db";
import { seesAllAccounts, type ExportEntity } from "@openkam/domain";
import { sql, type SQL } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { visibleAccount } from "../accounts/accounts.policy";
import { likePattern } from "../accounts/accounts.repository";

/**
 * One keyset page of an export: the rows after `after` in id order, each a
 * record of the export's field names. Records are referenced by external id;
 * a record without one is referenced by its id, so an export always imports
 * back (into this organization or another one) with its references intact.
 */
export type Cursor = { id: string; lineNo: number } | null;
export type ExportRow = Record<string, unknown> & { _id: string; _line?: number };

const ref = (alias: string) => sql.raw(`coalesce(${alias}.external_id, ${alias}.id::text)`);
const after = (column: SQL, cursor: Cursor) => (cursor ? sql`and ${column} > ${cursor.id}::uuid` : sql``);
const asList = <T>(v: T | T[] | undefined): T[] | undefined => (v === undefined ? undefined : Array.isArray(v) ? v : [v]);

function accountFilters(q: TExportQuery): SQL {
  const parts: SQL[] = [];
  const tiers = asList(q.tier);
  const statuses = asList(q.status);
  if (tiers) parts.push(sql`and ${accounts.tier} = any(${sql.param(tiers)}::text[])`);
  if (statuses) parts.push(sql`and ${accounts.status} = any(${sql.param(statuses)}::text[])`);
  if (q.ownerUserId) parts.push(sql`and ${accounts.ownerUserId} = ${q.ownerUserId}`);
  if (q.region) parts.push(sql`and ${accounts.region} = ${q.region}`);
  if (q.industry) parts.push(sql`and ${accounts.industry} = ${q.industry}`);
  if (q.q) parts.push(sql`and (${accounts.name} ilike ${likePattern(q.q)} or ${accounts.legalName} ilike ${likePattern(q.q)})`);
  return sql.join(parts, sql` `);
}

/** Tasks without an account follow their assignee and creator for roles that do not see everything. */
function visibleTask(scope: Scope): SQL {
  if (seesAllAccounts(scope.role) || scope.userId === null) return sql`true`;
  return sql`(case when ${tasks.accountId} is null then ${tasks.assigneeUserId} = ${scope.userId} or ${tasks.createdBy} = ${scope.userId} else ${visibleAccount(scope, tasks.accountId)} end)`;
}

const ISO = (col: SQL) => sql`to_char(${col} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

export function exportPage(db: Db, scope: Scope, entity: ExportEntity, cursor: Cursor, limit: number, query: TExportQuery = {}): Promise<ExportRow[]> {
  switch (entity) {
    case "accounts":
      return db.rows(sql`
        select ${accounts.id} as _id, ${ref("accounts")} as external_id, ${accounts.name} as name, ${accounts.legalName} as legal_name,
          ${accounts.industry} as industry, ${accounts.region} as region, ${accounts.country} as country, ${accounts.currency} as currency,
          ${accounts.size} as size, ${accounts.tier} as tier, ${accounts.status} as status, u.email as owner_email,
          ${ref("p")} as parent_external_id, array_to_string(${accounts.tags}, ';') as tags,
          case when ${accounts.customFields} = '{}'::jsonb then null else ${accounts.customFields}::text end as custom_fields
        from ${accounts}
        left join ${users} u on u.id = ${accounts.ownerUserId}
        left join ${accounts} p on p.org_id = ${accounts.orgId} and p.id = ${accounts.parentAccountId}
        where ${inOrg(scope, accounts.orgId)} and ${accounts.deletedAt} is null and ${visibleAccount(scope, accounts.id)}
          ${accountFilters(query)} ${after(sql`${accounts.id}`, cursor)}
        order by ${accounts.id} limit ${limit}`);
    case "contacts":
      return db.rows(sql`
        select ${contacts.id} as _id, ${ref("contacts")} as external_id, ${ref("a")} as account_external_id, ${contacts.name} as name,
          ${contacts.title} as title, ${contacts.department} as department, ${contacts.email} as email, ${contacts.phone} as phone,
          ${contacts.buyingRole} as buying_role, ${contacts.influence} as influence, ${contacts.attitude} as attitude,
          ${ref("m")} as reports_to_external_id, ${contacts.notes} as notes
        from ${contacts}
        join ${accounts} a on a.org_id = ${contacts.orgId} and a.id = ${contacts.accountId} and a.deleted_at is null
        left join ${contacts} m on m.org_id = ${contacts.orgId} and m.id = ${contacts.reportsToContactId} and m.deleted_at is null
        where ${inOrg(scope, contacts.orgId)} and ${contacts.deletedAt} is null and ${visibleAccount(scope, contacts.accountId)}
          ${after(sql`${contacts.id}`, cursor)}
        order by ${contacts.id} limit ${limit}`);
    case "products":
      return db.rows(sql`
        select ${products.id} as _id, ${products.sku} as sku, ${products.name} as name, ${products.category} as category, ${products.unit} as unit,
          trim_scale(${products.listPrice})::text as list_price, ${products.currency} as currency, ${products.isActive} as is_active
        from ${products}
        where ${inOrg(scope, products.orgId)} ${after(sql`${products.id}`, cursor)}
        order by ${products.id} limit ${limit}`);
    case "orders":
      // One row per line (an order without lines is one row without sku); keyset on (order id, line).
      return db.rows(sql`
        select ${orders.id} as _id, coalesce(l.line_no, 0) as _line, ${ref("orders")} as external_id, ${ref("a")} as account_external_id,
          ${orders.orderDate}::text as order_date, ${orders.currency} as currency, ${orders.amount}::text as amount, ${orders.status} as status,
          ${orders.notes} as notes, l.line_no, pr.sku, trim_scale(l.quantity)::text as quantity, trim_scale(l.unit_price)::text as unit_price
        from ${orders}
        join ${accounts} a on a.org_id = ${orders.orgId} and a.id = ${orders.accountId} and a.deleted_at is null
        left join ${orderLines} l on l.org_id = ${orders.orgId} and l.order_id = ${orders.id}
        left join ${products} pr on pr.org_id = l.org_id and pr.id = l.product_id
        where ${inOrg(scope, orders.orgId)} and ${orders.deletedAt} is null and ${visibleAccount(scope, orders.accountId)}
          ${cursor ? sql`and (${orders.id}, coalesce(l.line_no, 0)) > (${cursor.id}::uuid, ${cursor.lineNo}::int)` : sql``}
        order by ${orders.id}, coalesce(l.line_no, 0) limit ${limit}`);
    case "interactions":
      return db.rows(sql`
        select ${interactions.id} as _id, ${ref("interactions")} as external_id, ${ref("a")} as account_external_id, ${interactions.type} as type,
          ${ISO(sql`${interactions.occurredAt}`)} as occurred_at, ${interactions.durationMinutes} as duration_minutes, ${interactions.subject} as subject,
          ${interactions.summary} as summary, ${interactions.outcome} as outcome, ${interactions.nextStep} as next_step,
          (select string_agg(coalesce(c.external_id, c.id::text), ';' order by coalesce(c.external_id, c.id::text)) from ${interactionContacts} ic
            join ${contacts} c on c.org_id = ic.org_id and c.id = ic.contact_id
            where ic.org_id = ${interactions.orgId} and ic.interaction_id = ${interactions.id}) as contact_external_ids,
          (select string_agg(lower(uu.email), ';' order by lower(uu.email)) from ${interactionUsers} iu
            join ${users} uu on uu.id = iu.user_id
            where iu.org_id = ${interactions.orgId} and iu.interaction_id = ${interactions.id}) as user_emails
        from ${interactions}
        join ${accounts} a on a.org_id = ${interactions.orgId} and a.id = ${interactions.accountId} and a.deleted_at is null
        where ${inOrg(scope, interactions.orgId)} and ${visibleAccount(scope, interactions.accountId)} ${after(sql`${interactions.id}`, cursor)}
        order by ${interactions.id} limit ${limit}`);
    case "tasks":
      return db.rows(sql`
        select ${tasks.id} as _id, ${tasks.id}::text as id, ${tasks.title} as title, ${tasks.description} as description,
          ${ref("a")} as account_external_id, u.email as assignee_email, ${tasks.dueDate}::text as due_date, ${tasks.status} as status,
          ${tasks.priority} as priority, ${ISO(sql`${tasks.completedAt}`)} as completed_at
        from ${tasks}
        left join ${accounts} a on a.org_id = ${tasks.orgId} and a.id = ${tasks.accountId}
        left join ${memberships} ms on ms.org_id = ${tasks.orgId} and ms.user_id = ${tasks.assigneeUserId}
        left join ${users} u on u.id = ms.user_id
        where ${inOrg(scope, tasks.orgId)} and ${visibleTask(scope)} ${after(sql`${tasks.id}`, cursor)}
        order by ${tasks.id} limit ${limit}`);
  }
}
