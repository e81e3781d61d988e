select "id", ("accounts"."name_key" collate "C")::text, json_build_object(
  'id', "id", 'name', "name", 'legalName', "legal_name", 'industry', "industry",
  'region', "region", 'country', "country", 'currency', "currency", 'size', "size",
  'tier', "tier", 'status', "status", 'ownerUserId', "owner_user_id",
  'parentAccountId', "parent_account_id", 'tags', "tags", 'customFields', "custom_fields",
  'externalId', "external_id", 'createdAt', to_char("accounts"."created_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'updatedAt', to_char("accounts"."updated_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
  'deletedAt', to_char("accounts"."deleted_at" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'version', "version")::text from "accounts" where ("accounts"."org_id" = $1 and "accounts"."deleted_at" is null and (exists (select 1 from "account_team_members" tm where tm.org_id = $2 and tm.account_id = "accounts"."id" and tm.user_id = $3)
    or "accounts"."owner_user_id" is not distinct from $4)) order by "accounts"."name_key" collate "C" asc, "accounts"."id" asc limit $5