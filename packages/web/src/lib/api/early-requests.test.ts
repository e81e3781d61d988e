import { afterEach, describe, expect, it } from "vitest";
import { takeEarlyResponse } from "./early-requests";

afterEach(() => {
  delete window.__openkamEarly;
});

describe("early requests", () => {
  it("hands a successful early answer to the first request for its URL only", async () => {
    const response = new Response('{"ok":true}', { status: 200, headers: { "content-type": "application/json" } });
    window.__openkamEarly = { "/api/accounts?sort=name&limit=50": Promise.resolve(response) };
    expect(await takeEarlyResponse("/api/accounts?sort=name&limit=51")).toBeUndefined();
    expect(await takeEarlyResponse("/api/accounts?sort=name&limit=50")).toBe(response);
    expect(await takeEarlyResponse("/api/accounts?sort=name&limit=50")).toBeUndefined();
  });

  it("drops failed and rejected early answers, so the app asks again", async () => {
    window.__openkamEarly = {
      "/api/a": Promise.resolve(new Response(null, { status: 401 })),
      "/api/b": Promise.reject(new TypeError("network")),
    };
    expect(await takeEarlyResponse("/api/a")).toBeUndefined();
    expect(await takeEarlyResponse("/api/b")).toBeUndefined();
    expect(window.__openkamEarly).toEqual({});
  });

  it("does nothing when the page started no early requests", async () => {
    expect(await takeEarlyResponse("/api/auth/me")).toBeUndefined();
  });
});
