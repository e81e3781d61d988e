-- Result figures compressed with lz4 where the server has it (PostgreSQL 14 and later, built with lz4): written as
-- fast as uncompressed ones, in about 40% of the space (docs/decisions/0012-analysis-results-in-blocks.md). Where it
-- has not (the embedded engine), they stay uncompressed: pglz would double the time of every write.
DO $$
BEGIN
  ALTER TABLE "analysis_result_blocks" ALTER COLUMN "values" SET COMPRESSION lz4;
  ALTER TABLE "analysis_result_blocks" ALTER COLUMN "values" SET STORAGE EXTENDED;
EXCEPTION WHEN feature_not_supported THEN
  NULL;
END $$;
