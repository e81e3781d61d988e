import { describe, expect, it } from "vitest";
import { DEFAULT_COLUMNS, fromViewState, readListState, toListQuery, toViewState, writeListState } from "./list-state";

describe("accounts list state", () => {
  it("round-trips through the URL and leaves defaults out of it", () => {
    const params = new URLSearchParams("q=华信&tier=key&tier=strategic&status=at_risk&owner=u1&region=East&sort=-updatedAt&cols=tier,region");
    const state = readListState(params);
    expect(state).toMatchObject({ q: "华信", tier: ["key", "strategic"], status: ["at_risk"], ownerUserId: "u1", region: "East", sort: "-updatedAt", columns: ["name", "tier", "region"] });
    expect(readListState(writeListState(state))).toEqual(state);
    expect(writeListState(readListState(new URLSearchParams())).toString()).toBe("");
  });

  it("drops values it does not know instead of sending them to the API", () => {
    const state = readListState(new URLSearchParams("tier=gold&tier=key&status=x&sort=revenue&cols=bogus"));
    expect(state).toMatchObject({ tier: ["key"], status: [], sort: "name", columns: ["name"] });
    expect(readListState(new URLSearchParams()).columns).toEqual(DEFAULT_COLUMNS);
  });

  it("turns the state into list filters and saved-view state, and back", () => {
    const state = readListState(new URLSearchParams("q= acme &tier=growth&industry=Retail"));
    expect(toListQuery(state)).toEqual({ sort: "name", q: "acme", tier: ["growth"], industry: "Retail" });
    expect(fromViewState(toViewState(state))).toEqual(state);
    expect(fromViewState({ filters: { tier: "key", ownerUserId: ["u2"] }, sort: "nonsense" })).toMatchObject({ tier: ["key"], ownerUserId: "u2", sort: "name", columns: DEFAULT_COLUMNS });
  });
});
