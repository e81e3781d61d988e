
      select json_agg(json_build_array("accounts"."id", "accounts"."tier", "accounts"."industry", "accounts"."region", "accounts"."custom_fields" ->> $1::text, "accounts"."custom_fields" ->> $2::text, "accounts"."custom_fields" ->> $3::text) order by "accounts"."id")::text as accounts
      from "accounts" where ("accounts"."org_id" = $4 and "accounts"."deleted_at" is null and true)