import { Anchor, Checkbox, Table, Text } from "@mantine/core";
import type { TAccount } from "@openkam/contracts";
import { memo, type CSSProperties, type ReactNode } from "react";
import { Link } from "react-router";

/*
 * One row of the accounts table, written as plain elements that carry
 * Mantine's own classes (read from the components, so they follow upgrades)
 * instead of a Table.Td, an Anchor and a Checkbox component per cell: fifty rows
 * of those were most of the list's render time. The markup is what the Mantine
 * components render for these props (AccountRow.test.tsx checks that the
 * classes exist in Mantine's stylesheet).
 */

export const ROW_CLASS = `${Table.classes.tr} mantine-Table-tr`;
export const CELL_CLASS = `${Table.classes.td} mantine-Table-td`;
const LINK_CLASS = `mantine-focus-auto ${Anchor.classes.root} ${Text.classes.root} mantine-Text-root mantine-Anchor-root`;
const CHECKBOX_ROOT = `${Checkbox.classes.root} mantine-Checkbox-root`;
const CHECKBOX_INNER = `${Checkbox.classes.inner} mantine-Checkbox-inner`;
const CHECKBOX_INPUT = `mantine-focus-auto ${Checkbox.classes.input} mantine-Checkbox-input`;
const CHECKBOX_ICON = `${Checkbox.classes.icon} mantine-Checkbox-icon`;
// The variables Mantine's Checkbox sets on its root (size sm, filled variant).
const CHECKBOX_VARS = {
  "--checkbox-size": "calc(1.25rem * var(--mantine-scale))",
  "--checkbox-radius": "var(--mantine-radius-sm)",
  "--checkbox-color": "var(--mantine-primary-color-filled)",
  "--checkbox-icon-color": "var(--mantine-color-white)",
} as CSSProperties;

/** Mantine's checkbox, as markup. */
export function RowCheckbox({ label, checked, onChange }: { label: string; checked: boolean; onChange(checked: boolean): void }) {
  return (
    <div className={CHECKBOX_ROOT} style={CHECKBOX_VARS} data-variant="filled">
      <div className={CHECKBOX_INNER} data-label-position="right">
        <input className={CHECKBOX_INPUT} type="checkbox" aria-label={label} checked={checked} onChange={(e) => onChange(e.currentTarget.checked)} />
        <svg viewBox="0 0 10 7" fill="none" aria-hidden="true" className={CHECKBOX_ICON}>
          <path d="M4 4.586L1.707 2.293A1 1 0 1 0 .293 3.707l3 3a.997.997 0 0 0 1.414 0l5-5A1 1 0 1 0 8.293.293L4 4.586z" fill="currentColor" fillRule="evenodd" clipRule="evenodd" />
        </svg>
      </div>
    </div>
  );
}

/** The link to an account, styled as Mantine's Anchor. */
export function AccountLink({ account }: { account: Pick<TAccount, "id" | "name"> }) {
  return <Link to={`/accounts/${account.id}`} className={LINK_CLASS} data-underline="hover" style={{ fontWeight: 500 }}>{account.name}</Link>;
}

interface RowProps {
  account: TAccount;
  selected: boolean;
  selectLabel: string;
  onSelect(id: string, on: boolean): void;
  /** The cells after the checkbox, in column order. */
  cells: ReactNode[];
}

export const AccountRow = memo(function AccountRow({ account, selected, selectLabel, onSelect, cells }: RowProps) {
  return (
    <tr className={ROW_CLASS} data-with-row-border data-hover style={selected ? { background: "var(--mantine-primary-color-light)" } : undefined}>
      <td className={CELL_CLASS}>
        <RowCheckbox label={selectLabel} checked={selected} onChange={(on) => onSelect(account.id, on)} />
      </td>
      {cells.map((cell, i) => <td key={i} className={CELL_CLASS}>{cell}</td>)}
    </tr>
  );
});
