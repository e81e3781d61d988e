import type { TProductMix } from "@openkam/contracts";
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, renderWithProviders } from "../orders/testing/render";
import { ProductMixPanel } from "./ProductMixPanel";

// echarts needs a canvas, which jsdom lacks: the chart stands in as its accessible label and legend.
vi.mock("../../components/charts/LazyChart", () => ({
  LazyChart: ({ label, option }: { label: string; option: { legend: { formatter(name: string): string }; series: Array<{ data: Array<{ name: string }> }> } }) => (
    <ul role="img" aria-label={label}>{option.series[0]!.data.map((d) => <li key={d.name}>{option.legend.formatter(d.name)}</li>)}</ul>
  ),
}));

const ACCOUNT = "00000000-0000-4000-8000-0000000000aa";
const mix = (items: TProductMix["items"], otherRevenue = "0.00"): TProductMix => ({ currency: "EUR", from: "2025-01-01", to: "2025-12-31", items, otherRevenue });
const item = (name: string, revenue: string, share: number) => ({ productId: `id-${name}`, sku: name.toUpperCase(), name, category: null, revenue, quantity: "1", share });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("ProductMixPanel", () => {
  it("draws the top products with their shares, and loads another window when asked", async () => {
    const asked: string[] = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/accounts/${ACCOUNT}/product-mix`]: ({ url }: { url: URL }) => {
        asked.push(url.searchParams.get("months") ?? "");
        return url.searchParams.get("months") === "24" ? mix([item("Valve", "900.00", 0.9)], "100.00") : mix([item("Valve", "300.00", 0.75), item("Pump", "100.00", 0.25)]);
      },
    })));
    await renderWithProviders(<ProductMixPanel accountId={ACCOUNT} />);

    const chart = await screen.findByRole("img", { name: /last 12 months: Valve, Pump/ });
    expect(chart).toHaveTextContent("Valve 75%Pump 25%");
    expect(screen.getByText(/confirmed orders in EUR/)).toBeInTheDocument();

    await userEvent.click(screen.getByRole("radio", { name: "24 months" }));
    expect(await screen.findByRole("img", { name: /last 24 months: Valve, Other products/ })).toHaveTextContent("Valve 90%Other products 10%");
    expect(asked).toEqual(["12", "24"]);
  }, 30_000);

  it("says when the window has no order lines", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/accounts/${ACCOUNT}/product-mix`]: mix([]) })));
    await renderWithProviders(<ProductMixPanel accountId={ACCOUNT} />);
    expect(screen.getByTestId("product-mix-loading")).toBeInTheDocument();
    expect(await screen.findByText("No products ordered")).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId("product-mix-loading")).toBeNull());
    expect(screen.queryByRole("img")).toBeNull();
  }, 30_000);
});
