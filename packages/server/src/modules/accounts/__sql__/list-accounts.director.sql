select "id", ("accounts"."updated_at")::text, json_build_object(
  'id', "id", 'name', "name", 'legalName', "legal_name", 'industry', "industry",
  'region', "region", 'country', "country", 'currency', "currency", 'size', "size",
  'tier', "tier", 'status', "status", 'ownerUserId', "owner_user_id",
  'parentAccountId', "parent_account_id", 'tags', "tags", 'customFields', "custom_fields",
  'externalId', "external_id", 'createdAt', to_char("accounts"."created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'updatedAt', to_char("accounts"."updated_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'deletedAt', to_char("accounts"."deleted_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'version', "version")::text from "accounts" where (("accounts"."org_id" = $1 and "accounts"."deleted_at" is null and true) and "accounts"."tier" in ($2, $3) and ("accounts"."name" ilike $4 or "accounts"."legal_name" ilike $5) and ("accounts"."updated_at", "accounts"."id") < (cast($6 as timestamptz), cast($7 as uuid))) order by "accounts"."updated_at" desc, "accounts"."id" desc limit $8