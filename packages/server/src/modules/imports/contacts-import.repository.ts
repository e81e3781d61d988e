import { IMPORT_REQUIRED_FIELDS } from "@openkam/contracts";
import { contacts, newId, type Db } from "@openkam/db";
import { sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { countLines, hiddenKeys, nameKeys, param, rejectGroup, resolve, updateSet, type EntityImporter, type Group } from "./imports.entity";
import type { Rejection } from "./imports.repository";
import type { ContactRow } from "./imports.rows";

const COLUMNS = {
  account_external_id: "account_id", name: "name", title: "title", department: "department", email: "email", phone: "phone",
  buying_role: "buying_role", influence: "influence", attitude: "attitude", notes: "notes",
};

async function upsertContacts(tx: Db, scope: Scope, rows: Array<{ row: ContactRow; accountId: string }>, present: ReadonlySet<string>) {
  inOrg(scope, contacts.orgId);
  const col = <K extends keyof ContactRow>(k: K) => param(rows.map(({ row }) => row[k] ?? null));
  await tx.rows(sql`
    insert into ${contacts} as t (org_id, id, external_id, account_id, name, title, department, email, phone, buying_role, influence, attitude, notes,
      name_key, created_by)
    select ${scope.orgId}::uuid, u.* , ${scope.userId}::uuid
    from unnest(${param(rows.map(() => newId()))}::uuid[], ${col("external_id")}::text[], ${param(rows.map((r) => r.accountId))}::uuid[],
      ${col("name")}::text[], ${col("title")}::text[], ${col("department")}::text[], ${col("email")}::text[], ${col("phone")}::text[],
      ${col("buying_role")}::text[], ${col("influence")}::smallint[], ${col("attitude")}::smallint[], ${col("notes")}::text[],
      ${nameKeys(rows.map(({ row }) => row.name))}::text[])
      as u(id, external_id, account_id, name, title, department, email, phone, buying_role, influence, attitude, notes, name_key)
    on conflict (org_id, external_id) do update set ${updateSet(present, COLUMNS)}, version = t.version + 1, updated_at = now(), deleted_at = null`);
}

export const contactsImporter: EntityImporter<ContactRow> = {
  entity: "contacts",
  keyField: "external_id",
  requiredFields: IMPORT_REQUIRED_FIELDS.contacts,
  selfReference: { field: "reports_to_external_id" },

  async prepare(run, groups: Array<Group<ContactRow>>) {
    const rejections: Rejection[] = [];
    const rows = groups.map((g) => g.values[0]!);
    const accountIds = await resolve(run, "account", rows.map((r) => r.account_external_id));
    const managers = await resolve(run, "contact", rows.flatMap((r) => (r.reports_to_external_id && !run.fileKeys.has(r.reports_to_external_id) ? [r.reports_to_external_id] : [])));
    const hidden = await hiddenKeys(run, contacts, { orgId: contacts.orgId, externalId: contacts.externalId, accountId: contacts.accountId }, rows.map((r) => r.external_id));
    const ok: Array<{ group: Group<ContactRow>; accountId: string }> = [];
    for (const g of groups) {
      const r = g.values[0]!;
      const accountId = accountIds.get(r.account_external_id);
      if (hidden.has(r.external_id)) rejections.push(...rejectGroup(run, g, "external_id", `external_id: ${r.external_id} is a contact of an account you cannot see`));
      else if (!accountId) rejections.push(...rejectGroup(run, g, "account_external_id", `account_external_id: no account ${r.account_external_id} (or you cannot see it)`));
      else if (r.reports_to_external_id && !run.fileKeys.has(r.reports_to_external_id) && !managers.get(r.reports_to_external_id)) {
        rejections.push(...rejectGroup(run, g, "reports_to_external_id", `reports_to_external_id: no contact ${r.reports_to_external_id} in this file or in the organization`));
      } else ok.push({ group: g, accountId });
    }
    return {
      accepted: countLines(ok.map((o) => o.group)),
      rejections,
      write: (tx: Db) => upsertContacts(tx, run.scope, ok.map((o) => ({ row: o.group.values[0]!, accountId: o.accountId })), run.present),
    };
  },

  async link(tx, scope, pairs) {
    for (let i = 0; i < pairs.length; i += 5000) {
      const slice = pairs.slice(i, i + 5000);
      await tx.rows(sql`
        update ${contacts} set reports_to_contact_id = p.id, updated_at = now(), version = ${contacts.version} + 1
        from unnest(${param(slice.map((p) => p[0]))}::text[], ${param(slice.map((p) => p[1]))}::text[]) as l(child, parent)
        left join ${contacts} p on p.org_id = ${scope.orgId} and p.external_id = l.parent and p.deleted_at is null
        where ${inOrg(scope, contacts.orgId)} and ${contacts.externalId} = l.child
          and (l.parent is null or p.id is not null) and p.id is distinct from ${contacts.id}
          and ${contacts.reportsToContactId} is distinct from p.id`);
    }
  },
};
