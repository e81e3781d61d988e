ALTER TABLE "tasks" ADD COLUMN "source_type" text;--> statement-breakpoint
ALTER TABLE "tasks" ADD COLUMN "source_id" uuid;--> statement-breakpoint
CREATE INDEX "tasks_org_source_idx" ON "tasks" USING btree ("org_id","source_type","source_id");--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_source_check" CHECK (("tasks"."source_type" is null) = ("tasks"."source_id" is null) and ("tasks"."source_type" is null or "source_type" in ('interaction', 'plan', 'case', 'journey')));