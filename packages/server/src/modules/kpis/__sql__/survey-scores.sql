with subject as (select "accounts"."id" as id, "accounts"."created_at" as created_at, "accounts"."custom_fields" as custom_fields
    from "accounts"
    where "accounts"."org_id" = $1 and "accounts"."deleted_at" is null and true and exists (select 1 from "kam_programme_accounts" where "kam_programme_accounts"."org_id" = "accounts"."org_id" and "kam_programme_accounts"."account_id" = "accounts"."id"))
select 'nps' as "kind", "survey_responses"."nps_score"::int as "score", count(*)::int as "answers"
from "survey_responses" join subject on subject.id = "survey_responses"."account_id"
where "survey_responses"."org_id" = $2 and "survey_responses"."nps_score" is not null and ("survey_responses"."submitted_at" at time zone $3)::date between cast($4 as date) and cast($5 as date)
group by "survey_responses"."nps_score"
union all
select 'csat', "survey_responses"."csat_score"::int, count(*)::int
from "survey_responses" join subject on subject.id = "survey_responses"."account_id"
where "survey_responses"."org_id" = $6 and "survey_responses"."csat_score" is not null and ("survey_responses"."submitted_at" at time zone $7)::date between cast($8 as date) and cast($9 as date)
group by "survey_responses"."csat_score"