import { Anchor, Badge, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, Table, Text, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { OPPORTUNITY_STAGES, type OpportunityStage } from "@openkam/domain/growth/index";
import { IconSearch, IconTargetArrow } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDate, formatMoney } from "../../lib/format";
import { useUserOptions } from "../users/users.api";
import { usePipeline } from "./growth.api";
import { STAGE_COLORS } from "./growth-format";
import { StageFunnel } from "./StageFunnel";

/** The opportunities of every account the user sees, soonest close first, with totals by stage. */
export function PipelinePage() {
  const { t } = useTranslation();
  const users = useUserOptions();
  const [stage, setStage] = useState<OpportunityStage[]>([]);
  const [open, setOpen] = useState<"open" | "closed" | "all">("open");
  const [ownerUserId, setOwner] = useState<string | null>(null);
  const [q, setQ] = useState("");
  const [query] = useDebouncedValue(q, 300);
  const pipeline = usePipeline({ stage, open: open === "all" ? null : open === "open", ownerUserId, q: query.trim() });
  const items = pipeline.data?.items ?? [];

  return (
    <>
      <PageHeader title={t("growth.pipeline.title")} description={t("growth.pipeline.description")} />
      <Stack gap="md">
        <Group gap="sm" wrap="wrap" align="flex-end">
          <SegmentedControl
            aria-label={t("growth.pipeline.show")} value={open} onChange={(v) => setOpen(v as typeof open)}
            data={[{ value: "open", label: t("growth.pipeline.open") }, { value: "closed", label: t("growth.pipeline.closed") }, { value: "all", label: t("growth.pipeline.all") }]}
          />
          <MultiSelect
            aria-label={t("growth.opportunities.fields.stage")} placeholder={t("growth.pipeline.anyStage")} clearable w={260}
            data={OPPORTUNITY_STAGES.map((s) => ({ value: s, label: t(`growth.stages.${s}`) }))} value={stage} onChange={(v) => setStage(v as OpportunityStage[])}
          />
          <Select
            aria-label={t("growth.fields.owner")} placeholder={t("growth.pipeline.anyOwner")} searchable clearable w={200}
            data={(users.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))} value={ownerUserId} onChange={setOwner}
          />
          <TextInput aria-label={t("growth.pipeline.search")} placeholder={t("growth.pipeline.search")} leftSection={<IconSearch size={14} />} value={q} onChange={(e) => setQ(e.currentTarget.value)} maxLength={200} />
        </Group>
        {pipeline.isError ? <ErrorState error={pipeline.error} onRetry={() => void pipeline.refetch()} /> : !pipeline.data ? <TableSkeleton /> : (
          <>
            <StageFunnel list={pipeline.data} />
            <Paper withBorder radius="md">
              {items.length === 0 ? (
                <EmptyHint icon={<IconTargetArrow />} title={t("growth.pipeline.empty")} description={t("growth.pipeline.emptyHint")} />
              ) : (
                <Table.ScrollContainer minWidth={860}>
                  <Table verticalSpacing="xs" striped highlightOnHover>
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th>{t("growth.opportunities.fields.name")}</Table.Th>
                        <Table.Th>{t("growth.pipeline.account")}</Table.Th>
                        <Table.Th>{t("growth.opportunities.fields.stage")}</Table.Th>
                        <Table.Th ta="right">{t("growth.opportunities.fields.value")}</Table.Th>
                        <Table.Th ta="right">{t("growth.opportunities.fields.probability")}</Table.Th>
                        <Table.Th ta="right">{t("growth.opportunities.fields.weighted")}</Table.Th>
                        <Table.Th>{t("growth.opportunities.fields.expectedCloseDate")}</Table.Th>
                        <Table.Th>{t("growth.fields.owner")}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {items.map((o) => (
                        <Table.Tr key={o.id}>
                          <Table.Td><Text size="sm" fw={500}>{o.name}</Text>{o.productName && <Text size="xs" c="dimmed">{o.productName}</Text>}</Table.Td>
                          <Table.Td><Anchor component={Link} to={`/accounts/${o.accountId}?tab=growth`} size="sm">{o.accountName}</Anchor></Table.Td>
                          <Table.Td><Badge color={STAGE_COLORS[o.stage]} variant="light">{t(`growth.stages.${o.stage}`)}</Badge></Table.Td>
                          <Table.Td ta="right">{formatMoney(o.value, o.currency)}</Table.Td>
                          <Table.Td ta="right">{o.probability}%</Table.Td>
                          <Table.Td ta="right">{formatMoney(o.weightedValue, o.currency)}</Table.Td>
                          <Table.Td>{formatDate(o.expectedCloseDate)}</Table.Td>
                          <Table.Td>{o.ownerName ?? "—"}</Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                </Table.ScrollContainer>
              )}
              {pipeline.data.truncated && <Text size="xs" c="dimmed" p="sm">{t("growth.pipeline.truncated", { count: items.length })}</Text>}
            </Paper>
          </>
        )}
      </Stack>
    </>
  );
}
