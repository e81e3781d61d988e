import { Alert, Badge, Button, Center, Group, Paper, Progress, SimpleGrid, Stack, Table, Text } from "@mantine/core";
import type { TImport } from "@openkam/contracts";
import { IconAlertTriangle, IconDownload } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { TableSkeleton } from "../../components/TableSkeleton";
import { isFinished, rejectionsCsvUrl, useRejections } from "./imports.api";
import { progressPercent } from "./mapping-state";

const STATUS_COLORS = { queued: "gray", running: "blue", succeeded: "teal", failed: "red" } as const;

export function ImportStatusBadge({ item }: { item: Pick<TImport, "status" | "dryRun"> }) {
  const { t } = useTranslation();
  return (
    <Group gap={4} wrap="nowrap">
      <Badge color={STATUS_COLORS[item.status]} variant="light">{t(`imports.status.${item.status}`)}</Badge>
      {item.dryRun && <Badge color="grape" variant="outline">{t("imports.dryRunBadge")}</Badge>}
    </Group>
  );
}

function Stat({ label, value, color, testId }: { label: string; value: number; color?: string; testId: string }) {
  return (
    <Paper withBorder radius="md" p="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700} c={color} data-testid={testId}>{value.toLocaleString()}</Text>
    </Paper>
  );
}

/** Live progress and counts of an import: rows read, accepted and rejected. */
export function ImportProgress({ item, totalRows }: { item: TImport; totalRows: number | null }) {
  const { t } = useTranslation();
  const done = isFinished(item);
  const percent = progressPercent(item.rowsRead, totalRows, done);
  const color = item.status === "failed" ? "red" : done ? "teal" : "blue";
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" fw={500}>{done ? t(`imports.status.${item.status}`) : t("imports.progress.running", { count: item.rowsRead })}</Text>
        {percent !== null && <Text size="sm" c="dimmed">{percent}%</Text>}
      </Group>
      <Progress
        value={percent ?? 100}
        color={color}
        size="lg"
        radius="xl"
        striped={!done}
        animated={!done}
        aria-label={t("imports.progress.label")}
      />
      <SimpleGrid cols={3} spacing="sm">
        <Stat label={t("imports.counts.read")} value={item.rowsRead} testId="rows-read" />
        <Stat label={item.dryRun ? t("imports.counts.valid") : t("imports.counts.accepted")} value={item.rowsAccepted} color="teal" testId="rows-accepted" />
        <Stat label={t("imports.counts.rejected")} value={item.rowsRejected} color={item.rowsRejected ? "red" : undefined} testId="rows-rejected" />
      </SimpleGrid>
      {item.status === "failed" && item.error && <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t("imports.failedTitle")}>{item.error}</Alert>}
      {done && item.status === "succeeded" && item.mode === "all-or-nothing" && item.rowsRejected > 0 && !item.dryRun && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />}>{t("imports.nothingImported")}</Alert>
      )}
    </Stack>
  );
}

/** The rows the import refused, in file order, with the line, the column and why. */
export function RejectionsTable({ item }: { item: TImport }) {
  const { t } = useTranslation();
  const done = isFinished(item);
  const rejections = useRejections(item.id, done && item.rowsRejected > 0);
  if (!done || item.rowsRejected === 0) return null;
  const rows = rejections.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t("imports.rejections.title", { count: item.rowsRejected })}</Text>
        <Button component="a" href={rejectionsCsvUrl(item.id)} download variant="light" leftSection={<IconDownload size={16} />}>{t("imports.rejections.download")}</Button>
      </Group>
      {rejections.isPending ? <TableSkeleton rows={4} /> : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing="xs" striped data-testid="rejections">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>{t("imports.rejections.line")}</Table.Th>
                <Table.Th w={180}>{t("imports.rejections.column")}</Table.Th>
                <Table.Th>{t("imports.rejections.reason")}</Table.Th>
                <Table.Th>{t("imports.rejections.values")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                <Table.Tr key={`${r.line}-${i}`}>
                  <Table.Td ff="monospace">{r.line}</Table.Td>
                  <Table.Td>{r.column ? <Badge variant="outline" color="gray" tt="none">{r.column}</Badge> : "—"}</Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                  <Table.Td><Text size="xs" c="dimmed" lineClamp={2}>{r.raw ? Object.values(r.raw).join(" · ") : "—"}</Text></Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {rejections.hasNextPage && (
        <Center mt="sm"><Button variant="subtle" loading={rejections.isFetchingNextPage} onClick={() => void rejections.fetchNextPage()}>{t("common.loadMore")}</Button></Center>
      )}
    </Paper>
  );
}
