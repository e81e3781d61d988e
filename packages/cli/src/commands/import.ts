import { IMPORT_ENTITIES, IMPORT_MODES, type ImportEntity, type ImportMode } from "@openkam/domain";
import { Argument, Command, Option } from "commander";
import { existsSync, readFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { CliError } from "../cli-error";
import { requireOrganization } from "../identity.repository";
import { importProgressBar } from "../import-progress";
import { withDatabase } from "../open-database";
import { dataDirOption, examples, orgOption } from "../options";

interface ImportOptions {
  org: string;
  mode: ImportMode;
  dryRun?: boolean;
  mapping?: string;
  dataDir?: string;
}

/** Rejections printed in full; the rest are counted, and listed by the API. */
const SHOWN_REJECTIONS = 100;

/** `--mapping` takes JSON ({"file column": "field"}) inline, or the path of a JSON file. */
export function parseMapping(value: string): Record<string, string> {
  const text = value.trim().startsWith("{") ? value : existsSync(value) ? readFileSync(value, "utf8") : null;
  if (text === null) throw new CliError(`--mapping is neither JSON nor a file: ${value}`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CliError(`--mapping is not valid JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed) || !Object.values(parsed).every((v) => typeof v === "string")) {
    throw new CliError('--mapping must be an object of file column to field names, like {"Customer": "name"}');
  }
  return parsed as Record<string, string>;
}

async function runImport(entity: ImportEntity, file: string, options: ImportOptions): Promise<void> {
  const filePath = resolve(file);
  if (!existsSync(filePath)) throw new CliError(`no such file: ${file}`);
  const mapping = options.mapping === undefined ? undefined : parseMapping(options.mapping);
  const dryRun = options.dryRun ?? false;

  const result = await withDatabase(options, async (db) => {
    const org = await requireOrganization(db, options.org);
    const [{ importFile }, { systemScope }] = await Promise.all([import("@openkam/server/modules/imports/index"), import("@openkam/server")]);
    const bar = await importProgressBar(filePath, `${dryRun ? "Checking" : "Importing"} ${entity}`);
    try {
      return await importFile({
        db, scope: systemScope(org.id), entity, filePath, fileName: basename(filePath), mode: options.mode, dryRun, mapping,
        onProgress: (counts) => bar.update(counts),
      });
    } finally {
      bar.stop();
    }
  });

  // An all-or-nothing import with rejected rows fails too; it is reported like any other rejection.
  if (result.status === "failed" && result.rowsRejected === 0) throw new CliError(`the import failed: ${result.error ?? "unknown error"}`);
  for (const r of result.rejections.slice(0, SHOWN_REJECTIONS)) console.log(`line ${r.line}${r.column ? `, column ${r.column}` : ""}: ${r.reason}`);
  if (result.rowsRejected > SHOWN_REJECTIONS) console.log(`… ${result.rowsRejected - SHOWN_REJECTIONS} more rejected rows; all of them: GET /api/imports/${result.importId}/rejections.csv`);
  console.log(`read ${result.rowsRead}, accepted ${result.rowsAccepted}, rejected ${result.rowsRejected}`);

  if (dryRun) console.log("Dry run: nothing was saved.");
  else if (options.mode === "all-or-nothing" && result.rowsRejected > 0) console.log("Nothing was saved (all-or-nothing): fix the rows above, or import with --mode valid-rows.");
  else if (result.status === "failed") console.log(`The import failed: ${result.error ?? "unknown error"}`);
  if (result.status === "failed" || (result.rowsRejected > 0 && (dryRun || options.mode === "all-or-nothing"))) process.exitCode = 1;
}

export function importCommand(): Command {
  return new Command("import")
    .description("import a CSV or XLSX file; re-importing is idempotent by external_id")
    .addArgument(new Argument("<entity>", "what the rows are").choices(IMPORT_ENTITIES))
    .argument("<file>", "a .csv or .xlsx file; headers named like the export's need no mapping")
    .addOption(orgOption())
    .addOption(new Option("--mode <mode>", "all-or-nothing: any bad row saves nothing; valid-rows: save the good rows").choices(IMPORT_MODES).default("all-or-nothing"))
    .option("--dry-run", "check every row, save nothing")
    .option("--mapping <json>", 'column mapping {"file column": "field"}, inline or a .json file')
    .addOption(dataDirOption())
    .addHelpText("after", [
      examples(
        'openkam import accounts accounts.csv --org "Acme Industrial"',
        'openkam import orders orders.xlsx --org "Acme Industrial" --mode valid-rows',
        'openkam import contacts people.csv --org "Acme Industrial" --dry-run --mapping \'{"Customer code": "account_external_id", "Full name": "name"}\'',
      ),
      "Exit status: 1 when rows were rejected in all-or-nothing mode or in a dry run.",
    ].join("\n"))
    .action(runImport);
}
