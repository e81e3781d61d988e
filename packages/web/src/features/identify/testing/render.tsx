import { MantineProvider } from "@mantine/core";
import { ModalsProvider } from "@mantine/modals";
import { Notifications } from "@mantine/notifications";
import type { TAnalysisRun, TMe } from "@openkam/contracts";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { I18nextProvider } from "react-i18next";
import { MemoryRouter, Outlet, Route, Routes } from "react-router";
import { i18n } from "../../../lib/i18n/i18n";
import { SessionContext } from "../../auth/session-context";
import { ME } from "../../orders/testing/render";
import type { IdentifyOutlet } from "../IdentifyPage";

/** Renders an Identify view under its route, signed in with the given role, in English, without retries. */
export async function renderIdentify(ui: ReactElement, { route, path, role = "director" }: { route: string; path: string; role?: TMe["role"] }) {
  await i18n.changeLanguage("en");
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const session = { me: { ...ME, role }, signOut: async () => {}, switchOrganization: async () => {} };
  const outlet: IdentifyOutlet = { openNewAnalysis: () => {}, canRun: role !== "viewer" && role !== "member" };
  return render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <ModalsProvider>
            <Notifications />
            <SessionContext.Provider value={session}>
              <MemoryRouter initialEntries={[route]}>
                <Routes>
                  <Route element={<Outlet context={outlet} />}>
                    <Route path={path} element={ui} />
                  </Route>
                </Routes>
              </MemoryRouter>
            </SessionContext.Provider>
          </ModalsProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
}

/** A finished run of a kind, with what every run carries. */
export function runOf<K extends TAnalysisRun["kind"]>(kind: K, rest: Omit<Extract<TAnalysisRun, { kind: K }>, "kind" | keyof typeof BASE> & Partial<typeof BASE>): Extract<TAnalysisRun, { kind: K }> {
  return { ...BASE, kind, ...rest } as Extract<TAnalysisRun, { kind: K }>;
}

const BASE = {
  id: "00000000-0000-4000-8000-0000000000a1",
  status: "succeeded" as TAnalysisRun["status"],
  asOf: "2026-03-31",
  currency: "CNY",
  scope: "organization" as TAnalysisRun["scope"],
  createdAt: "2026-03-31T08:00:00Z",
  createdBy: { id: ME.user.id, name: "Kim" },
  startedAt: "2026-03-31T08:00:01Z",
  finishedAt: "2026-03-31T08:00:03Z",
  error: null as string | null,
  accountCount: 2,
};
