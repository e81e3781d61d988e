import { Anchor, Badge, Checkbox, Table, Text, UnstyledButton } from "@mantine/core";
import type { TAccount } from "@openkam/contracts";
import { IconArrowDown, IconArrowUp, IconSelector } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { statusColor, tierColor } from "../../lib/colors";
import { formatDate } from "../../lib/format";
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

export function AccountsTable({ items, columns, sort, onSort, selected, onSelect, ownerNames }: Props) {
  const { t } = useTranslation();
  const allSelected = items.length > 0 && items.every((a) => selected.has(a.id));
  const someSelected = items.some((a) => selected.has(a.id));

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
        return <Anchor component={Link} to={`/accounts/${account.id}`} fw={500}>{account.name}</Anchor>;
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
            <Table.Tr key={account.id} bg={selected.has(account.id) ? "var(--mantine-primary-color-light)" : undefined}>
              <Table.Td>
                <Checkbox
                  aria-label={t("accounts.bulk.selectOne", { name: account.name })}
                  checked={selected.has(account.id)}
                  onChange={(e) => onSelect([account.id], e.currentTarget.checked)}
                />
              </Table.Td>
              {columns.map((column) => <Table.Td key={column}>{cell(account, column)}</Table.Td>)}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
