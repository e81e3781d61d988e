
    select "orders"."account_id" as account_id, "orders"."currency" as currency,
      encode(string_agg(int4send("orders"."order_date" - date '1970-01-01') || float8send(("orders"."amount" * 100)::float8), ''::bytea), 'base64') as packed
    from "orders"
    where ("orders"."org_id" = $1 and "orders"."deleted_at" is null and "orders"."status" = $2)
    group by 1, 2