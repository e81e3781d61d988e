import { Command, Option } from "commander";
import { CliError } from "../cli-error";
import { demoScale, seedDemoData } from "../demo";
import { withDatabase } from "../open-database";
import { dataDirOption, examples } from "../options";

export function seedCommand(): Command {
  return new Command("seed")
    .description("load the demo company (its admin signs in with the demo login); works in embedded and server mode")
    .option("--demo", "seed the demo organization")
    .addOption(new Option("--scale <n>", "size: 1 = about 300 accounts and 60,000 orders").default("1"))
    .addOption(dataDirOption())
    .addHelpText("after", examples("openkam seed --demo", "DATABASE_URL=postgres://openkam@db/openkam openkam seed --demo --scale 10"))
    .action(async (options: { demo?: boolean; scale: string; dataDir?: string }) => {
      if (!options.demo) throw new CliError("nothing to seed: pass --demo");
      const scale = demoScale(options.scale);
      const log = (line: string) => console.log(line);
      await withDatabase(options, async (db) => {
        const login = await seedDemoData(db, scale, log);
        log(`Demo login: ${login.email} / ${login.password}`);
      });
    });
}
