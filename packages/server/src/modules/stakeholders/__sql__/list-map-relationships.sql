
    select "stakeholder_relationships"."contact_id" as "contactId", "stakeholder_relationships"."user_id" as "userId", "users"."name" as "userName", "stakeholder_relationships"."strength" as "strength",
      to_char("stakeholder_relationships"."last_met_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "lastMetAt", "stakeholder_relationships"."version" as "version"
    from "stakeholder_relationships"
    join "contacts" on "contacts"."org_id" = "stakeholder_relationships"."org_id" and "contacts"."id" = "stakeholder_relationships"."contact_id"
    join "memberships" on "memberships"."org_id" = "stakeholder_relationships"."org_id" and "memberships"."user_id" = "stakeholder_relationships"."user_id"
    join "users" on "users"."id" = "stakeholder_relationships"."user_id"
    where "stakeholder_relationships"."org_id" = $1 and "contacts"."account_id" = $2 and "contacts"."deleted_at" is null and "memberships"."is_active"
    order by "stakeholder_relationships"."strength" desc, "users"."name_key" collate "C", "stakeholder_relationships"."user_id"