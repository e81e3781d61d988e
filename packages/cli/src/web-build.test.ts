import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { webBuildState } from "./web-build";

describe("webBuildState", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function webApp(files: Record<string, number>): string {
    dir = mkdtempSync(join(tmpdir(), "openkam-web-"));
    for (const [path, mtimeSeconds] of Object.entries(files)) {
      const full = join(dir, path);
      mkdirSync(join(full, ".."), { recursive: true });
      writeFileSync(full, "x");
      utimesSync(full, mtimeSeconds, mtimeSeconds);
    }
    return dir;
  }

  it("is no-web-app without a vite config", () => {
    expect(webBuildState(webApp({ "src/main.tsx": 100 }))).toBe("no-web-app");
  });

  it("is missing without dist/index.html", () => {
    expect(webBuildState(webApp({ "vite.config.ts": 100, "src/main.tsx": 100 }))).toBe("missing");
  });

  it("is stale when a file deep under src is newer than the build", () => {
    expect(webBuildState(webApp({ "vite.config.ts": 100, "index.html": 100, "src/features/a/Page.tsx": 300, "dist/index.html": 200 }))).toBe("stale");
  });

  it("is stale when index.html is newer than the build", () => {
    expect(webBuildState(webApp({ "vite.config.ts": 100, "index.html": 300, "src/main.tsx": 100, "dist/index.html": 200 }))).toBe("stale");
  });

  it("is current when the build is at least as new as every source", () => {
    expect(webBuildState(webApp({ "vite.config.ts": 100, "index.html": 200, "src/main.tsx": 200, "dist/index.html": 200 }))).toBe("current");
  });

  it("is stale when the build configuration changed after the build", () => {
    expect(webBuildState(webApp({ "vite.config.ts": 300, "index.html": 100, "src/main.tsx": 100, "dist/index.html": 200 }))).toBe("stale");
    expect(webBuildState(webApp({ "vite.config.ts": 100, "build/precompress.ts": 300, "index.html": 100, "src/main.tsx": 100, "dist/index.html": 200 }))).toBe("stale");
  });
});
