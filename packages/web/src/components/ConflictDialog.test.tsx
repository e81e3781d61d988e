import { MantineProvider } from "@mantine/core";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { I18nextProvider } from "react-i18next";
import { describe, expect, it, vi } from "vitest";
import { describeConflict } from "../lib/conflict";
import { i18n } from "../lib/i18n/i18n";
import { ConflictDialog } from "./ConflictDialog";

describe("ConflictDialog", () => {
  it("shows my values beside theirs and lets me keep mine or take theirs", async () => {
    await i18n.changeLanguage("en");
    const rows = describeConflict({ name: "Acme", region: "East" }, { name: "Acme Ltd" }, { name: "ACME Group", region: "North" });
    const onKeepMine = vi.fn();
    const onTakeTheirs = vi.fn();
    render(
      <I18nextProvider i18n={i18n}>
        <MantineProvider>
          <ConflictDialog rows={rows} fieldLabel={(f) => `label:${f}`} formatValue={(_, v) => String(v)} onKeepMine={onKeepMine} onTakeTheirs={onTakeTheirs} />
        </MantineProvider>
      </I18nextProvider>,
    );
    expect(await screen.findByText("Someone else changed this record")).toBeInTheDocument();
    const nameRow = screen.getByText("label:name").closest("tr")!;
    expect(nameRow).toHaveTextContent("Acme Ltd");
    expect(nameRow).toHaveTextContent("ACME Group");
    expect(nameRow).toHaveTextContent("both changed");
    expect(screen.getByText("label:region").closest("tr")).toHaveTextContent("North");

    await userEvent.click(screen.getByRole("button", { name: "Keep my changes" }));
    expect(onKeepMine).toHaveBeenCalledOnce();
    await userEvent.click(screen.getByRole("button", { name: "Use their version" }));
    expect(onTakeTheirs).toHaveBeenCalled();
  });
});
