import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { sourceFingerprint } from "../bin/server-bundle.js";

describe("sourceFingerprint", () => {
  let root: string;
  const write = (path: string, text = "x", mtimeSeconds = 1_000) => {
    const full = join(root, path);
    mkdirSync(join(full, ".."), { recursive: true });
    writeFileSync(full, text);
    utimesSync(full, mtimeSeconds, mtimeSeconds);
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "openkam-bundle-"));
    for (const name of ["cli", "contracts", "db", "domain", "server"]) {
      write(`packages/${name}/package.json`, "{}");
      write(`packages/${name}/src/index.ts`, "export {};");
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("is stable while nothing changes", () => {
    expect(sourceFingerprint(root)).toBe(sourceFingerprint(root));
  });

  it("changes when a source is edited, added or removed, or a package manifest changes", () => {
    const seen = new Set([sourceFingerprint(root)]);
    write("packages/server/src/index.ts", "export const a = 1;");
    seen.add(sourceFingerprint(root));
    write("packages/db/src/deep/er/new.ts");
    seen.add(sourceFingerprint(root));
    rmSync(join(root, "packages/db/src/deep/er/new.ts"));
    write("packages/domain/src/index.ts", "export {};", 2_000); // same content, touched
    seen.add(sourceFingerprint(root));
    write("packages/cli/package.json", '{"dependencies":{}}');
    seen.add(sourceFingerprint(root));
    expect(seen.size).toBe(5);
  });

  it("ignores tests, which the bundle never contains", () => {
    const before = sourceFingerprint(root);
    write("packages/server/src/app.int.test.ts");
    write("packages/server/src/app.test.ts");
    expect(sourceFingerprint(root)).toBe(before);
  });
});
