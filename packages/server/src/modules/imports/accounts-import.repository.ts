import { IMPORT_REQUIRED_FIELDS } from "@openkam/contracts";
import { accounts, accountTeamMembers, newId, type Db } from "@openkam/db";
import { seesAllAccounts } from "@openkam/domain";
import type { AccountTier } from "@openkam/domain/enums/index";
import { sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { insertTierChanges } from "../accounts/accounts.repository";
import { countLines, hiddenKeys, nameKeys, param, rejectGroup, resolve, updateSet, type EntityImporter, type Group } from "./imports.entity";
import type { Rejection } from "./imports.repository";
import type { AccountRow } from "./imports.rows";

/** Field → column, for the fields an upsert may change. */
const COLUMNS = {
  name: "name", legal_name: "legal_name", industry: "industry", region: "region", country: "country", currency: "currency",
  size: "size", tier: "tier", status: "status", owner_email: "owner_user_id", tags: "tags", custom_fields: "custom_fields",
};

async function upsertAccounts(tx: Db, scope: Scope, rows: Array<{ row: AccountRow; ownerId: string | null }>, present: ReadonlySet<string>) {
  inOrg(scope, accounts.orgId);
  const col = <K extends keyof AccountRow>(k: K) => param(rows.map(({ row }) => row[k] ?? null));
  // The CTE reads the rows as they were before the upsert, so tier changes can go to the tier history like any edit.
  const written = await tx.rows<{ id: string; inserted: boolean; tier: AccountTier; previous_tier: AccountTier | null }>(sql`
    with before as (
      select external_id, tier from ${accounts}
      where org_id = ${scope.orgId} and external_id = any(${col("external_id")}::text[])
    ), upserted as (
    insert into ${accounts} as t (org_id, id, external_id, name, name_key, legal_name, industry, region, country, currency, size, tier, status,
      owner_user_id, tags, custom_fields, created_by)
    select ${scope.orgId}::uuid, u.id, u.external_id, u.name, u.name_key, u.legal_name, u.industry, u.region, u.country, u.currency, u.size,
      coalesce(u.tier, 'standard'), coalesce(u.status, 'active'), u.owner_user_id,
      array(select jsonb_array_elements_text(u.tags)), coalesce(u.custom_fields, '{}'::jsonb), ${scope.userId}::uuid
    from unnest(${param(rows.map(() => newId()))}::uuid[], ${col("external_id")}::text[], ${col("name")}::text[], ${col("legal_name")}::text[],
      ${col("industry")}::text[], ${col("region")}::text[], ${col("country")}::text[], ${col("currency")}::text[], ${col("size")}::text[],
      ${col("tier")}::text[], ${col("status")}::text[], ${param(rows.map((r) => r.ownerId))}::uuid[],
      ${param(rows.map(({ row }) => (row.tags ? JSON.stringify(row.tags) : null)))}::jsonb[],
      ${param(rows.map(({ row }) => (row.custom_fields ? JSON.stringify(row.custom_fields) : null)))}::jsonb[],
      ${nameKeys(rows.map(({ row }) => row.name))}::text[])
      as u(id, external_id, name, legal_name, industry, region, country, currency, size, tier, status, owner_user_id, tags, custom_fields, name_key)
    on conflict (org_id, external_id) do update set ${updateSet(present, COLUMNS)}, version = t.version + 1, updated_at = now(), deleted_at = null
    returning id, external_id, tier, (xmax = 0) as inserted)
    select u.id, u.inserted, u.tier, b.tier as previous_tier from upserted u left join before b on b.external_id = u.external_id`);
  await insertTierChanges(tx, scope, written.flatMap((w) =>
    !w.inserted && w.previous_tier !== null && w.previous_tier !== w.tier ? [{ accountId: w.id, fromTier: w.previous_tier, toTier: w.tier, reason: null, runId: null }] : []));
  // An account manager keeps seeing the accounts they create, as with the API.
  if (scope.userId && !seesAllAccounts(scope.role)) {
    const created = written.filter((w) => w.inserted).map((w) => w.id);
    if (created.length > 0) {
      await tx.rows(sql`
        insert into ${accountTeamMembers} (org_id, account_id, user_id, team_role, allocation_pct)
        select ${scope.orgId}, a, ${scope.userId}, 'kam_lead', 0 from unnest(${param(created)}::uuid[]) as a
        on conflict do nothing`);
    }
  }
}

export const accountsImporter: EntityImporter<AccountRow> = {
  entity: "accounts",
  keyField: "external_id",
  requiredFields: IMPORT_REQUIRED_FIELDS.accounts,
  selfReference: { field: "parent_external_id" },

  async prepare(run, groups: Array<Group<AccountRow>>) {
    const rejections: Rejection[] = [];
    const rows = groups.map((g) => g.values[0]!);
    const owners = await resolve(run, "member", rows.flatMap((r) => (r.owner_email ? [r.owner_email] : [])));
    const parents = await resolve(run, "account", rows.flatMap((r) => (r.parent_external_id && !run.fileKeys.has(r.parent_external_id) ? [r.parent_external_id] : [])));
    const hidden = await hiddenKeys(run, accounts, { orgId: accounts.orgId, externalId: accounts.externalId, accountId: accounts.id }, rows.map((r) => r.external_id));
    const ok: Array<Group<AccountRow>> = [];
    for (const g of groups) {
      const r = g.values[0]!;
      const limited = !seesAllAccounts(run.scope.role) && run.scope.userId !== null;
      if (hidden.has(r.external_id)) rejections.push(...rejectGroup(run, g, "external_id", `external_id: ${r.external_id} is an account you cannot see or change`));
      else if (limited && (r.tier === "strategic" || r.tier === "key")) rejections.push(...rejectGroup(run, g, "tier", "tier: only directors and admins can put accounts in the strategic and key tiers"));
      else if (r.owner_email && !owners.get(r.owner_email)) rejections.push(...rejectGroup(run, g, "owner_email", `owner_email: no active member of this organization has the e-mail ${r.owner_email}`));
      else if (limited && r.owner_email && owners.get(r.owner_email) !== run.scope.userId) rejections.push(...rejectGroup(run, g, "owner_email", "owner_email: only directors and admins can give an account to someone else"));
      else if (r.parent_external_id && !run.fileKeys.has(r.parent_external_id) && !parents.get(r.parent_external_id)) {
        rejections.push(...rejectGroup(run, g, "parent_external_id", `parent_external_id: no account ${r.parent_external_id} in this file or in the organization`));
      } else ok.push(g);
    }
    return {
      accepted: countLines(ok),
      rejections,
      write: (tx: Db) => upsertAccounts(tx, run.scope, ok.map((g) => ({ row: g.values[0]!, ownerId: g.values[0]!.owner_email ? owners.get(g.values[0]!.owner_email)! : null })), run.present),
    };
  },

  async link(tx, scope, pairs) {
    for (let i = 0; i < pairs.length; i += 5000) {
      const slice = pairs.slice(i, i + 5000);
      await tx.rows(sql`
        update ${accounts} set parent_account_id = p.id, updated_at = now(), version = ${accounts.version} + 1
        from unnest(${param(slice.map((p) => p[0]))}::text[], ${param(slice.map((p) => p[1]))}::text[]) as l(child, parent)
        left join ${accounts} p on p.org_id = ${scope.orgId} and p.external_id = l.parent and p.deleted_at is null
        where ${inOrg(scope, accounts.orgId)} and ${accounts.externalId} = l.child
          and (l.parent is null or p.id is not null) and p.id is distinct from ${accounts.id}
          and ${accounts.parentAccountId} is distinct from p.id`);
    }
  },
};
