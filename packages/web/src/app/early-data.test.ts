import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it } from "vitest";
import { ME_KEY } from "../features/auth/auth.api";
import { accountKeys } from "../features/accounts/accounts.api";
import { summaryKey } from "../features/account360/account360.api";
import { USER_OPTIONS_KEY } from "../features/users/users.api";
import { i18n } from "../lib/i18n/i18n";
import { adoptUserLanguage, seedEarlyAnswers } from "./early-data";

const json = (body: unknown, status = 200) => Promise.resolve(new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }));
const ID = "0b7d6c1e-2f4a-4c3b-9a8e-1d2c3b4a5f6e";

afterEach(() => {
  delete window.__openkamEarly;
});

describe("the answers index.html asked for early", () => {
  it("are in the query cache before the first render, under the keys the pages read", async () => {
    const me = { user: { id: "u1" }, csrfToken: "token-1" };
    const page = { items: [{ id: ID, name: "Acme" }], nextCursor: null };
    window.__openkamEarly = {
      "/api/auth/me": json(me),
      "/api/accounts?sort=name&limit=50": json(page),
      [`/api/accounts/${ID}`]: json({ id: ID }),
      [`/api/accounts/${ID}/summary`]: json({ revenue12m: "10.00" }),
      "/api/users/options": json({ items: [{ id: "u1", name: "Li Na" }] }),
    };
    const client = new QueryClient();
    await seedEarlyAnswers(client);
    expect(client.getQueryData(ME_KEY)).toEqual(me);
    expect(client.getQueryData(accountKeys.list({ sort: "name" }, null))).toEqual(page);
    expect(client.getQueryData(accountKeys.one(ID))).toEqual({ id: ID });
    expect(client.getQueryData(summaryKey(ID))).toEqual({ revenue12m: "10.00" });
    expect(client.getQueryData(USER_OPTIONS_KEY)).toEqual({ items: [{ id: "u1", name: "Li Na" }] });
    expect(Object.keys(window.__openkamEarly)).toEqual([]);
  });

  it("leave a failed answer to the page's own request (with its sign-in handling) and do not wait long for a late one", async () => {
    const late = new Promise<Response>(() => {});
    window.__openkamEarly = { "/api/auth/me": json({ code: "UNAUTHENTICATED" }, 401), "/api/accounts?sort=name&limit=50": late };
    const client = new QueryClient();
    // Never answered: waiting for it would time the test out.
    await seedEarlyAnswers(client);
    expect(client.getQueryData(ME_KEY)).toBeUndefined();
    expect(client.getQueryData(accountKeys.list({ sort: "name" }, null))).toBeUndefined();
    // The late request is still there for the page to take when it answers.
    expect(window.__openkamEarly?.["/api/accounts?sort=name&limit=50"]).toBe(late);
  });

  it("switch to the signed-in user's saved language before the first render when the device's differs", async () => {
    const before = i18n.language;
    const other = before === "zh-CN" ? "en" : "zh-CN";
    window.__openkamEarly = { "/api/auth/me": json({ user: { id: "u1", locale: other }, csrfToken: "token-2" }) };
    const client = new QueryClient();
    await seedEarlyAnswers(client);
    await adoptUserLanguage(client);
    expect(i18n.language).toBe(other);
    expect(document.documentElement.lang).toBe(other);
    await i18n.changeLanguage(before);
  });

  it("keep the device's language when nobody is signed in", async () => {
    const before = i18n.language;
    window.__openkamEarly = { "/api/auth/me": json({ code: "UNAUTHENTICATED" }, 401) };
    const client = new QueryClient();
    await seedEarlyAnswers(client);
    await adoptUserLanguage(client);
    expect(i18n.language).toBe(before);
  });
});
