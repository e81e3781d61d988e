with subject as (select "accounts"."id" as id, "accounts"."created_at" as created_at, "accounts"."custom_fields" as custom_fields
    from "accounts"
    where "accounts"."org_id" = $1 and "accounts"."deleted_at" is null and true and exists (select 1 from "kam_programme_accounts" where "kam_programme_accounts"."org_id" = "accounts"."org_id" and "kam_programme_accounts"."account_id" = "accounts"."id")),
latest_run as (
  select "analysis_runs"."id" as id from "analysis_runs"
  where "analysis_runs"."org_id" = $2 and "analysis_runs"."kind" = 'clv' and "analysis_runs"."status" = 'succeeded'
    and "analysis_runs"."scope" = 'organization' and "analysis_runs"."currency" = $3 and "analysis_runs"."as_of" <= cast($4 as date)
  order by "analysis_runs"."as_of" desc, "analysis_runs"."finished_at" desc nulls last
  limit 1
)
select r.account_id as "accountId", (r.values ->> 'clv')::float8 as "clv"
from (select "analysis_result_blocks"."last_account_id" as block, u.*
    from "analysis_result_blocks" cross join lateral rows from (unnest("analysis_result_blocks"."account_ids"), unnest("analysis_result_blocks"."grps"), unnest("analysis_result_blocks"."ranks"), json_array_elements("analysis_result_blocks"."values")) with ordinality as u(account_id, grp, rank, values, pos)
    where "analysis_result_blocks"."org_id" = $5 and "analysis_result_blocks"."run_id" = (select id from latest_run)) r
join subject on subject.id = r.account_id
where json_typeof(r.values -> 'clv') = 'number'