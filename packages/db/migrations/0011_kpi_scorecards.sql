CREATE TABLE "scorecard_configs" (
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"config" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scorecard_configs_org_id_version_pk" PRIMARY KEY("org_id","version"),
	CONSTRAINT "scorecard_configs_version_check" CHECK ("scorecard_configs"."version" >= 1),
	CONSTRAINT "scorecard_configs_shape_check" CHECK (jsonb_typeof("scorecard_configs"."config") = 'object')
);
--> statement-breakpoint
ALTER TABLE "scorecard_configs" ADD CONSTRAINT "scorecard_configs_org_id_organizations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scorecard_configs" ADD CONSTRAINT "scorecard_configs_org_id_created_by_memberships_org_id_user_id_fk" FOREIGN KEY ("org_id","created_by") REFERENCES "public"."memberships"("org_id","user_id") ON DELETE no action ON UPDATE no action;