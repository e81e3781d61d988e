import { Command } from "commander";
import { insertOrganization } from "../identity.repository";
import { withDatabase } from "../open-database";
import { dataDirOption, examples } from "../options";

export function orgCommand(): Command {
  const org = new Command("org").description("manage organizations");
  org
    .command("create")
    .description("create an organization (then add people with `openkam user create`)")
    .requiredOption("--name <name>", "organization name, unique regardless of case")
    .addOption(dataDirOption())
    .addHelpText("after", examples('openkam org create --name "Acme Industrial"'))
    .action(async (options: { name: string; dataDir?: string }) => {
      const name = options.name.trim();
      const created = await withDatabase(options, (db) => insertOrganization(db, name));
      console.log(`Created organization "${created.name}" (${created.id})`);
    });
  return org;
}
