with subject as (select "accounts"."id" as id, "accounts"."created_at" as created_at, "accounts"."custom_fields" as custom_fields
    from "accounts"
    where "accounts"."org_id" = $1 and "accounts"."deleted_at" is null and true and exists (select 1 from "kam_programme_accounts" where "kam_programme_accounts"."org_id" = "accounts"."org_id" and "kam_programme_accounts"."account_id" = "accounts"."id"))
select "cases"."id" as "id", "cases"."tier" as "tier", "cases"."priority" as "priority", "cases"."opened_at" as "openedAt"
from "cases" join subject on subject.id = "cases"."account_id"
where "cases"."org_id" = $2 and ("cases"."opened_at" at time zone $3)::date between cast($4 as date) and cast($5 as date)