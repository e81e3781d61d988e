import { Command } from "commander";
import { describeError } from "./cli-error";
import { analyzeCommand } from "./commands/analyze";
import { exportCommand } from "./commands/export";
import { importCommand } from "./commands/import";
import { migrateCommand } from "./commands/migrate";
import { orgCommand } from "./commands/org";
import { seedCommand } from "./commands/seed";
import { serveCommand } from "./commands/serve";
import { userCommand } from "./commands/user";
import { examples } from "./options";

// Commands import the server and database lazily, so `--help` and a server start stay quick.
const program = new Command("openkam")
  .description("OpenKAM: open-source key account management.\nThe database is embedded in a data folder (./.openkam) unless DATABASE_URL names a PostgreSQL server.")
  .version(process.env.npm_package_version ?? "0.1.0")
  .addCommand(serveCommand())
  .addCommand(migrateCommand())
  .addCommand(seedCommand())
  .addCommand(importCommand())
  .addCommand(exportCommand())
  .addCommand(userCommand())
  .addCommand(orgCommand())
  .addCommand(analyzeCommand())
  .addHelpText("after", examples(
    "openkam serve",
    'openkam org create --name "Acme Industrial"',
    'openkam user create --email ana@example.com --password "a long secret" --role admin --org "Acme Industrial"',
    'openkam import accounts accounts.csv --org "Acme Industrial"',
    'openkam export orders --org "Acme Industrial" --out orders.csv',
  ));

function showHelpAfterErrors(command: Command): void {
  command.showHelpAfterError("(add --help for usage)");
  command.commands.forEach(showHelpAfterErrors);
}
showHelpAfterErrors(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  console.error(`error: ${describeError(error)}`);
  if (process.env.OPENKAM_DEBUG) console.error(error);
  process.exitCode = (error as { exitCode?: number }).exitCode ?? 1;
}
