import { createTestDatabase } from "@openkam/db/testing/test-database";
import type { Database } from "@openkam/db";
import type { FastifyInstance } from "fastify";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../app";

let db: Database;
let app: FastifyInstance;
let webRoot: string;

beforeAll(async () => {
  webRoot = mkdtempSync(join(tmpdir(), "openkam-web-"));
  mkdirSync(join(webRoot, "assets"));
  writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>OpenKAM app</title>");
  writeFileSync(join(webRoot, "assets", "app.js"), "console.log(1)");
  // As the build writes them: a compressed copy beside the file.
  writeFileSync(join(webRoot, "assets", "app.js.gz"), gzipSync("console.log(1)"));
  db = await createTestDatabase();
  app = await buildApp({ database: db, config: { runJobs: false, webRoot } });
  await app.ready();
});
afterAll(async () => {
  await app?.close();
  await db?.close();
  rmSync(webRoot, { recursive: true, force: true });
});

describe("serving the web app", () => {
  it("serves index.html at / and for client-side routes", async () => {
    // A public link whose secret happens to hold only letters and digits still looks nothing like a file name.
    const link = `/r/AZCgoBI0erqN7wEjRWeJqw.${"a1B2".repeat(10)}xyz`;
    for (const url of ["/", "/accounts/0190a000-0000-7000-8000-000000000001", "/settings/tokens?x=1", link]) {
      const res = await app.inject({ method: "GET", url });
      expect(res.statusCode, url).toBe(200);
      expect(res.body).toContain("OpenKAM app");
    }
  });

  it("serves built assets and 404s missing files and API paths as problems", async () => {
    expect((await app.inject({ method: "GET", url: "/assets/app.js" })).body).toBe("console.log(1)");
    const missing = await app.inject({ method: "GET", url: "/assets/missing.js" });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers["content-type"]).toContain("application/problem+json");
    const api = await app.inject({ method: "GET", url: "/api/health/nope" });
    expect(api.headers["content-type"]).toContain("application/problem+json");
  });

  it("lets browsers keep hashed assets for good but revalidate index.html, also for client-side routes", async () => {
    const asset = await app.inject({ method: "GET", url: "/assets/app.js" });
    expect(asset.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    for (const url of ["/", "/accounts"]) {
      const page = await app.inject({ method: "GET", url });
      expect(page.statusCode, url).toBe(200);
      expect(page.headers["cache-control"], url).toBe("no-cache");
    }
  });

  it("sends the precompressed copy to browsers that accept it, and the plain file to others", async () => {
    const zipped = await app.inject({ method: "GET", url: "/assets/app.js", headers: { "accept-encoding": "br, gzip" } });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.rawPayload).toString()).toBe("console.log(1)");
    const plain = await app.inject({ method: "GET", url: "/assets/app.js", headers: { "accept-encoding": "identity" } });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body).toBe("console.log(1)");
  });
});
