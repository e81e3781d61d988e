
      select json_agg(json_build_array("accounts"."id", "accounts"."tier", "accounts"."industry", "accounts"."region", "accounts"."custom_fields") order by "accounts"."id")::text as accounts
      from "accounts" where ("accounts"."org_id" = $1 and "accounts"."deleted_at" is null and true)