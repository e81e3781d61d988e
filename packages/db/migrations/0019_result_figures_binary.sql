ALTER TABLE "analysis_result_blocks" ALTER COLUMN "values" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "analysis_result_blocks" ADD COLUMN "figures" "bytea";--> statement-breakpoint
ALTER TABLE "analysis_result_blocks" ADD CONSTRAINT "analysis_result_blocks_figures_check" CHECK (("analysis_result_blocks"."values" is null) <> ("analysis_result_blocks"."figures" is null) and ("analysis_result_blocks"."figures" is null or length("analysis_result_blocks"."figures") % (8 * greatest(cardinality("analysis_result_blocks"."account_ids"), 1)) = 0));--> statement-breakpoint
-- The binary figures are compressed like the JSON ones: lz4 where the server has it, none where not (0018).
DO $$
BEGIN
  ALTER TABLE "analysis_result_blocks" ALTER COLUMN "figures" SET COMPRESSION lz4;
  ALTER TABLE "analysis_result_blocks" ALTER COLUMN "figures" SET STORAGE EXTENDED;
EXCEPTION WHEN feature_not_supported THEN
  ALTER TABLE "analysis_result_blocks" ALTER COLUMN "figures" SET STORAGE EXTERNAL;
END $$;
