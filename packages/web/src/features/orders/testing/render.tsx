import { MantineProvider } from "@mantine/core";
import { ModalsProvider } from "@mantine/modals";
import { Notifications } from "@mantine/notifications";
import type { TMe } from "@openkam/contracts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter, Route, Routes } from "react-router";
import { i18n } from "../../../lib/i18n/i18n";
import { SessionContext } from "../../auth/session-context";

export const ME: TMe = {
  user: { id: "00000000-0000-4000-8000-000000000001", email: "kim@example.com", name: "Kim", locale: "en" },
  organization: { id: "00000000-0000-4000-8000-000000000002", name: "Demo", defaultCurrency: "CNY", fiscalYearStartMonth: 1, timezone: "Asia/Shanghai" },
  role: "account_manager",
  organizations: [],
  csrfToken: "csrf",
  authenticatedBy: "session",
};

/** Renders a feature page with the app's providers, signed in (as ME, or as `me`), in English, without retries. */
export async function renderWithProviders(ui: ReactElement, { route = "/", path = "*", me = ME }: { route?: string; path?: string; me?: TMe } = {}) {
  await i18n.changeLanguage("en");
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const session = { me, signOut: async () => {}, switchOrganization: async () => {} };
  const result = render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <ModalsProvider>
            <Notifications />
            <SessionContext.Provider value={session}>
              <MemoryRouter initialEntries={[route]}>
                <Routes><Route path={path} element={ui} /></Routes>
              </MemoryRouter>
            </SessionContext.Provider>
          </ModalsProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return { ...result, queryClient };
}

type Handler = (request: { method: string; path: string; url: URL; body: unknown; headers: Record<string, string> }) => unknown;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": status >= 400 ? "application/problem+json" : "application/json" } });

/** Thrown by a handler to answer with an error status. */
export class FakeHttpError {
  constructor(readonly status: number, readonly body: unknown) {}
}

/**
 * Answers API calls from a table of "METHOD /path-prefix" (or "/path-prefix"
 * for GET) → body or handler; the longest matching prefix wins, anything else is a 404.
 */
export function fakeFetch(routes: Record<string, unknown>) {
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const href = typeof input === "string" ? input : input instanceof URL ? input.href : input.url;
    const url = new URL(href, "http://localhost");
    const method = (init?.method ?? "GET").toUpperCase();
    const keys = Object.keys(routes)
      .map((k) => (k.startsWith("/") ? { key: k, method: "GET", prefix: k } : { key: k, method: k.split(" ")[0]!, prefix: k.split(" ")[1]! }))
      .filter((r) => r.method === method && url.pathname.startsWith(r.prefix))
      .sort((a, b) => b.prefix.length - a.prefix.length);
    const match = keys[0];
    if (!match) return json(404, { status: 404, title: "Not found", code: "NOT_FOUND" });
    const value = routes[match.key];
    try {
      const body = typeof init?.body === "string" ? (JSON.parse(init.body) as unknown) : init?.body ?? null;
      const headers = Object.fromEntries(Object.entries((init?.headers ?? {}) as Record<string, string>).map(([k, v]) => [k.toLowerCase(), v]));
      const answer = typeof value === "function" ? (value as Handler)({ method, path: url.pathname, url, body, headers }) : value;
      return json(method === "POST" ? 201 : 200, answer);
    } catch (error) {
      if (error instanceof FakeHttpError) return json(error.status, error.body);
      throw error;
    }
  };
}
