with subject as (select "accounts"."id" as id, "accounts"."created_at" as created_at, "accounts"."custom_fields" as custom_fields
    from "accounts"
    where "accounts"."org_id" = $1 and "accounts"."deleted_at" is null and true and exists (select 1 from "kam_programme_accounts" where "kam_programme_accounts"."org_id" = "accounts"."org_id" and "kam_programme_accounts"."account_id" = "accounts"."id"))
select "case_events"."case_id" as "caseId", "case_events"."type" as "type", "case_events"."at" as "at", "case_events"."status" as "status"
from "case_events"
join "cases" on "cases"."org_id" = "case_events"."org_id" and "cases"."id" = "case_events"."case_id"
join subject on subject.id = "cases"."account_id"
where "case_events"."org_id" = $2 and ("cases"."opened_at" at time zone $3)::date between cast($4 as date) and cast($5 as date)
order by "case_events"."case_id", "case_events"."at", "case_events"."id"