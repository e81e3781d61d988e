CREATE TABLE "account_tier_changes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"from_tier" text NOT NULL,
	"to_tier" text NOT NULL,
	"reason" text,
	"run_id" uuid,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_tier_changes_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "account_tier_changes_from_check" CHECK ("from_tier" in ('strategic', 'key', 'growth', 'standard')),
	CONSTRAINT "account_tier_changes_to_check" CHECK ("to_tier" in ('strategic', 'key', 'growth', 'standard')),
	CONSTRAINT "account_tier_changes_changed_check" CHECK ("account_tier_changes"."from_tier" <> "account_tier_changes"."to_tier")
);
--> statement-breakpoint
CREATE TABLE "analysis_results" (
	"org_id" uuid NOT NULL,
	"run_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"grp" text,
	"rank" integer NOT NULL,
	"values" jsonb NOT NULL,
	CONSTRAINT "analysis_results_org_id_run_id_account_id_pk" PRIMARY KEY("org_id","run_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "analysis_runs" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"as_of" date NOT NULL,
	"parameters" jsonb NOT NULL,
	"scope" text NOT NULL,
	"currency" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"error" text,
	"account_count" integer DEFAULT 0 NOT NULL,
	"summary" jsonb,
	"job_id" uuid,
	CONSTRAINT "analysis_runs_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "analysis_runs_kind_check" CHECK ("kind" in ('rfm', 'pareto', 'matrix', 'clv', 'forecast', 'selection')),
	CONSTRAINT "analysis_runs_status_check" CHECK ("status" in ('queued', 'running', 'succeeded', 'failed')),
	CONSTRAINT "analysis_runs_scope_check" CHECK ("scope" in ('organization', 'own_accounts')),
	CONSTRAINT "analysis_runs_currency_check" CHECK ("analysis_runs"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
ALTER TABLE "account_tier_changes" ADD CONSTRAINT "account_tier_changes_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_tier_changes" ADD CONSTRAINT "account_tier_changes_org_id_run_id_analysis_runs_org_id_id_fk" FOREIGN KEY ("org_id","run_id") REFERENCES "public"."analysis_runs"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_results" ADD CONSTRAINT "analysis_results_org_id_run_id_analysis_runs_org_id_id_fk" FOREIGN KEY ("org_id","run_id") REFERENCES "public"."analysis_runs"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_results" ADD CONSTRAINT "analysis_results_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "analysis_runs" ADD CONSTRAINT "analysis_runs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "account_tier_changes_account_idx" ON "account_tier_changes" USING btree ("org_id","account_id","changed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "analysis_results_run_rank_idx" ON "analysis_results" USING btree ("org_id","run_id","rank");--> statement-breakpoint
CREATE INDEX "analysis_results_account_idx" ON "analysis_results" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "analysis_runs_org_created_idx" ON "analysis_runs" USING btree ("org_id","created_at","id");--> statement-breakpoint
CREATE INDEX "analysis_runs_org_kind_created_idx" ON "analysis_runs" USING btree ("org_id","kind","created_at","id");