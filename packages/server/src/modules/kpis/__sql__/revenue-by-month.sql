with subject as (select "accounts"."id" as id, "accounts"."created_at" as created_at, "accounts"."custom_fields" as custom_fields
    from "accounts"
    where "accounts"."org_id" = $1 and "accounts"."deleted_at" is null and true and exists (select 1 from "kam_programme_accounts" where "kam_programme_accounts"."org_id" = "accounts"."org_id" and "kam_programme_accounts"."account_id" = "accounts"."id")),
monthly as (
  select "orders"."account_id" as account_id, to_char("orders"."order_date", 'YYYY-MM') as month,
    coalesce(sum("orders"."amount") filter (where "orders"."currency" = $2), 0)::text as amount,
    count(*) filter (where not "orders"."currency" = $3)::int as other_currency
  from "orders" join subject on subject.id = "orders"."account_id"
  where "orders"."org_id" = $4 and "orders"."status" = 'confirmed' and "orders"."deleted_at" is null and "orders"."order_date" between cast($5 as date) and cast($6 as date)
  group by "orders"."account_id", to_char("orders"."order_date", 'YYYY-MM')
)
select subject.id as "accountId",
  to_char(subject.created_at at time zone $7, 'YYYY-MM-DD') as "createdOn",
  subject.custom_fields -> 'estimatedTotalSpend' as "estimatedTotalSpend",
  monthly.month as "month", coalesce(monthly.amount, '0') as "amount", coalesce(monthly.other_currency, 0) as "otherCurrency"
from subject left join monthly on monthly.account_id = subject.id