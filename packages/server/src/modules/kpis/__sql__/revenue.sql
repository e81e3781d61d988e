with subject as (select "accounts"."id" as id, "accounts"."created_at" as created_at, "accounts"."custom_fields" as custom_fields
    from "accounts"
    where "accounts"."org_id" = $1 and "accounts"."deleted_at" is null and true and exists (select 1 from "kam_programme_accounts" where "kam_programme_accounts"."org_id" = "accounts"."org_id" and "kam_programme_accounts"."account_id" = "accounts"."id")),
revenue as (
  select "orders"."account_id" as account_id,
    coalesce(sum("orders"."amount") filter (where "orders"."currency" = $2 and "orders"."order_date" between cast($3 as date) and cast($4 as date)), 0)::text as current,
    coalesce(sum("orders"."amount") filter (where "orders"."currency" = $5 and "orders"."order_date" between cast($6 as date) and cast($7 as date)), 0)::text as previous,
    coalesce(sum("orders"."amount") filter (where "orders"."currency" = $8 and "orders"."order_date" between cast($9 as date) and cast($10 as date)), 0)::text as year_before,
    coalesce(sum("orders"."amount") filter (where "orders"."currency" = $11 and "orders"."order_date" between cast($12 as date) and cast($13 as date)), 0)::text as trailing,
    coalesce(sum("orders"."amount") filter (where "orders"."currency" = $14 and "orders"."order_date" between cast($15 as date) and cast($16 as date)), 0)::text as trailing_prior,
    count(*) filter (where not "orders"."currency" = $17)::int as other_currency
  from "orders" join subject on subject.id = "orders"."account_id"
  where "orders"."org_id" = $18 and "orders"."status" = 'confirmed' and "orders"."deleted_at" is null
    and "orders"."order_date" between cast($19 as date) and cast($20 as date)
  group by "orders"."account_id"
)
select subject.id as "accountId",
  to_char(subject.created_at at time zone $21, 'YYYY-MM-DD') as "createdOn",
  subject.custom_fields -> 'estimatedTotalSpend' as "estimatedTotalSpend",
  coalesce(revenue.current, '0') as "current", coalesce(revenue.previous, '0') as "previous", coalesce(revenue.year_before, '0') as "yearBefore",
  coalesce(revenue.trailing, '0') as "trailing", coalesce(revenue.trailing_prior, '0') as "trailingPrior", coalesce(revenue.other_currency, 0) as "otherCurrency"
from subject left join revenue on revenue.account_id = subject.id