import { EXPORT_ENTITIES, type ExportEntity } from "@openkam/domain";
import { Argument, Command } from "commander";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { requireOrganization } from "../identity.repository";
import { withDatabase } from "../open-database";
import { dataDirOption, examples, orgOption } from "../options";

async function runExport(entity: ExportEntity, options: { org: string; out?: string; dataDir?: string }): Promise<void> {
  await withDatabase(options, async (db) => {
    const org = await requireOrganization(db, options.org);
    const [{ exportCsv }, { systemScope }] = await Promise.all([import("@openkam/server/modules/exports/index"), import("@openkam/server")]);
    const out = options.out === undefined ? process.stdout : createWriteStream(options.out);
    await exportCsv({ db, scope: systemScope(org.id), entity, out });
    if (out !== process.stdout) {
      out.end();
      await finished(out);
    }
  });
  if (options.out !== undefined) console.error(`Exported ${entity} to ${options.out}`);
}

export function exportCommand(): Command {
  return new Command("export")
    .description("export as CSV (the same columns the import reads back)")
    .addArgument(new Argument("<entity>", "what to export").choices(EXPORT_ENTITIES))
    .addOption(orgOption())
    .option("--out <file>", "write to this file instead of standard output")
    .addOption(dataDirOption())
    .addHelpText("after", examples('openkam export accounts --org "Acme Industrial" > accounts.csv', 'openkam export orders --org "Acme Industrial" --out orders.csv'))
    .action(runExport);
}
