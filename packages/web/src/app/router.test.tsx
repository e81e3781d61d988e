import { MantineProvider } from "@mantine/core";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { cleanup, render, screen } from "@testing-library/react";
import { I18nextProvider } from "react-i18next";
import { createMemoryRouter } from "react-router";
import { RouterProvider } from "react-router/dom";
import { afterEach, describe, expect, it, vi } from "vitest";
import { i18n } from "../lib/i18n/i18n";
import { routes } from "./router";

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

function renderAt(url: string) {
  const router = createMemoryRouter(routes, { initialEntries: [url] });
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  render(
    <I18nextProvider i18n={i18n}>
      <MantineProvider env="test">
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>,
  );
  return router;
}

describe("routes opened directly", () => {
  it.each(["/identify", "/s/a-survey-token"])("show a loader while the code of %s loads, not an empty screen", async (url) => {
    await i18n.changeLanguage("zh-CN");
    // The session check and the survey never answer: only the route's own loading is on screen.
    vi.spyOn(globalThis, "fetch").mockImplementation(() => new Promise<Response>(() => {}));
    const warn = vi.spyOn(console, "warn");
    const router = renderAt(url);
    expect(router.state.initialized).toBe(false);
    expect(screen.getByLabelText("加载中")).toBeTruthy();
    expect(warn.mock.calls.flat().join(" ")).not.toMatch(/HydrateFallback/);
  });
});
