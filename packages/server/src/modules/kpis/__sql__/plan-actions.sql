with subject as (select "accounts"."id" as id, "accounts"."created_at" as created_at, "accounts"."custom_fields" as custom_fields
    from "accounts"
    where "accounts"."org_id" = $1 and "accounts"."deleted_at" is null and true and exists (select 1 from "kam_programme_accounts" where "kam_programme_accounts"."org_id" = "accounts"."org_id" and "kam_programme_accounts"."account_id" = "accounts"."id"))
select action ->> 'status' as "status", count(*)::int as "actions"
from "account_plans"
join subject on subject.id = "account_plans"."account_id"
cross join lateral jsonb_array_elements(case when jsonb_typeof("account_plans"."content" -> 'actions') = 'array' then "account_plans"."content" -> 'actions' else '[]'::jsonb end) as action
where "account_plans"."org_id" = $2
  and action ->> 'dueDate' ~ '^\d{4}-\d{2}-\d{2}$'
  and action ->> 'dueDate' between $3 and $4
group by action ->> 'status'