CREATE TABLE "analysis_result_blocks" (
	"org_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"last_account_id" uuid NOT NULL,
	"account_ids" uuid[] NOT NULL,
	"grps" text[] NOT NULL,
	"ranks" integer[] NOT NULL,
	"values" json NOT NULL,
	CONSTRAINT "analysis_result_blocks_org_id_run_id_last_account_id_pk" PRIMARY KEY("org_id","run_id","last_account_id"),
	CONSTRAINT "analysis_result_blocks_lengths_check" CHECK (cardinality("analysis_result_blocks"."account_ids") = cardinality("analysis_result_blocks"."grps") and cardinality("analysis_result_blocks"."account_ids") = cardinality("analysis_result_blocks"."ranks"))
);
--> statement-breakpoint
ALTER TABLE "analysis_result_blocks" ALTER COLUMN "values" SET STORAGE EXTERNAL;--> statement-breakpoint
-- Existing results move into blocks of up to 128 accounts in account id order, as the application writes them.
INSERT INTO "analysis_result_blocks" ("org_id", "run_id", "last_account_id", "account_ids", "grps", "ranks", "values")
SELECT "org_id", "run_id", (array_agg("account_id" ORDER BY "account_id" DESC))[1],
	array_agg("account_id" ORDER BY "account_id"), array_agg("grp" ORDER BY "account_id"),
	array_agg("rank" ORDER BY "account_id"), json_agg("values" ORDER BY "account_id")
FROM (SELECT r.*, (row_number() OVER (PARTITION BY "org_id", "run_id" ORDER BY "account_id") - 1) / 128 AS "block" FROM "analysis_results" r) numbered
GROUP BY "org_id", "run_id", "block";--> statement-breakpoint
DROP TABLE "analysis_results" CASCADE;--> statement-breakpoint
ALTER TABLE "analysis_result_blocks" ADD CONSTRAINT "analysis_result_blocks_org_id_run_id_analysis_runs_org_id_id_fk" FOREIGN KEY ("org_id","run_id") REFERENCES "public"."analysis_runs"("org_id","id") ON DELETE cascade ON UPDATE no action;