import { Anchor, Badge, Button, Group, MultiSelect, Paper, Table, Text } from "@mantine/core";
import type { TOverdueAccount } from "@openkam/contracts";
import { ACCOUNT_TIERS, type AccountTier } from "@openkam/domain/enums/index";
import { IconConfetti, IconSearch } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { tierColor } from "../../lib/colors";
import { useUserNames } from "../users/users.api";
import { useOverdueAccounts, type OverdueFilters } from "./cadence.api";
import { CADENCE_KINDS, cadenceStatusColor, daysMessage, type CadenceKind } from "./cadence-format";
import { say } from "./parts";

interface Props {
  filters: OverdueFilters;
  onFilters(filters: OverdueFilters): void;
  onShowWeek(): void;
}

function OverdueItems({ account }: { account: TOverdueAccount }) {
  const { t } = useTranslation();
  return (
    <Group gap={6}>
      {account.items.map((item) => {
        const kind = t(`cadence.kind.${item.kind}`);
        return (
          <Badge key={item.kind} color={cadenceStatusColor(item)} variant="light" tt="none">
            {item.status === "never_met"
              ? t("cadence.overdue.neverMet", { kind, days: say(t, daysMessage(item.daysOverdue)) })
              : t("cadence.overdue.late", { kind, days: say(t, daysMessage(item.daysOverdue)) })}
          </Badge>
        );
      })}
    </Group>
  );
}

/** Accounts behind on a cadence, most overdue first: all of them for directors and admins, one's own and one's teams' for the others. */
export function OverdueView({ filters, onFilters, onShowWeek }: Props) {
  const { t } = useTranslation();
  const overdue = useOverdueAccounts(filters);
  const names = useUserNames();
  const items = overdue.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = filters.tier.length > 0 || filters.kind.length > 0;
  const clear = () => onFilters({ tier: [], kind: [] });

  return (
    <>
      <Group gap="xs" mb="md" wrap="wrap" align="flex-end">
        <MultiSelect
          label={t("cadence.overdue.tierFilter")}
          placeholder={filters.tier.length ? undefined : t("cadence.overdue.anyTier")}
          data={ACCOUNT_TIERS.map((tier) => ({ value: tier, label: t(`enums.tier.${tier}`) }))}
          value={filters.tier}
          onChange={(tier) => onFilters({ ...filters, tier: tier as AccountTier[] })}
          clearable
          w={{ base: "100%", sm: 260 }}
        />
        <MultiSelect
          label={t("cadence.overdue.kindFilter")}
          placeholder={filters.kind.length ? undefined : t("cadence.overdue.anyKind")}
          data={CADENCE_KINDS.map((kind) => ({ value: kind, label: t(`cadence.kind.${kind}`) }))}
          value={filters.kind}
          onChange={(kind) => onFilters({ ...filters, kind: kind as CadenceKind[] })}
          clearable
          w={{ base: "100%", sm: 300 }}
        />
        {filtered && <Button variant="subtle" onClick={clear}>{t("cadence.overdue.clearFilters")}</Button>}
      </Group>

      <Paper withBorder radius="md" p={0}>
        {overdue.isPending ? (
          <Paper p="md"><TableSkeleton /></Paper>
        ) : overdue.isError && items.length === 0 ? (
          <ErrorState error={overdue.error} onRetry={() => void overdue.refetch()} />
        ) : items.length === 0 ? (
          filtered ? (
            <EmptyHint icon={<IconSearch />} title={t("cadence.overdue.noMatchTitle")} description={t("cadence.overdue.noMatchText")}>
              <Button variant="light" onClick={clear}>{t("cadence.overdue.clearFilters")}</Button>
            </EmptyHint>
          ) : (
            <EmptyHint icon={<IconConfetti />} title={t("cadence.overdue.emptyTitle")} description={t("cadence.overdue.emptyText")}>
              <Button variant="light" onClick={onShowWeek}>{t("cadence.overdue.showWeek")}</Button>
            </EmptyHint>
          )
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("cadence.columns.account")}</Table.Th>
                  <Table.Th>{t("cadence.columns.tier")}</Table.Th>
                  <Table.Th>{t("cadence.columns.owner")}</Table.Th>
                  <Table.Th>{t("cadence.columns.daysOverdue")}</Table.Th>
                  <Table.Th>{t("cadence.columns.overdueKinds")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((account) => (
                  <Table.Tr key={account.accountId}>
                    <Table.Td>
                      <Anchor component={Link} to={`/accounts/${account.accountId}`} size="sm" fw={500}>{account.accountName}</Anchor>
                    </Table.Td>
                    <Table.Td>
                      {/* At its full width: squeezed by the long columns, the label was cut to "STRA…". */}
                      <Badge color={tierColor(account.tier)} variant="light" style={{ minWidth: "max-content" }}>{t(`enums.tier.${account.tier}`)}</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c={account.ownerUserId ? undefined : "dimmed"}>
                        {account.ownerUserId ? names.get(account.ownerUserId) ?? "…" : t("cadence.overdue.noOwner")}
                      </Text>
                    </Table.Td>
                    <Table.Td><Text size="sm" fw={600} c="red.8">{say(t, daysMessage(account.daysOverdue))}</Text></Table.Td>
                    <Table.Td><OverdueItems account={account} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {items.length > 0 && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">{t("cadence.overdue.shown", { count: items.length })}</Text>
          {overdue.isError ? (
            <Button variant="light" color="red" size="xs" onClick={() => void overdue.fetchNextPage()}>{t("common.retry")}</Button>
          ) : overdue.hasNextPage && (
            <Button variant="default" size="xs" loading={overdue.isFetchingNextPage} onClick={() => void overdue.fetchNextPage()}>{t("common.loadMore")}</Button>
          )}
        </Group>
      )}
    </>
  );
}
