
    with o as (
      select "orders"."account_id" as account_id, "orders"."amount" as amount,
        ($1::int - ("orders"."order_date" - date '1970-01-01')) as d,
        (($2::int - ("orders"."order_date" - date '1970-01-01')) * 16) / 487 as m
      from "orders"
      where ("orders"."org_id" = $3 and "orders"."deleted_at" is null and "orders"."status" = $4) and (exists (select 1 from "account_team_members" tm where tm.org_id = $5 and tm.account_id = "orders"."account_id" and tm.user_id = $6)
    or exists (select 1 from "accounts" own where own.org_id = $7 and own.id = "orders"."account_id" and own.owner_user_id = $8))
        and "orders"."currency" = $9 and "orders"."order_date" <= date '1970-01-01' + $10::int
    ), agg as (
      select account_id,
        coalesce(sum(amount) filter (where d between 0 and $11), 0)::float8 as revenue_w,
        count(*) filter (where d between 0 and $12 and amount >= 0)::int as orders_w,
        max(d) filter (where d between 0 and $13 and amount >= 0) as first_w,
        min(d) filter (where d between 0 and $14 and amount >= 0) as last_w,
        coalesce(sum(amount) filter (where d between 365 and 729), 0)::float8 as revenue_prev_year,
        max(d) filter (where amount >= 0) as first_ever,
        min(d) filter (where amount >= 0) as last_ever,
        count(*) filter (where m < 24)::int as rows_24m,
        coalesce(sum(amount) filter (where m = 0), 0)::float8 as "m0", coalesce(sum(amount) filter (where m = 1), 0)::float8 as "m1", coalesce(sum(amount) filter (where m = 2), 0)::float8 as "m2", coalesce(sum(amount) filter (where m = 3), 0)::float8 as "m3", coalesce(sum(amount) filter (where m = 4), 0)::float8 as "m4", coalesce(sum(amount) filter (where m = 5), 0)::float8 as "m5", coalesce(sum(amount) filter (where m = 6), 0)::float8 as "m6", coalesce(sum(amount) filter (where m = 7), 0)::float8 as "m7", coalesce(sum(amount) filter (where m = 8), 0)::float8 as "m8", coalesce(sum(amount) filter (where m = 9), 0)::float8 as "m9", coalesce(sum(amount) filter (where m = 10), 0)::float8 as "m10", coalesce(sum(amount) filter (where m = 11), 0)::float8 as "m11", coalesce(sum(amount) filter (where m = 12), 0)::float8 as "m12", coalesce(sum(amount) filter (where m = 13), 0)::float8 as "m13", coalesce(sum(amount) filter (where m = 14), 0)::float8 as "m14", coalesce(sum(amount) filter (where m = 15), 0)::float8 as "m15", coalesce(sum(amount) filter (where m = 16), 0)::float8 as "m16", coalesce(sum(amount) filter (where m = 17), 0)::float8 as "m17", coalesce(sum(amount) filter (where m = 18), 0)::float8 as "m18", coalesce(sum(amount) filter (where m = 19), 0)::float8 as "m19", coalesce(sum(amount) filter (where m = 20), 0)::float8 as "m20", coalesce(sum(amount) filter (where m = 21), 0)::float8 as "m21", coalesce(sum(amount) filter (where m = 22), 0)::float8 as "m22", coalesce(sum(amount) filter (where m = 23), 0)::float8 as "m23"
      from o group by account_id
    )
    select "accounts"."id" as account_id, "accounts"."name" as name, "accounts"."tier" as tier, "accounts"."industry" as industry,
      "accounts"."region" as region, "accounts"."custom_fields" as custom_fields,
      coalesce(agg.revenue_w, 0) as revenue_w, coalesce(agg.orders_w, 0) as orders_w,
      agg.first_w, agg.last_w, coalesce(agg.revenue_prev_year, 0) as revenue_prev_year, agg.first_ever, agg.last_ever,
      coalesce(agg.rows_24m, 0) as rows_24m,
      coalesce(agg."m0", 0) as "m0", coalesce(agg."m1", 0) as "m1", coalesce(agg."m2", 0) as "m2", coalesce(agg."m3", 0) as "m3", coalesce(agg."m4", 0) as "m4", coalesce(agg."m5", 0) as "m5", coalesce(agg."m6", 0) as "m6", coalesce(agg."m7", 0) as "m7", coalesce(agg."m8", 0) as "m8", coalesce(agg."m9", 0) as "m9", coalesce(agg."m10", 0) as "m10", coalesce(agg."m11", 0) as "m11", coalesce(agg."m12", 0) as "m12", coalesce(agg."m13", 0) as "m13", coalesce(agg."m14", 0) as "m14", coalesce(agg."m15", 0) as "m15", coalesce(agg."m16", 0) as "m16", coalesce(agg."m17", 0) as "m17", coalesce(agg."m18", 0) as "m18", coalesce(agg."m19", 0) as "m19", coalesce(agg."m20", 0) as "m20", coalesce(agg."m21", 0) as "m21", coalesce(agg."m22", 0) as "m22", coalesce(agg."m23", 0) as "m23"
    from "accounts" left join agg on agg.account_id = "accounts"."id"
    where ("accounts"."org_id" = $15 and "accounts"."deleted_at" is null and (exists (select 1 from "account_team_members" tm where tm.org_id = $16 and tm.account_id = "accounts"."id" and tm.user_id = $17)
    or "accounts"."owner_user_id" is not distinct from $18))
    order by "accounts"."id"