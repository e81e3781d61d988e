import { Button, Group, NativeSelect, Paper } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconBuildingSkyscraper, IconDownload, IconPlus, IconSearch } from "@tabler/icons-react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { KeysetPager, useKeysetPages } from "../../components/KeysetPager";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/TableSkeleton";
import { toQueryString } from "../../lib/api/client";
import { useSession } from "../auth/session-context";
import { useUserNames } from "../users/users.api";
import { SavedViewsMenu } from "../views/SavedViewsMenu";
import { useAccountCache, useAccountsPage } from "./accounts.api";
import { AccountFilters } from "./AccountFilters";
import { AccountSearch } from "./AccountSearch";
import { AccountsTable } from "./AccountsTable";
import { BulkActions } from "./BulkActions";
import { ColumnChooser } from "./ColumnChooser";
import { CreateAccountModal } from "./CreateAccountModal";
import { countFilters, fromViewState, toListQuery, toViewState, type AccountSort } from "./list-state";
import { useListState } from "./useListState";

const SORT_OPTIONS: AccountSort[] = ["name", "-name", "-updatedAt", "updatedAt", "-createdAt", "tier"];

export function AccountsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [state, update, replace] = useListState();
  const query = useMemo(() => toListQuery(state), [state]);
  const queryKey = JSON.stringify(query);

  const pages = useKeysetPages(queryKey);
  // A new query (search, filter, sort) starts with nothing selected; reset while rendering, like the pages.
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [selectedFor, setSelectedFor] = useState(queryKey);
  if (selectedFor !== queryKey) {
    setSelectedFor(queryKey);
    setSelected(new Set());
  }
  const page = useAccountsPage(query, pages.cursor);
  const ownerNames = useUserNames();
  const cache = useAccountCache();
  const [creating, { open: openCreate, close: closeCreate }] = useDisclosure(false);

  const search = useCallback((q: string) => update({ q }), [update]);
  const sortBy = useCallback((sort: AccountSort) => update({ sort }), [update]);

  const items = page.data?.items ?? [];
  const selectedAccounts = items.filter((a) => selected.has(a.id));
  const filtered = countFilters(state) > 0 || state.q !== "";
  const canCreate = me.role !== "viewer" && me.role !== "member";

  const select = useCallback((ids: string[], on: boolean) => {
    setSelected((prev) => {
      const next = new Set(prev);
      for (const id of ids) {
        if (on) next.add(id);
        else next.delete(id);
      }
      return next;
    });
  }, []);

  return (
    <>
      <PageHeader
        title={t("accounts.title")}
        description={t("accounts.subtitle")}
        actions={
          <>
            <Button
              variant="default"
              component="a"
              href={`/api/exports/accounts.csv${toQueryString(query)}`}
              download
              leftSection={<IconDownload size={16} />}
            >
              {t("accounts.export")}
            </Button>
            {canCreate && <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>{t("accounts.new")}</Button>}
          </>
        }
      />
      <Group gap="xs" mb="md" wrap="wrap">
        <AccountSearch value={state.q} onSearch={search} />
        <AccountFilters state={state} onChange={update} />
        <NativeSelect
          aria-label={t("accounts.sortLabel")}
          data={SORT_OPTIONS.map((s) => ({ value: s, label: t(`accounts.sort.${s}`) }))}
          value={state.sort}
          onChange={(e) => update({ sort: e.currentTarget.value as AccountSort })}
          w={190}
        />
        <SavedViewsMenu entity="accounts" current={toViewState(state)} onApply={(v) => replace(fromViewState(v))} />
        <ColumnChooser columns={state.columns} onChange={(columns) => update({ columns })} />
      </Group>

      {selectedAccounts.length > 0 && (
        <BulkActions selected={selectedAccounts} onDone={() => { setSelected(new Set()); void cache.invalidateLists(); }} />
      )}

      <Paper withBorder radius="md" p={0}>
        {page.isPending ? (
          <Paper p="md"><TableSkeleton /></Paper>
        ) : page.isError ? (
          <ErrorState error={page.error} onRetry={() => void page.refetch()} />
        ) : items.length === 0 ? (
          filtered ? (
            <EmptyHint icon={<IconSearch />} title={t("accounts.noMatchTitle")} description={t("accounts.noMatchText")}>
              <Button variant="light" onClick={() => replace({ ...state, q: "", tier: [], status: [], ownerUserId: null, region: "", industry: "" })}>{t("accounts.filters.clear")}</Button>
            </EmptyHint>
          ) : (
            <EmptyHint icon={<IconBuildingSkyscraper />} title={t("accounts.emptyTitle")} description={t("accounts.emptyText")}>
              {canCreate && <Button onClick={openCreate}>{t("accounts.new")}</Button>}
            </EmptyHint>
          )
        ) : (
          <div style={{ opacity: page.isPlaceholderData ? 0.6 : 1, transition: "opacity 120ms" }}>
            <AccountsTable
              items={items}
              columns={state.columns}
              sort={state.sort}
              onSort={sortBy}
              selected={selected}
              onSelect={select}
              ownerNames={ownerNames}
            />
          </div>
        )}
      </Paper>
      <KeysetPager info={t("accounts.pageInfo", { page: pages.page, count: items.length })} pages={pages} nextCursor={page.data?.nextCursor} loading={page.isPlaceholderData} />
      <CreateAccountModal opened={creating} onClose={closeCreate} currency={me.organization.defaultCurrency} />
    </>
  );
}
