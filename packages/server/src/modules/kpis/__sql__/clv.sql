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
select "analysis_results"."account_id" as "accountId", ("analysis_results"."values" ->> 'clv')::float8 as "clv"
from "analysis_results"
join latest_run on latest_run.id = "analysis_results"."run_id"
join subject on subject.id = "analysis_results"."account_id"
where "analysis_results"."org_id" = $5 and jsonb_typeof("analysis_results"."values" -> 'clv') = 'number'