import { Badge, Checkbox, Table, Text, UnstyledButton } from "@mantine/core";
import type { TAccount } from "@openkam/contracts";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { statusColor, tierColor } from "../../lib/colors";
import { formatDate } from "../../lib/format";
import { AccountLink, AccountRow } from "./AccountRow";
import type { AccountColumn, AccountSort } from "./list-state";

const SORTABLE: Partial<Record<AccountColumn, "name" | "tier" | "updatedAt" | "createdAt">> = {
  name: "name", tier: "tier", updatedAt: "updatedAt", createdAt: "createdAt",
};

interface Props {
  items: TAccount[];
  columns: AccountColumn[];
  sort: AccountSort;
  onSort(sort: AccountSort): void;
  selected: Set<string>;
  onSelect(ids: string[], on: boolean): void;
  ownerNames: Map<string, string>;
}

/** Memoised: the page re-renders for state the rows do not show (a dialog opening, the search being typed). */
export const AccountsTable = memo(function AccountsTable({ items, columns, sort, onSort, selected, onSelect, ownerNames }: Props) {
  const { t } = useTranslation();
  const allSelected = items.length > 0 && items.every((a) => selected.has(a.id));
  const someSelected = items.some((a) => selected.has(a.id));
  const selectOne = (id: string, on: boolean) => onSelect([id], on);

  function header(column: AccountColumn) {
    const key = SORTABLE[column];
    const label = t(`accounts.columns.${column}`);
    if (!key) return <Table.Th key={column}>{label}</Table.Th>;
    const direction = sort === key ? "ascending" : sort === `-${key}` ? "descending" : "none";
    const Icon = direction === "ascending" ? IconArrowUp : direction === "descending" ? IconArrowDown : IconSelector;
    return (
      <Table.Th key={column} aria-sort={direction}>
        <UnstyledButton
          onClick={() => onSort((direction === "ascending" ? `-${key}` : key) as AccountSort)}
          style={{ display: "inline-flex", alignItems: "center", gap: 4, fontWeight: 600, fontSize: "inherit" }}
        >
          {label}
          <Icon size={14} aria-hidden />
        </UnstyledButton>
      </Table.Th>
    );
  }

  function cell(account: TAccount, column: AccountColumn) {
    switch (column) {
      case "name":
        return <AccountLink account={account} />;
      case "tier":
        return <Badge color={tierColor(account.tier)}>{t(`enums.tier.${account.tier}`)}</Badge>;
      case "status":
        return <Badge color={statusColor(account.status)} variant="dot">{t(`enums.status.${account.status}`)}</Badge>;
      case "owner":
        return account.ownerUserId ? ownerNames.get(account.ownerUserId) ?? "…" : <Text span c="dimmed" size="sm">{t("accounts.noOwner")}</Text>;
      case "industry": return account.industry ?? "—";
      case "region": return account.region ?? "—";
      case "country": return account.country ?? "—";
      case "currency": return account.currency;
      case "updatedAt": return formatDate(account.updatedAt);
      case "createdAt": return formatDate(account.createdAt);
    }
  }

  return (
    <Table.ScrollContainer minWidth={720}>
      <Table highlightOnHover verticalSpacing="xs" stickyHeader>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={40}>
              <Checkbox
                aria-label={t("accounts.bulk.selectPage")}
                checked={allSelected}
                indeterminate={someSelected && !allSelected}
                onChange={(e) => onSelect(items.map((a) => a.id), e.currentTarget.checked)}
              />
            </Table.Th>
            {columns.map(header)}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((account) => (
            <AccountRow
              key={account.id}
              account={account}
              selected={selected.has(account.id)}
              selectLabel={t("accounts.bulk.selectOne", { name: account.name })}
              onSelect={selectOne}
              cells={columns.map((column) => cell(account, column))}
            />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
});
