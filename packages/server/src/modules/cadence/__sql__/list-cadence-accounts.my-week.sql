
    select "accounts"."id" as "id", "accounts"."name" as "name", "accounts"."tier" as "tier", "accounts"."owner_user_id" as "ownerUserId",
      to_char("accounts"."created_at" at time zone $1, 'YYYY-MM-DD') as "startedOn",
      "account_cadences"."intervals" as "overrides", coalesce("account_cadences"."version", 0) as "cadenceVersion",
      to_char(latest."visit" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "visitAt",
      to_char(latest."visit" at time zone $2, 'YYYY-MM-DD') as "visitOn", to_char(latest."executive_meeting" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "executive_meetingAt",
      to_char(latest."executive_meeting" at time zone $3, 'YYYY-MM-DD') as "executive_meetingOn", to_char(latest."qbr" at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "qbrAt",
      to_char(latest."qbr" at time zone $4, 'YYYY-MM-DD') as "qbrOn"
    from "accounts"
    left join "account_cadences" on "account_cadences"."org_id" = "accounts"."org_id" and "account_cadences"."account_id" = "accounts"."id"
    left join (
      select "interactions"."account_id" as account_id, max("interactions"."occurred_at") filter (where "interactions"."type" in ($5)) as "visit", max("interactions"."occurred_at") filter (where "interactions"."type" in ($6)) as "executive_meeting", max("interactions"."occurred_at") filter (where "interactions"."type" in ($7)) as "qbr"
      from "interactions"
      where "interactions"."org_id" = $8 and "interactions"."type" in ($9, $10, $11) and "interactions"."occurred_at" <= $12
      group by "interactions"."account_id"
    ) latest on latest.account_id = "accounts"."id"
    where ("accounts"."org_id" = $13 and "accounts"."deleted_at" is null and true and (exists (select 1 from "account_team_members" tm where tm.org_id = $14 and tm.account_id = "accounts"."id" and tm.user_id = $15)
    or "accounts"."owner_user_id" is not distinct from $16) and "accounts"."status" not in ($17, $18))