import { buildOrganization } from "@openkam/db/testing/builders";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLI_TEST_TIMEOUT, newCliDatabase, runCli, type CliDatabase } from "../testing/cli-harness";

const HEADER = "external_id,name,currency,tier";
// Line 3 has a tier that does not exist.
const ACCOUNTS = `${HEADER}\nA-1,Northwind Machinery,CNY,strategic\nA-2,Bad Tier Ltd,CNY,platinum\nA-3,Globex Components,EUR,key\n`;

describe("openkam import and export", () => {
  let database: CliDatabase;
  let files: string;
  const org = "Import Test Org";
  beforeAll(async () => {
    database = await newCliDatabase();
    const db = await database.open();
    await buildOrganization(db, { name: org });
    await db.close();
    files = mkdtempSync(join(tmpdir(), "openkam-cli-files-"));
    writeFileSync(join(files, "accounts.csv"), ACCOUNTS);
  });
  afterAll(async () => {
    rmSync(files, { recursive: true, force: true });
    await database.dispose();
  });

  it("all-or-nothing saves nothing when a row is bad and exits 1; valid-rows saves the good rows; export writes them as CSV", async () => {
    const cli = (...args: string[]) => runCli(args, database.env);
    const file = join(files, "accounts.csv");

    const dryRun = await cli("import", "accounts", file, "--org", org, "--dry-run");
    expect(dryRun.code).toBe(1);
    expect(dryRun.stdout).toMatch(/^line 3, column tier: .+$/m);
    expect(dryRun.stdout).toContain("read 3, accepted 0, rejected 1");

    const strict = await cli("import", "accounts", file, "--org", org);
    expect(strict.stdout).toMatch(/^line 3, column tier: .+$/m);
    expect(strict.stdout).toContain("read 3, accepted 0, rejected 1");
    expect(strict.code).toBe(1);
    const empty = await cli("export", "accounts", "--org", org);
    expect(empty.code).toBe(0);
    expect(empty.stdout).not.toContain("Northwind");

    const lenient = await cli("import", "accounts", file, "--org", org, "--mode", "valid-rows");
    expect(lenient.stdout).toMatch(/^line 3, column tier: .+$/m);
    expect(lenient.stdout).toContain("read 3, accepted 2, rejected 1");
    expect(lenient.code).toBe(0);

    const out = join(files, "export.csv");
    const exported = await cli("export", "accounts", "--org", org, "--out", out);
    expect(exported.code).toBe(0);
    const lines = readFileSync(out, "utf8").trim().split(/\r?\n/);
    expect(lines[0]).toMatch(/^external_id,name,/);
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 2).join(",")).sort()).toEqual(["A-1,Northwind Machinery", "A-3,Globex Components"]);

    const unknownOrg = await cli("export", "accounts", "--org", "No Such Org");
    expect(unknownOrg.code).toBe(1);
    expect(unknownOrg.stderr).toContain('no organization named "No Such Org"');
  }, CLI_TEST_TIMEOUT);
});
