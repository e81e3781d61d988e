import type { TInitiative, TJourney, TOpportunity, TOpportunityList, TWhitespaceMap } from "@openkam/contracts";
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { fakeFetch, ME, renderWithProviders } from "../orders/testing/render";
import { GrowthTab } from "./GrowthTab";

const ACCOUNT = "00000000-0000-4000-8000-0000000000a1";
const UNIT = "00000000-0000-4000-8000-0000000000b1";
const PRODUCT = "00000000-0000-4000-8000-0000000000c1";

const opportunity: TOpportunity = {
  id: "00000000-0000-4000-8000-0000000000d1", accountId: ACCOUNT, accountName: "Acme", name: "Line upgrade", stage: "propose", value: "100000.00", currency: "CNY",
  probability: 50, weightedValue: "50000.00", expectedCloseDate: "2026-12-01", ownerUserId: ME.user.id, ownerName: "Kim", productId: null, productName: null,
  businessUnitId: null, notes: null, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", version: 1,
};

const list = (items: TOpportunity[]): TOpportunityList => ({
  items, truncated: false,
  stageTotals: items.map((o) => ({ stage: o.stage, currency: o.currency, count: 1, total: o.value, weighted: o.weightedValue })),
  weightedPipeline: items.length ? [{ currency: "CNY", count: items.length, total: "100000.00", weighted: "50000.00" }] : [],
});

const map: TWhitespaceMap = {
  accountId: ACCOUNT,
  businessUnits: [{ id: UNIT, accountId: ACCOUNT, name: "Plant North", kind: "site", notes: null, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", version: 1 }],
  products: [{ id: PRODUCT, sku: "DRV-1", name: "Servo Drive", category: "drives", lastOrderDate: null }],
  cells: [], totals: [],
};

const initiative: TInitiative = {
  id: "00000000-0000-4000-8000-0000000000e1", accountId: ACCOUNT, title: "Energy programme", description: null, status: "active", valueKind: "cost_saved",
  customerContactId: null, customerContactName: null, ownerUserId: null, ownerName: null, currency: "CNY", valuePromised: "300000.00", valueDelivered: "250000.00",
  investment: "100000.00", roi: 1.5, startDate: null, targetDate: null, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", version: 1,
};

const render = (section: string) =>
  renderWithProviders(<GrowthTab accountId={ACCOUNT} currency="CNY" canWrite />, { route: `/accounts/${ACCOUNT}?tab=growth&section=${section}`, path: "/accounts/:id" });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("GrowthTab", () => {
  it("adds an opportunity and shows the stage totals and weighted pipeline", async () => {
    let items: TOpportunity[] = [];
    const posted: unknown[] = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/accounts/${ACCOUNT}/opportunities`]: () => list(items),
      [`POST /api/accounts/${ACCOUNT}/opportunities`]: ({ body }: { body: unknown }) => {
        posted.push(body);
        items = [opportunity];
        return opportunity;
      },
      [`/api/accounts/${ACCOUNT}/whitespace`]: map,
      "/api/users/options": { items: [{ id: ME.user.id, name: "Kim" }] },
    })));
    await render("opportunities");
    await userEvent.click(await screen.findByRole("button", { name: "New opportunity" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByLabelText(/^Opportunity/));
    await userEvent.paste("Line upgrade");
    await userEvent.click(within(dialog).getByLabelText(/^Value/));
    await userEvent.paste("100000");
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({ name: "Line upgrade", value: "100000", currency: "CNY", probability: 10, stage: "qualify", ownerUserId: ME.user.id });
    expect(await screen.findByText("Line upgrade")).toBeTruthy();
    expect(screen.getByTestId("weighted-pipeline").textContent).toContain("50,000");
  }, 15_000);

  it("marks a whitespace cell as an opportunity with an estimated value", async () => {
    const put: unknown[] = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/accounts/${ACCOUNT}/whitespace`]: map,
      [`PUT /api/accounts/${ACCOUNT}/whitespace/cells`]: ({ body }: { body: unknown }) => {
        put.push(body);
        return { ...map, cells: [{ businessUnitId: UNIT, productId: PRODUCT, state: "opportunity", manualState: "opportunity", boughtRecently: false, openOpportunities: 0, estimatedValue: "8000.00", currency: "CNY", notes: null, version: 1 }] };
      },
    })));
    await render("whitespace");
    await userEvent.click(await screen.findByRole("button", { name: "Servo Drive · Plant North: White space" }));
    const dialog = await screen.findByRole("dialog");
    await userEvent.click(within(dialog).getByText("Opportunity"));
    await userEvent.type(within(dialog).getByLabelText(/Estimated value/), "8000");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(put).toHaveLength(1));
    expect(put[0]).toEqual({ cells: [{ businessUnitId: UNIT, productId: PRODUCT, state: "opportunity", estimatedValue: "8000", currency: "CNY", version: 0 }] });
    expect(await screen.findByRole("button", { name: "Servo Drive · Plant North: Opportunity" })).toBeTruthy();
  }, 15_000);

  it("shows each initiative's ROI to the customer", async () => {
    vi.stubGlobal("fetch", vi.fn(fakeFetch({ [`/api/accounts/${ACCOUNT}/initiatives`]: { items: [initiative] } })));
    await render("initiatives");
    expect((await screen.findByTestId("roi")).textContent).toBe("+150%");
    expect(screen.getByText("Energy programme")).toBeTruthy();
  });

  it("shows the default journey stages and saves a new pain point with the version read", async () => {
    const journey: TJourney = {
      accountId: ACCOUNT, updatedAt: null, version: 0,
      stages: ["evaluate", "buy", "onboard", "use", "renew"].map((key) => ({ key, name: key, touchpoints: [], painPoints: [], actions: [] })),
    };
    const put: Array<{ stages: TJourney["stages"]; version: number }> = [];
    vi.stubGlobal("fetch", vi.fn(fakeFetch({
      [`/api/accounts/${ACCOUNT}/journey`]: journey,
      [`PUT /api/accounts/${ACCOUNT}/journey`]: ({ body }: { body: { stages: TJourney["stages"]; version: number } }) => {
        put.push(body);
        return { ...journey, stages: body.stages, version: 1, updatedAt: "2026-01-01T00:00:00Z" };
      },
    })));
    await render("journey");
    const stages = await stageTitles();
    expect(stages).toEqual(["1. Evaluate", "2. Buy", "3. Onboard", "4. Use", "5. Renew"]);
    const use = screen.getAllByTestId("journey-stage")[3]!;
    await userEvent.click(within(use).getByRole("textbox", { name: "Add a pain point" }));
    await userEvent.paste("Spare parts arrive late");
    await userEvent.click(within(use).getAllByRole("button", { name: "Add a pain point" })[0]!);
    await waitFor(() => expect(put).toHaveLength(1));
    expect(put[0]!.version).toBe(0);
    expect(put[0]!.stages[3]!.painPoints).toEqual([{ id: expect.any(String), description: "Spare parts arrive late", severity: 3 }]);
    expect(await within(use).findByText("Spare parts arrive late")).toBeTruthy();
  }, 15_000);
});

async function stageTitles(): Promise<string[]> {
  const stages = await screen.findAllByTestId("journey-stage");
  return stages.map((s) => within(s).getAllByText(/^\d\. /)[0]!.textContent ?? "");
}
