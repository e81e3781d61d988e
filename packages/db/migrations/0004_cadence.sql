CREATE TABLE "account_cadences" (
	"org_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"intervals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "account_cadences_org_id_account_id_pk" PRIMARY KEY("org_id","account_id"),
	CONSTRAINT "account_cadences_intervals_check" CHECK (jsonb_typeof(intervals) = 'object'
    and intervals - array['visit', 'executive_meeting', 'qbr'] = '{}'::jsonb
    and not jsonb_path_exists(intervals, 'strict $.* ? (@.type() == "number" && (@ < 1 || @ > 3660 || @ != @.floor()))')
    and not jsonb_path_exists(intervals, 'strict $.* ? (@.type() == "string" && @ != "quarterly" && @ != "half_yearly")')
    and not jsonb_path_exists(intervals, 'strict $.* ? (@.type() != "number" && @.type() != "string" && @.type() != "null")'))
);
--> statement-breakpoint
CREATE TABLE "cadence_policies" (
	"org_id" uuid NOT NULL,
	"tier" text NOT NULL,
	"intervals" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "cadence_policies_org_id_tier_pk" PRIMARY KEY("org_id","tier"),
	CONSTRAINT "cadence_policies_tier_check" CHECK ("tier" in ('strategic', 'key', 'growth', 'standard')),
	CONSTRAINT "cadence_policies_intervals_check" CHECK (jsonb_typeof(intervals) = 'object'
    and intervals - array['visit', 'executive_meeting', 'qbr'] = '{}'::jsonb
    and not jsonb_path_exists(intervals, 'strict $.* ? (@.type() == "number" && (@ < 1 || @ > 3660 || @ != @.floor()))')
    and not jsonb_path_exists(intervals, 'strict $.* ? (@.type() == "string" && @ != "quarterly" && @ != "half_yearly")')
    and not jsonb_path_exists(intervals, 'strict $.* ? (@.type() != "number" && @.type() != "string" && @.type() != "null")'))
);
--> statement-breakpoint
ALTER TABLE "account_cadences" ADD CONSTRAINT "account_cadences_org_id_account_id_accounts_org_id_id_fk" FOREIGN KEY ("org_id","account_id") REFERENCES "public"."accounts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cadence_policies" ADD CONSTRAINT "cadence_policies_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE no action ON UPDATE no action;