with subject as (select "accounts"."id" as id, "accounts"."created_at" as created_at, "accounts"."custom_fields" as custom_fields
    from "accounts"
    where "accounts"."org_id" = $1 and "accounts"."deleted_at" is null and true and exists (select 1 from "kam_programme_accounts" where "kam_programme_accounts"."org_id" = "accounts"."org_id" and "kam_programme_accounts"."account_id" = "accounts"."id"))
select "feedback_items"."created_at" as "createdAt", "feedback_items"."closed_at" as "closedAt"
from "feedback_items" join subject on subject.id = "feedback_items"."account_id"
where "feedback_items"."org_id" = $2 and "feedback_items"."closed_at" is not null
  and ("feedback_items"."closed_at" at time zone $3)::date between cast($4 as date) and cast($5 as date)