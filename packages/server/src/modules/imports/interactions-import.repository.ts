import { IMPORT_REQUIRED_FIELDS } from "@openkam/contracts";
import { interactionContacts, interactions, interactionUsers, newId, type Db } from "@openkam/db";
import { sql } from "drizzle-orm";
import { inOrg, type Scope } from "../../tenancy/scope";
import { countLines, hiddenKeys, param, rejectGroup, resolve, updateSet, type EntityImporter, type Group } from "./imports.entity";
import type { Rejection } from "./imports.repository";
import type { InteractionRow } from "./imports.rows";

const COLUMNS = {
  account_external_id: "account_id", type: "type", occurred_at: "occurred_at", duration_minutes: "duration_minutes",
  subject: "subject", summary: "summary", outcome: "outcome", next_step: "next_step",
};

interface ReadyInteraction {
  row: InteractionRow;
  accountId: string;
  contactIds: string[];
  userIds: string[];
}

async function writeInteractions(tx: Db, scope: Scope, ready: ReadyInteraction[], present: ReadonlySet<string>) {
  inOrg(scope, interactions.orgId);
  const col = <K extends keyof InteractionRow>(k: K) => param(ready.map(({ row }) => row[k] ?? null));
  const written = await tx.rows<{ id: string; external_id: string }>(sql`
    insert into ${interactions} as t (org_id, id, external_id, account_id, type, occurred_at, duration_minutes, subject, summary, outcome, next_step, created_by)
    select ${scope.orgId}::uuid, u.*, ${scope.userId}::uuid
    from unnest(${param(ready.map(() => newId()))}::uuid[], ${col("external_id")}::text[], ${param(ready.map((r) => r.accountId))}::uuid[],
      ${col("type")}::text[], ${col("occurred_at")}::timestamptz[], ${col("duration_minutes")}::int[], ${col("subject")}::text[],
      ${col("summary")}::text[], ${col("outcome")}::text[], ${col("next_step")}::text[])
      as u(id, external_id, account_id, type, occurred_at, duration_minutes, subject, summary, outcome, next_step)
    on conflict (org_id, external_id) do update set ${updateSet(present, COLUMNS)}, version = t.version + 1, updated_at = now()
    returning id, external_id`);
  const idByKey = new Map(written.map((w) => [w.external_id, w.id]));
  const ids = ready.map((r) => idByKey.get(r.row.external_id)!);

  // Attendees are replaced by the file's list, when the file has the column.
  if (present.has("contact_external_ids")) {
    await tx.rows(sql`delete from ${interactionContacts} where ${inOrg(scope, interactionContacts.orgId)} and ${interactionContacts.interactionId} = any(${param(ids)}::uuid[])`);
    const pairs = ready.flatMap((r, i) => r.contactIds.map((c) => [ids[i]!, c] as const));
    if (pairs.length > 0) {
      await tx.rows(sql`insert into ${interactionContacts} (org_id, interaction_id, contact_id)
        select ${scope.orgId}::uuid, u.* from unnest(${param(pairs.map((p) => p[0]))}::uuid[], ${param(pairs.map((p) => p[1]))}::uuid[]) as u on conflict do nothing`);
    }
  }
  if (present.has("user_emails")) {
    await tx.rows(sql`delete from ${interactionUsers} where ${inOrg(scope, interactionUsers.orgId)} and ${interactionUsers.interactionId} = any(${param(ids)}::uuid[])`);
    const pairs = ready.flatMap((r, i) => r.userIds.map((u) => [ids[i]!, u] as const));
    if (pairs.length > 0) {
      await tx.rows(sql`insert into ${interactionUsers} (org_id, interaction_id, user_id)
        select ${scope.orgId}::uuid, u.* from unnest(${param(pairs.map((p) => p[0]))}::uuid[], ${param(pairs.map((p) => p[1]))}::uuid[]) as u on conflict do nothing`);
    }
  }
}

export const interactionsImporter: EntityImporter<InteractionRow> = {
  entity: "interactions",
  keyField: "external_id",
  requiredFields: IMPORT_REQUIRED_FIELDS.interactions,

  async prepare(run, groups: Array<Group<InteractionRow>>) {
    const rejections: Rejection[] = [];
    const rows = groups.map((g) => g.values[0]!);
    const accountIds = await resolve(run, "account", rows.map((r) => r.account_external_id));
    const contactIds = await resolve(run, "contact", rows.flatMap((r) => r.contact_external_ids ?? []));
    const userIds = await resolve(run, "member", rows.flatMap((r) => r.user_emails ?? []));
    const hidden = await hiddenKeys(run, interactions, { orgId: interactions.orgId, externalId: interactions.externalId, accountId: interactions.accountId }, rows.map((r) => r.external_id));
    const ready: ReadyInteraction[] = [];
    const ok: Array<Group<InteractionRow>> = [];
    for (const g of groups) {
      const r = g.values[0]!;
      const accountId = accountIds.get(r.account_external_id);
      const unknownContact = (r.contact_external_ids ?? []).find((c) => !contactIds.get(c));
      const unknownUser = (r.user_emails ?? []).find((u) => !userIds.get(u));
      if (hidden.has(r.external_id)) rejections.push(...rejectGroup(run, g, "external_id", `external_id: ${r.external_id} is an interaction of an account you cannot see`));
      else if (!accountId) rejections.push(...rejectGroup(run, g, "account_external_id", `account_external_id: no account ${r.account_external_id} (or you cannot see it)`));
      else if (unknownContact) rejections.push(...rejectGroup(run, g, "contact_external_ids", `contact_external_ids: no contact ${unknownContact}`));
      else if (unknownUser) rejections.push(...rejectGroup(run, g, "user_emails", `user_emails: no active member has the e-mail ${unknownUser}`));
      else {
        ok.push(g);
        ready.push({
          row: r, accountId,
          contactIds: [...new Set((r.contact_external_ids ?? []).map((c) => contactIds.get(c)!))],
          userIds: [...new Set((r.user_emails ?? []).map((u) => userIds.get(u)!))],
        });
      }
    }
    return { accepted: countLines(ok), rejections, write: (tx: Db) => writeInteractions(tx, run.scope, ready, run.present) };
  },
};
