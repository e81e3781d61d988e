CREATE TABLE "public_rate_limits" (
	"bucket" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"hits" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "public_rate_limits_bucket_window_start_pk" PRIMARY KEY("bucket","window_start")
);
--> statement-breakpoint
CREATE TABLE "survey_invitations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"survey_version" integer NOT NULL,
	"send_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"email" text NOT NULL,
	"language" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"mail_status" text DEFAULT 'pending' NOT NULL,
	"mail_attempted_at" timestamp with time zone,
	"mail_message_id" text,
	"mail_error" text,
	"sent_at" timestamp with time zone,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_invitations_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "survey_invitations_language_check" CHECK ("language" in ('en', 'zh-CN')),
	CONSTRAINT "survey_invitations_mail_status_check" CHECK ("mail_status" in ('pending', 'sending', 'sent', 'failed', 'not_configured'))
);
--> statement-breakpoint
CREATE TABLE "survey_responses" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"survey_version" integer NOT NULL,
	"invitation_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"submission_id" uuid NOT NULL,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"nps_score" smallint,
	"csat_score" smallint,
	"comment" text,
	"answers" jsonb NOT NULL,
	"language" text NOT NULL,
	"feedback_item_id" uuid,
	CONSTRAINT "survey_responses_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "survey_responses_nps_check" CHECK ("survey_responses"."nps_score" is null or "survey_responses"."nps_score" between 0 and 10),
	CONSTRAINT "survey_responses_csat_check" CHECK ("survey_responses"."csat_score" is null or "survey_responses"."csat_score" between 1 and 5),
	CONSTRAINT "survey_responses_language_check" CHECK ("language" in ('en', 'zh-CN'))
);
--> statement-breakpoint
CREATE TABLE "survey_schedules" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"target_kind" text NOT NULL,
	"account_id" uuid,
	"tier" text,
	"recurrence" text NOT NULL,
	"starts_on" date NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"last_occurrence" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "survey_schedules_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "survey_schedules_target_kind_check" CHECK ("target_kind" in ('account', 'tier', 'cohort')),
	CONSTRAINT "survey_schedules_recurrence_check" CHECK ("recurrence" in ('monthly', 'quarterly', 'half_yearly', 'yearly')),
	CONSTRAINT "survey_schedules_target_check" CHECK (("survey_schedules"."target_kind" = 'account') = ("survey_schedules"."account_id" is not null) and ("survey_schedules"."target_kind" = 'tier') = ("survey_schedules"."tier" is not null))
);
--> statement-breakpoint
CREATE TABLE "survey_sends" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"survey_version" integer NOT NULL,
	"schedule_id" uuid,
	"occurrence" date,
	"target_kind" text NOT NULL,
	"account_id" uuid,
	"tier" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_sends_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "survey_sends_target_kind_check" CHECK ("target_kind" in ('account', 'tier', 'cohort'))
);
--> statement-breakpoint
CREATE TABLE "survey_versions" (
	"org_id" uuid NOT NULL,
	"survey_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "survey_versions_org_id_survey_id_version_pk" PRIMARY KEY("org_id","survey_id","version")
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" jsonb NOT NULL,
	"default_language" text NOT NULL,
	"valid_days" integer DEFAULT 30 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "surveys_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "surveys_language_check" CHECK ("default_language" in ('en', 'zh-CN')),
	CONSTRAINT "surveys_valid_days_check" CHECK ("surveys"."valid_days" between 1 and 365)
);
--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_version_fk" FOREIGN KEY ("org_id","survey_id","survey_version") REFERENCES "public"."survey_versions"("org_id","survey_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_org_id_send_id_survey_sends_org_id_id_fk" FOREIGN KEY ("org_id","send_id") REFERENCES "public"."survey_sends"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_invitations" ADD CONSTRAINT "survey_invitations_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_invitation_fk" FOREIGN KEY ("org_id","invitation_id") REFERENCES "public"."survey_invitations"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_version_fk" FOREIGN KEY ("org_id","survey_id","survey_version") REFERENCES "public"."survey_versions"("org_id","survey_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_responses" ADD CONSTRAINT "survey_responses_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_schedules" ADD CONSTRAINT "survey_schedules_org_id_survey_id_surveys_org_id_id_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_schedules" ADD CONSTRAINT "survey_schedules_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_sends" ADD CONSTRAINT "survey_sends_version_fk" FOREIGN KEY ("org_id","survey_id","survey_version") REFERENCES "public"."survey_versions"("org_id","survey_id","version") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_sends" ADD CONSTRAINT "survey_sends_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_versions" ADD CONSTRAINT "survey_versions_org_id_survey_id_surveys_org_id_id_fk" FOREIGN KEY ("org_id","survey_id") REFERENCES "public"."surveys"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_rate_limits_window_idx" ON "public_rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_token_key" ON "survey_invitations" USING btree ("org_id","token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_invitations_send_contact_key" ON "survey_invitations" USING btree ("org_id","send_id","contact_id");--> statement-breakpoint
CREATE INDEX "survey_invitations_survey_idx" ON "survey_invitations" USING btree ("org_id","survey_id","created_at");--> statement-breakpoint
CREATE INDEX "survey_invitations_account_idx" ON "survey_invitations" USING btree ("org_id","account_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_invitation_key" ON "survey_responses" USING btree ("org_id","invitation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_responses_submission_key" ON "survey_responses" USING btree ("org_id","submission_id");--> statement-breakpoint
CREATE INDEX "survey_responses_survey_idx" ON "survey_responses" USING btree ("org_id","survey_id","submitted_at");--> statement-breakpoint
CREATE INDEX "survey_responses_account_idx" ON "survey_responses" USING btree ("org_id","account_id","submitted_at");--> statement-breakpoint
CREATE INDEX "survey_schedules_survey_idx" ON "survey_schedules" USING btree ("org_id","survey_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_sends_occurrence_key" ON "survey_sends" USING btree ("org_id","schedule_id","occurrence");--> statement-breakpoint
CREATE INDEX "surveys_org_created_idx" ON "surveys" USING btree ("org_id","created_at");