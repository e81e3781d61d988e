import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "./api-error";
import { api, setCsrfToken, setReauthHandler, toQueryString } from "./client";

type Call = { url: string; init: RequestInit };
let calls: Call[];
let answers: Response[];

const json = (status: number, body: unknown, type = "application/json") => new Response(JSON.stringify(body), { status, headers: { "content-type": type } });

beforeEach(() => {
  calls = [];
  answers = [];
  vi.stubGlobal("fetch", (url: string, init: RequestInit) => {
    calls.push({ url, init });
    const next = answers.shift();
    if (!next) throw new TypeError("Failed to fetch");
    return Promise.resolve(next);
  });
  setCsrfToken(null);
  setReauthHandler(null);
});
afterEach(() => vi.unstubAllGlobals());

describe("api client", () => {
  it("sends the CSRF token on writes only, and JSON bodies", async () => {
    setCsrfToken("csrf-1");
    answers.push(json(200, { ok: 1 }), json(201, { id: "x" }));
    await api.get("/api/accounts", { q: "华信", tier: ["key", "strategic"], cursor: undefined });
    await api.post("/api/accounts", { name: "A" });
    expect(calls[0]!.url).toBe("/api/accounts?q=%E5%8D%8E%E4%BF%A1&tier=key&tier=strategic");
    expect((calls[0]!.init.headers as Record<string, string>)["x-csrf-token"]).toBeUndefined();
    expect((calls[1]!.init.headers as Record<string, string>)["x-csrf-token"]).toBe("csrf-1");
    expect(calls[1]!.init.body).toBe('{"name":"A"}');
    expect(calls[1]!.init.credentials).toBe("same-origin");
  });

  it("throws a typed error from problem details", async () => {
    answers.push(json(400, { status: 400, code: "VALIDATION_FAILED", detail: "Some fields are invalid", errors: [{ field: "body.name", message: "Required" }] }, "application/problem+json"));
    const error = await api.post("/api/accounts", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).fieldErrors).toEqual({ name: "Required" });
  });

  it("on 401 waits for one sign-in shared by concurrent requests, then retries each with the new CSRF token", async () => {
    setCsrfToken("old");
    let signIns = 0;
    setReauthHandler(async () => {
      signIns++;
      setCsrfToken("new");
    });
    answers.push(json(401, { code: "UNAUTHENTICATED" }), json(401, { code: "UNAUTHENTICATED" }), json(200, { a: 1 }), json(200, { b: 2 }));
    const results = await Promise.all([api.patch("/api/accounts/1", { name: "x" }), api.patch("/api/accounts/2", { name: "y" })]);
    expect(results).toEqual([{ a: 1 }, { b: 2 }]);
    expect(signIns).toBe(1);
    expect(calls.slice(2).map((c) => (c.init.headers as Record<string, string>)["x-csrf-token"])).toEqual(["new", "new"]);
  });

  it("gives up with the 401 when the user cancels signing in, and never re-authenticates for auth calls", async () => {
    setReauthHandler(() => Promise.reject(new ApiError(401, "UNAUTHENTICATED", "cancelled")));
    answers.push(json(401, { code: "UNAUTHENTICATED" }));
    await expect(api.get("/api/accounts")).rejects.toMatchObject({ status: 401 });
    answers.push(json(401, { code: "INVALID_CREDENTIALS", detail: "wrong" }));
    await expect(api.post("/api/auth/login", {}, { auth: "none" })).rejects.toMatchObject({ code: "INVALID_CREDENTIALS" });
    expect(calls).toHaveLength(2);
  });

  it("reports an unreachable server as a network error", async () => {
    await expect(api.get("/api/health")).rejects.toMatchObject({ status: 0, code: "NETWORK" });
  });

  it("builds query strings without empty values", () => {
    expect(toQueryString({ a: "", b: null, c: undefined, d: 0, e: false, f: [] })).toBe("?d=0&e=false");
    expect(toQueryString({})).toBe("");
  });
});
