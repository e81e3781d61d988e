-- A result block's ids, groups and ranks (about 3 KB of its row) were compressed with the server's default, pglz,
-- which took about a third of the database's time writing an identification's results. lz4 where the server has it
-- (PostgreSQL 14 and later, built with it, as Debian's is); uncompressed where not (the embedded engine), like the
-- figures (0018, 0019; docs/decisions/0012-analysis-results-in-blocks.md).
DO $$
BEGIN
  ALTER TABLE "analysis_result_blocks" ALTER COLUMN "account_ids" SET COMPRESSION lz4;
  ALTER TABLE "analysis_result_blocks" ALTER COLUMN "grps" SET COMPRESSION lz4;
  ALTER TABLE "analysis_result_blocks" ALTER COLUMN "ranks" SET COMPRESSION lz4;
EXCEPTION WHEN feature_not_supported THEN
  ALTER TABLE "analysis_result_blocks" ALTER COLUMN "account_ids" SET STORAGE EXTERNAL;
  ALTER TABLE "analysis_result_blocks" ALTER COLUMN "grps" SET STORAGE EXTERNAL;
  ALTER TABLE "analysis_result_blocks" ALTER COLUMN "ranks" SET STORAGE EXTERNAL;
END $$;
