
    select "contacts"."id" as "id", "contacts"."name" as "name", "contacts"."title" as "title", "contacts"."department" as "department",
      "contacts"."buying_role" as "buyingRole", "contacts"."influence" as "influence", "contacts"."attitude" as "attitude",
      "contacts"."reports_to_contact_id" as "reportsToContactId", to_char(attended.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "attendedAt"
    from "contacts"
    left join (
      select "interaction_contacts"."contact_id" as contact_id, max("interactions"."occurred_at") as at
      from "interactions"
      join "interaction_contacts" on "interaction_contacts"."org_id" = "interactions"."org_id" and "interaction_contacts"."interaction_id" = "interactions"."id"
      where "interactions"."org_id" = $1 and "interactions"."account_id" = $2 and "interactions"."occurred_at" <= $3
      group by "interaction_contacts"."contact_id"
    ) attended on attended.contact_id = "contacts"."id"
    where "contacts"."org_id" = $4 and "contacts"."account_id" = $5 and "contacts"."deleted_at" is null
    order by "contacts"."name_key" collate "C", "contacts"."id"