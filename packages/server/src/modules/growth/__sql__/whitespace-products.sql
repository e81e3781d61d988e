
    with bought as (
      select "order_lines"."product_id" as product_id, max("orders"."order_date")::text as last
      from "orders"
      join "order_lines" on "order_lines"."org_id" = "orders"."org_id" and "order_lines"."order_id" = "orders"."id"
      where "orders"."org_id" = $1 and "orders"."account_id" = $2 and "orders"."deleted_at" is null
        and "orders"."status" = 'confirmed' and "orders"."order_date" >= $3
      group by "order_lines"."product_id"
    )
    select "products"."id" as "id", "products"."sku" as "sku", "products"."name" as "name", "products"."category" as "category", bought.last as "lastOrderDate"
    from "products"
    left join bought on bought.product_id = "products"."id"
    where "products"."org_id" = $4 and (
      "products"."is_active" or bought.product_id is not null
      or exists (select 1 from "opportunities" o where o.org_id = "products"."org_id" and o.account_id = $5 and o.product_id = "products"."id")
      or exists (select 1 from "whitespace_cells" c join "account_business_units" u on u.org_id = c.org_id and u.id = c.business_unit_id
                 where c.org_id = "products"."org_id" and u.account_id = $6 and c.product_id = "products"."id")
    )
    order by "products"."category" asc nulls last, "products"."name_key" collate "C", "products"."id"