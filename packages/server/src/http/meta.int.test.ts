import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../testing/test-app";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe("meta routes", () => {
  it("reports health with the database engine", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/health" });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: "ok", database: t.db.kind, version: expect.any(String) });
  });

  it("publishes an OpenAPI 3.1 document generated from the route schemas", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/openapi.json" });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/accounts", "/api/accounts/{id}", "/api/auth/login", "/api/health"]));
    const create = doc.paths["/api/accounts"].post;
    expect(JSON.stringify(create.requestBody)).toContain("currency");
  });

  it("serves a readable API reference page", async () => {
    const res = await t.app.inject({ method: "GET", url: "/api/docs/" });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
  });

  it("answers unknown API routes and unauthenticated calls with problem details", async () => {
    const missing = await t.app.inject({ method: "GET", url: "/api/nope" });
    expect(missing.statusCode).toBe(401);
    const anon = await t.app.inject({ method: "GET", url: "/api/accounts" });
    expect(anon.statusCode).toBe(401);
    expect(anon.headers["content-type"]).toContain("application/problem+json");
    expect(anon.json()).toMatchObject({ status: 401, code: "UNAUTHENTICATED" });
  });

  it("rejects malformed JSON as a 400 problem, not a 500", async () => {
    const c = await t.newOrgWithUser("admin");
    const res = await c.request("POST", "/api/accounts", "{not json", { "content-type": "application/json" });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toContain("application/problem+json");
  });
});
