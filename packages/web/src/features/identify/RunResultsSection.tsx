import { Button, Group, Paper, Select, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight, IconListSearch } from "@tabler/icons-react";
import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import type { ResultSort } from "./identify.api";
import { groupLabel, groupsOf } from "./labels";
import { ResultsTable } from "./ResultsTable";
import { SelectionTable } from "./SelectionTable";
import type { RunPage } from "./useRunPage";

/** The results of a finished run: filter by group (the drill-down), sort, page, and the table for its kind. */
export const RunResultsSection = forwardRef<HTMLHeadingElement, { page: RunPage }>(function RunResultsSection({ page }, ref) {
  const { t } = useTranslation();
  const data = page.detail.data;
  if (!data) return page.detail.isError ? <ErrorState error={page.detail.error} onRetry={() => void page.detail.refetch()} /> : <TableSkeleton rows={6} />;
  const { run, results } = data;
  const stale = page.detail.isPlaceholderData;
  const groups = groupsOf(run.kind);
  const sorts: Array<[ResultSort, string]> = [["rank", "identify.sorts.rank"], ["-rank", "identify.sorts.rankAsc"], ["name", "identify.sorts.name"], ["-name", "identify.sorts.nameDesc"]];
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm" wrap="wrap" gap="sm" align="flex-end">
        <Title order={2} size="h4" ref={ref} tabIndex={-1}>
          {page.group ? t("identify.resultsIn", { group: groupLabel(t, run.kind, page.group) }) : t("identify.results")}
        </Title>
        <Group gap="sm" align="flex-end">
          {groups.length > 0 && (
            <Select
              label={t("identify.groupFilter")}
              placeholder={t("identify.allGroups")}
              data={groups.map((g) => ({ value: g, label: groupLabel(t, run.kind, g) }))}
              value={page.group}
              onChange={(v) => page.setGroup(v)}
              clearable
              w={220}
              size="xs"
            />
          )}
          <Select
            label={t("identify.sortBy")}
            data={sorts.map(([value, label]) => ({ value, label: t(label) }))}
            value={page.sort}
            onChange={(v) => v && page.setSort(v as ResultSort)}
            allowDeselect={false}
            w={180}
            size="xs"
          />
        </Group>
      </Group>
      {/* While another group, sort or page loads, the rows shown are the previous ones: dimmed and marked busy. */}
      <div aria-busy={stale} style={{ opacity: stale ? 0.6 : 1 }}>
        {results.items.length === 0 ? (
          <EmptyHint icon={<IconListSearch />} title={t("identify.noResultsTitle")} description={page.group ? t("identify.noResultsInGroup") : t("identify.noResultsText")}>
            {page.group && <Button variant="light" onClick={() => page.setGroup(null)}>{t("identify.clearFilter")}</Button>}
          </EmptyHint>
        ) : run.kind === "selection" ? (
          <SelectionTable run={run} items={results.items} />
        ) : (
          <ResultsTable run={run} items={results.items} />
        )}
      </div>
      {(page.hasPrevious || page.hasNext) && (
        <Group justify="space-between" mt="sm">
          <Text size="sm" c="dimmed">{t("identify.pageNumber", { page: page.page })}</Text>
          <Group gap="xs">
            <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={!page.hasPrevious} onClick={page.previous}>{t("common.previous")}</Button>
            <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} disabled={!page.hasNext} onClick={page.next}>{t("common.next")}</Button>
          </Group>
        </Group>
      )}
    </Paper>
  );
});
