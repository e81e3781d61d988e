CREATE TABLE "effort_entries" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"worked_on" date NOT NULL,
	"minutes" integer NOT NULL,
	"source" text NOT NULL,
	"source_id" uuid,
	"note" text,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "effort_entries_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "effort_entries_source_check" CHECK ("source" in ('interaction', 'case', 'task', 'manual')),
	CONSTRAINT "effort_entries_minutes_check" CHECK ("effort_entries"."minutes" > 0 and "effort_entries"."minutes" <= 1440),
	CONSTRAINT "effort_entries_source_id_check" CHECK (("effort_entries"."source" = 'manual') = ("effort_entries"."source_id" is null))
);
--> statement-breakpoint
CREATE TABLE "effort_settings" (
	"org_id" uuid NOT NULL,
	"key_share_pct" integer NOT NULL,
	"over_ratio" numeric(4, 2) NOT NULL,
	"under_ratio" numeric(4, 2) NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "effort_settings_org_id_pk" PRIMARY KEY("org_id"),
	CONSTRAINT "effort_settings_key_share_check" CHECK ("effort_settings"."key_share_pct" between 0 and 100),
	CONSTRAINT "effort_settings_band_check" CHECK ("effort_settings"."under_ratio" > 0 and "effort_settings"."under_ratio" < 1 and "effort_settings"."over_ratio" > 1)
);
--> statement-breakpoint
CREATE TABLE "review_cycles" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"criteria" jsonb NOT NULL,
	"gap_threshold" numeric(3, 2) NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"created_by" uuid,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "review_cycles_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "review_cycles_status_check" CHECK ("status" in ('open', 'closed')),
	CONSTRAINT "review_cycles_period_check" CHECK ("review_cycles"."period_start" <= "review_cycles"."period_end")
);
--> statement-breakpoint
CREATE TABLE "review_invitations" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"cycle_id" uuid NOT NULL,
	"view" text NOT NULL,
	"user_id" uuid,
	"contact_id" uuid,
	"email" text,
	"language" text DEFAULT 'en' NOT NULL,
	"token_hash" text,
	"expires_at" timestamp with time zone,
	"sent_at" timestamp with time zone,
	"ratings" jsonb,
	"comment" text,
	"submission_id" uuid,
	"responded_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_invitations_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "review_invitations_view_check" CHECK ("view" in ('team', 'director', 'self', 'customer')),
	CONSTRAINT "review_invitations_language_check" CHECK ("language" in ('en', 'zh-CN')),
	CONSTRAINT "review_invitations_who_check" CHECK (("review_invitations"."view" = 'customer') = ("review_invitations"."user_id" is null) and ("review_invitations"."view" <> 'customer' or "review_invitations"."token_hash" is not null)),
	CONSTRAINT "review_invitations_answer_check" CHECK (("review_invitations"."responded_at" is null) = ("review_invitations"."ratings" is null)),
	CONSTRAINT "review_invitations_comment_check" CHECK ("review_invitations"."comment" is null or length("review_invitations"."comment") <= 5000)
);
--> statement-breakpoint
CREATE TABLE "review_settings" (
	"org_id" uuid NOT NULL,
	"criteria" jsonb NOT NULL,
	"gap_threshold" numeric(3, 2) NOT NULL,
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "review_settings_org_id_pk" PRIMARY KEY("org_id"),
	CONSTRAINT "review_settings_gap_check" CHECK ("review_settings"."gap_threshold" > 0 and "review_settings"."gap_threshold" <= 4)
);
--> statement-breakpoint
ALTER TABLE "effort_entries" ADD CONSTRAINT "effort_entries_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_entries" ADD CONSTRAINT "effort_entries_org_id_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "effort_settings" ADD CONSTRAINT "effort_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_cycles" ADD CONSTRAINT "review_cycles_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_invitations" ADD CONSTRAINT "review_invitations_org_id_cycle_id_review_cycles_org_id_id_fk" FOREIGN KEY ("org_id","cycle_id") REFERENCES "public"."review_cycles"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_invitations" ADD CONSTRAINT "review_invitations_org_id_user_id_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","user_id") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_invitations" ADD CONSTRAINT "review_invitations_org_id_contact_id_contacts_org_id_id_fk" FOREIGN KEY ("org_id","contact_id") REFERENCES "public"."contacts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_settings" ADD CONSTRAINT "review_settings_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "effort_entries_account_idx" ON "effort_entries" USING btree ("org_id","account_id","worked_on");--> statement-breakpoint
CREATE INDEX "effort_entries_user_idx" ON "effort_entries" USING btree ("org_id","user_id","worked_on");--> statement-breakpoint
CREATE INDEX "effort_entries_source_idx" ON "effort_entries" USING btree ("org_id","source","source_id");--> statement-breakpoint
CREATE INDEX "review_cycles_account_idx" ON "review_cycles" USING btree ("org_id","account_id","period_end");--> statement-breakpoint
CREATE INDEX "review_invitations_cycle_idx" ON "review_invitations" USING btree ("org_id","cycle_id");--> statement-breakpoint
CREATE INDEX "review_invitations_user_idx" ON "review_invitations" USING btree ("org_id","user_id","responded_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_invitations_user_key" ON "review_invitations" USING btree ("org_id","cycle_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "review_invitations_token_key" ON "review_invitations" USING btree ("org_id","token_hash");