CREATE TABLE "comments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"subject_type" text NOT NULL,
	"subject_id" uuid NOT NULL,
	"author_user_id" uuid NOT NULL,
	"body" text NOT NULL,
	"mentioned_user_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"edited_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "comments_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "comments_subject_type_check" CHECK ("subject_type" in ('account', 'plan', 'case')),
	CONSTRAINT "comments_body_check" CHECK (length("comments"."body") between 1 and 10000)
);
--> statement-breakpoint
CREATE TABLE "mail_deliveries" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"dedupe_key" text NOT NULL,
	"status" text NOT NULL,
	"recipient" text NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"message_id" text,
	"error" text,
	CONSTRAINT "mail_deliveries_org_id_user_id_kind_dedupe_key_pk" PRIMARY KEY("org_id","user_id","kind","dedupe_key"),
	CONSTRAINT "mail_deliveries_status_check" CHECK ("status" in ('sending', 'sent', 'failed'))
);
--> statement-breakpoint
CREATE TABLE "notification_preferences" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"cadence_reminder_email" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "notification_preferences_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"actor_user_id" uuid,
	"account_id" uuid,
	"subject_type" text,
	"subject_id" uuid,
	"comment_id" uuid,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"dedupe_key" text,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notifications_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "notifications_kind_check" CHECK ("kind" in ('cadence_reminder', 'mention'))
);
--> statement-breakpoint
CREATE TABLE "scheduled_runs" (
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"period" text NOT NULL,
	"job_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scheduled_runs_org_id_name_period_pk" PRIMARY KEY("org_id","name","period")
);
--> statement-breakpoint
CREATE TABLE "account_service_scopes" (
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"included" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"excluded" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "account_service_scopes_org_id_account_id_pk" PRIMARY KEY("org_id","account_id"),
	CONSTRAINT "account_service_scopes_shape_check" CHECK (jsonb_typeof("account_service_scopes"."included") = 'array' and jsonb_typeof("account_service_scopes"."excluded") = 'array')
);
--> statement-breakpoint
CREATE TABLE "case_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"case_id" uuid NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"status" text NOT NULL,
	"actor_user_id" uuid,
	"body" text,
	"detail" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "case_events_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "case_events_type_check" CHECK ("type" in ('opened', 'responded', 'waiting_on_customer', 'customer_replied', 'resolved', 'reopened', 'note', 'assigned', 'priority_changed')),
	CONSTRAINT "case_events_status_check" CHECK ("status" in ('open', 'in_progress', 'waiting_on_customer', 'resolved'))
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"priority" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"assignee_user_id" uuid,
	"tier" text NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"first_response_at" timestamp with time zone,
	"resolved_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cases_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "cases_priority_check" CHECK ("priority" in ('P1', 'P2', 'P3', 'P4')),
	CONSTRAINT "cases_status_check" CHECK ("status" in ('open', 'in_progress', 'waiting_on_customer', 'resolved')),
	CONSTRAINT "cases_tier_check" CHECK ("tier" in ('strategic', 'key', 'growth', 'standard'))
);
--> statement-breakpoint
CREATE TABLE "service_calendars" (
	"org_id" uuid NOT NULL,
	"time_zone" text,
	"weekly_hours" jsonb NOT NULL,
	"holidays" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "service_calendars_org_id_pk" PRIMARY KEY("org_id"),
	CONSTRAINT "service_calendars_shape_check" CHECK (jsonb_typeof("service_calendars"."weekly_hours") = 'object' and jsonb_typeof("service_calendars"."holidays") = 'array')
);
--> statement-breakpoint
CREATE TABLE "sla_policies" (
	"org_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"priority" text NOT NULL,
	"first_response_minutes" integer NOT NULL,
	"resolution_minutes" integer NOT NULL,
	"business_hours" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "sla_policies_org_id_tier_priority_pk" PRIMARY KEY("org_id","tier","priority"),
	CONSTRAINT "sla_policies_tier_check" CHECK ("tier" in ('strategic', 'key', 'growth', 'standard')),
	CONSTRAINT "sla_policies_priority_check" CHECK ("priority" in ('P1', 'P2', 'P3', 'P4')),
	CONSTRAINT "sla_policies_minutes_check" CHECK ("sla_policies"."first_response_minutes" > 0 and "sla_policies"."resolution_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "account_business_units" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'business_unit' NOT NULL,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "account_business_units_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "account_business_units_kind_check" CHECK ("kind" in ('business_unit', 'site'))
);
--> statement-breakpoint
CREATE TABLE "customer_journeys" (
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"stages" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "customer_journeys_org_id_account_id_pk" PRIMARY KEY("org_id","account_id"),
	CONSTRAINT "customer_journeys_stages_check" CHECK (jsonb_typeof("customer_journeys"."stages") = 'array')
);
--> statement-breakpoint
CREATE TABLE "growth_initiatives" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"status" text DEFAULT 'proposed' NOT NULL,
	"value_kind" text DEFAULT 'cost_saved' NOT NULL,
	"customer_contact_id" uuid,
	"owner_user_id" uuid,
	"currency" text NOT NULL,
	"value_promised" numeric(18, 2) DEFAULT '0' NOT NULL,
	"value_delivered" numeric(18, 2) DEFAULT '0' NOT NULL,
	"investment" numeric(18, 2) DEFAULT '0' NOT NULL,
	"start_date" date,
	"target_date" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "growth_initiatives_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "growth_initiatives_status_check" CHECK ("status" in ('proposed', 'active', 'delivered', 'cancelled')),
	CONSTRAINT "growth_initiatives_value_kind_check" CHECK ("value_kind" in ('cost_saved', 'revenue_gained')),
	CONSTRAINT "growth_initiatives_currency_check" CHECK ("growth_initiatives"."currency" ~ '^[A-Z]{3}$'),
	CONSTRAINT "growth_initiatives_money_check" CHECK ("growth_initiatives"."value_promised" >= 0 and "growth_initiatives"."value_delivered" >= 0 and "growth_initiatives"."investment" >= 0),
	CONSTRAINT "growth_initiatives_dates_check" CHECK ("growth_initiatives"."start_date" is null or "growth_initiatives"."target_date" is null or "growth_initiatives"."target_date" >= "growth_initiatives"."start_date")
);
--> statement-breakpoint
CREATE TABLE "opportunities" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"name" text NOT NULL,
	"stage" text DEFAULT 'qualify' NOT NULL,
	"value" numeric(18, 2) NOT NULL,
	"currency" text NOT NULL,
	"probability" smallint NOT NULL,
	"expected_close_date" date,
	"owner_user_id" uuid,
	"product_id" uuid,
	"business_unit_id" uuid,
	"notes" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "opportunities_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "opportunities_stage_check" CHECK ("stage" in ('qualify', 'develop', 'propose', 'negotiate', 'won', 'lost')),
	CONSTRAINT "opportunities_probability_check" CHECK ("opportunities"."probability" between 0 and 100),
	CONSTRAINT "opportunities_value_check" CHECK ("opportunities"."value" >= 0),
	CONSTRAINT "opportunities_currency_check" CHECK ("opportunities"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "whitespace_cells" (
	"org_id" uuid NOT NULL,
	"business_unit_id" uuid NOT NULL,
	"product_id" uuid NOT NULL,
	"state" text,
	"estimated_value" numeric(18, 2),
	"currency" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "whitespace_cells_org_id_business_unit_id_product_id_pk" PRIMARY KEY("org_id","business_unit_id","product_id"),
	CONSTRAINT "whitespace_cells_state_check" CHECK ("whitespace_cells"."state" is null or "state" in ('bought', 'opportunity', 'not_relevant')),
	CONSTRAINT "whitespace_cells_value_check" CHECK (("whitespace_cells"."estimated_value" is null) = ("whitespace_cells"."currency" is null) and ("whitespace_cells"."estimated_value" is null or "whitespace_cells"."estimated_value" >= 0)),
	CONSTRAINT "whitespace_cells_currency_check" CHECK ("whitespace_cells"."currency" is null or "whitespace_cells"."currency" ~ '^[A-Z]{3}$')
);
--> statement-breakpoint
CREATE TABLE "account_plan_versions" (
	"org_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text NOT NULL,
	"content" jsonb NOT NULL,
	"progress" integer,
	"change" text NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_plan_versions_org_id_plan_id_version_pk" PRIMARY KEY("org_id","plan_id","version"),
	CONSTRAINT "account_plan_versions_status_check" CHECK ("status" in ('draft', 'submitted', 'approved', 'changes_requested')),
	CONSTRAINT "account_plan_versions_change_check" CHECK ("change" in ('create', 'update', 'submit', 'approve', 'request_changes'))
);
--> statement-breakpoint
CREATE TABLE "account_plans" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"title" text NOT NULL,
	"template_key" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"content" jsonb NOT NULL,
	"progress" integer,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"approved_version" integer,
	"approved_at" timestamp with time zone,
	"approved_by" uuid,
	"review_comment" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "account_plans_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "account_plans_status_check" CHECK ("status" in ('draft', 'submitted', 'approved', 'changes_requested')),
	CONSTRAINT "account_plans_template_check" CHECK ("template_key" in ('strategic', 'growth', 'blank')),
	CONSTRAINT "account_plans_period_check" CHECK ("account_plans"."period_end" >= "account_plans"."period_start"),
	CONSTRAINT "account_plans_progress_check" CHECK ("account_plans"."progress" is null or "account_plans"."progress" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "kam_programme_accounts" (
	"org_id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kam_programme_accounts_org_id_programme_id_account_id_pk" PRIMARY KEY("org_id","programme_id","account_id")
);
--> statement-breakpoint
CREATE TABLE "kam_programme_goals" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text NOT NULL,
	"target" numeric(16, 2) NOT NULL,
	"manual_value" numeric(16, 2),
	"unit" text,
	"position" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kam_programme_goals_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "kam_programme_goals_kind_check" CHECK ("kind" in ('revenue_growth', 'approved_plans', 'cadence_compliance', 'champion_coverage', 'manual')),
	CONSTRAINT "kam_programme_goals_manual_check" CHECK ("kam_programme_goals"."kind" = 'manual' or "kam_programme_goals"."manual_value" is null)
);
--> statement-breakpoint
CREATE TABLE "kam_programmes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"starts_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "kam_programmes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "comments" ADD CONSTRAINT "comments_org_id_author_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","author_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_deliveries" ADD CONSTRAINT "mail_deliveries_org_id_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification_preferences" ADD CONSTRAINT "notification_preferences_org_id_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notifications" ADD CONSTRAINT "notifications_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scheduled_runs" ADD CONSTRAINT "scheduled_runs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_service_scopes" ADD CONSTRAINT "account_service_scopes_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "case_events" ADD CONSTRAINT "case_events_org_id_case_id_cases_org_id_id_fk" FOREIGN KEY ("org_id","case_id") REFERENCES "public"."cases"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cases" ADD CONSTRAINT "cases_org_id_assignee_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","assignee_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "service_calendars" ADD CONSTRAINT "service_calendars_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sla_policies" ADD CONSTRAINT "sla_policies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_business_units" ADD CONSTRAINT "account_business_units_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "customer_journeys" ADD CONSTRAINT "customer_journeys_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_initiatives" ADD CONSTRAINT "growth_initiatives_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_initiatives" ADD CONSTRAINT "growth_initiatives_org_id_customer_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","customer_contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "growth_initiatives" ADD CONSTRAINT "growth_initiatives_org_id_owner_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","owner_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_owner_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","owner_user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_product_id_products_org_id_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opportunities" ADD CONSTRAINT "opportunities_org_id_business_unit_id_account_business_units_org_id_id_fk" FOREIGN KEY ("org_id","business_unit_id") REFERENCES "public"."account_business_units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitespace_cells" ADD CONSTRAINT "whitespace_cells_org_id_business_unit_id_account_business_units_org_id_id_fk" FOREIGN KEY ("org_id","business_unit_id") REFERENCES "public"."account_business_units"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whitespace_cells" ADD CONSTRAINT "whitespace_cells_org_id_product_id_products_org_id_id_fk" FOREIGN KEY ("org_id","product_id") REFERENCES "public"."products"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_plan_versions" ADD CONSTRAINT "account_plan_versions_org_id_plan_id_account_plans_org_id_id_fk" FOREIGN KEY ("org_id","plan_id") REFERENCES "public"."account_plans"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_plans" ADD CONSTRAINT "account_plans_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account_plans" ADD CONSTRAINT "account_plans_org_id_approved_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","approved_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kam_programme_accounts" ADD CONSTRAINT "kam_programme_accounts_org_id_programme_id_kam_programmes_org_id_id_fk" FOREIGN KEY ("org_id","programme_id") REFERENCES "public"."kam_programmes"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kam_programme_accounts" ADD CONSTRAINT "kam_programme_accounts_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kam_programme_accounts" ADD CONSTRAINT "kam_programme_accounts_org_id_added_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","added_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kam_programme_goals" ADD CONSTRAINT "kam_programme_goals_org_id_programme_id_kam_programmes_org_id_id_fk" FOREIGN KEY ("org_id","programme_id") REFERENCES "public"."kam_programmes"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kam_programmes" ADD CONSTRAINT "kam_programmes_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "comments_subject_idx" ON "comments" USING btree ("org_id","subject_type","subject_id","id");--> statement-breakpoint
CREATE INDEX "notifications_user_idx" ON "notifications" USING btree ("org_id","user_id","id");--> statement-breakpoint
CREATE INDEX "notifications_unread_idx" ON "notifications" USING btree ("org_id","user_id") WHERE "notifications"."read_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe_key" ON "notifications" USING btree ("org_id","user_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "case_events" USING btree ("org_id","case_id","at");--> statement-breakpoint
CREATE INDEX "cases_org_account_idx" ON "cases" USING btree ("org_id","account_id","opened_at");--> statement-breakpoint
CREATE INDEX "cases_org_status_idx" ON "cases" USING btree ("org_id","status","opened_at");--> statement-breakpoint
CREATE INDEX "cases_org_assignee_idx" ON "cases" USING btree ("org_id","assignee_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "account_business_units_name_key" ON "account_business_units" USING btree ("org_id","account_id",lower("name"));--> statement-breakpoint
CREATE INDEX "growth_initiatives_org_account_idx" ON "growth_initiatives" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "opportunities_org_account_idx" ON "opportunities" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "opportunities_org_stage_close_idx" ON "opportunities" USING btree ("org_id","stage","expected_close_date");--> statement-breakpoint
CREATE INDEX "whitespace_cells_product_idx" ON "whitespace_cells" USING btree ("org_id","product_id");--> statement-breakpoint
CREATE INDEX "account_plans_account_idx" ON "account_plans" USING btree ("org_id","account_id","period_start");--> statement-breakpoint
CREATE INDEX "kam_programme_accounts_account_idx" ON "kam_programme_accounts" USING btree ("org_id","account_id");--> statement-breakpoint
CREATE INDEX "kam_programme_goals_programme_idx" ON "kam_programme_goals" USING btree ("org_id","programme_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "kam_programmes_org_idx" ON "kam_programmes" USING btree ("org_id");