import { Anchor, Button, Group, Paper, SegmentedControl, Stack, Table, Text } from "@mantine/core";
import { IconFileText, IconMessageReport, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDate } from "../../lib/format";
import { useFeedbackList } from "./feedback.api";
import { FeedbackStatusBadge, OverdueBadge, SeverityBadge } from "./parts";
import { RecordFeedbackModal } from "./RecordFeedbackModal";

const OPEN = ["new", "acknowledged", "planned", "done", "informed"];

/** The account 360's feedback tab: what this customer told us, where each item stands, and the "you said, we did" report. */
export function AccountFeedbackTab({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const [scope, setScope] = useState<"open" | "all">("open");
  const [recording, setRecording] = useState(false);
  const list = useFeedbackList({ accountId, ...(scope === "open" ? { status: OPEN } : {}) }, 100);
  const items = list.data?.items ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <SegmentedControl aria-label={t("feedback.fields.status")} value={scope} onChange={(v) => setScope(v as "open" | "all")} data={[{ value: "open", label: t("feedback.tab.open") }, { value: "all", label: t("feedback.tab.all") }]} />
        <Group gap="xs">
          <Button component={Link} to={`/accounts/${accountId}/feedback/report`} variant="default" leftSection={<IconFileText size={16} />}>{t("feedback.report.title")}</Button>
          {canWrite && <Button leftSection={<IconPlus size={16} />} onClick={() => setRecording(true)}>{t("feedback.record")}</Button>}
        </Group>
      </Group>
      <Paper withBorder radius="md" p="md">
        {list.isPending ? <TableSkeleton /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
          <EmptyHint icon={<IconMessageReport />} title={t(scope === "open" ? "feedback.tab.emptyOpenTitle" : "feedback.tab.emptyTitle")} description={t("feedback.tab.emptyText")} />
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("feedback.fields.title")}</Table.Th>
                  <Table.Th>{t("feedback.fields.severity")}</Table.Th>
                  <Table.Th>{t("feedback.fields.status")}</Table.Th>
                  <Table.Th>{t("feedback.fields.owner")}</Table.Th>
                  <Table.Th>{t("feedback.fields.raised")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td><Group gap="xs" wrap="nowrap"><Anchor component={Link} to={`/feedback/${i.id}`}>{i.title}</Anchor><OverdueBadge item={i} /></Group></Table.Td>
                    <Table.Td><SeverityBadge severity={i.severity} /></Table.Td>
                    <Table.Td><FeedbackStatusBadge status={i.status} /></Table.Td>
                    <Table.Td><Text size="sm">{i.ownerName ?? "—"}</Text></Table.Td>
                    <Table.Td><Text size="sm">{formatDate(i.createdAt)}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {recording && <RecordFeedbackModal opened onClose={() => setRecording(false)} accountId={accountId} />}
    </Stack>
  );
}
