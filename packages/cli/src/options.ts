import { Option } from "commander";

export const dataDirOption = () =>
  new Option("--data-dir <dir>", "embedded database folder (default ./.openkam); ignored when DATABASE_URL is set").env("OPENKAM_DATA_DIR");

export const orgOption = () => new Option("--org <name>", "organization name").makeOptionMandatory();

/** A help section of examples, shown after the options. */
export const examples = (...lines: string[]) => `\nExamples:\n${lines.map((line) => `  $ ${line}`).join("\n")}\n`;
