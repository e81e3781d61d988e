import { Anchor, Checkbox, MantineProvider, Table } from "@mantine/core";
import { fireEvent, render, within } from "@testing-library/react";
import { MemoryRouter } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { AccountLink, CELL_CLASS, ROW_CLASS, RowCheckbox } from "./AccountRow";

const hashedClasses = (root: Element) =>
  new Set([...root.querySelectorAll("[class]")].flatMap((el) => [...el.classList]).filter((c) => /^m_[0-9a-f]{8}$/.test(c)));

describe("the accounts table's plain rows", () => {
  it("carry the classes the Mantine components they replace render", () => {
    const ours = render(
      <MemoryRouter>
        <table><tbody><tr className={ROW_CLASS}><td className={CELL_CLASS}>
          <RowCheckbox label="Select" checked={false} onChange={() => undefined} />
          <AccountLink account={{ id: "a", name: "Acme" }} />
        </td></tr></tbody></table>
      </MemoryRouter>,
    );
    const mantine = render(
      <MantineProvider>
        <Table><Table.Tbody><Table.Tr><Table.Td>
          <Checkbox aria-label="Select" checked={false} onChange={() => undefined} />
          <Anchor href="/accounts/a">Acme</Anchor>
        </Table.Td></Table.Tr></Table.Tbody></Table>
      </MantineProvider>,
    );
    const expected = hashedClasses(mantine.container);
    const used = hashedClasses(ours.container);
    expect(used.size).toBeGreaterThanOrEqual(7);
    for (const c of used) expect(expected, `${c} is not a class Mantine renders`).toContain(c);
  });

  it("has a labelled checkbox that reports its new state, and a link to the account", () => {
    const onChange = vi.fn();
    const { container } = render(
      <MemoryRouter>
        <RowCheckbox label="Select Acme" checked={false} onChange={onChange} />
        <AccountLink account={{ id: "0198", name: "Acme" }} />
      </MemoryRouter>,
    );
    fireEvent.click(within(container).getByRole("checkbox", { name: "Select Acme" }));
    expect(onChange).toHaveBeenCalledWith(true);
    expect(within(container).getByRole("link", { name: "Acme" }).getAttribute("href")).toBe("/accounts/0198");
  });
});
