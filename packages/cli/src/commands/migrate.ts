import { Command } from "commander";
import { dataDirOption, examples } from "../options";

export function migrateCommand(): Command {
  return new Command("migrate")
    .description("apply the database migrations that have not run yet (serve does this at start too)")
    .addOption(dataDirOption())
    .addHelpText("after", examples("openkam migrate", "DATABASE_URL=postgres://openkam@db/openkam openkam migrate"))
    .action(async (options: { dataDir?: string }) => {
      const { createDatabase, databaseConfigFromEnv, migrate } = await import("@openkam/db");
      const db = await createDatabase(databaseConfigFromEnv({ dataDir: options.dataDir }));
      try {
        const applied = await migrate(db);
        console.log(applied === 0 ? `The database at ${db.location} is up to date` : `Applied ${applied} migration(s) to ${db.location}`);
      } finally {
        await db.close();
      }
    });
}
