import { Anchor, Button, Group, Paper, Table, Text, Title } from "@mantine/core";
import { IconChevronLeft, IconChevronRight, IconFileImport, IconLock } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDateTime } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { useImports } from "./imports.api";
import { ImportStatusBadge } from "./ImportStatus";
import { ImportWizard } from "./ImportWizard";

const CAN_IMPORT = new Set(["admin", "director", "account_manager"]);

function PastImports() {
  const { t } = useTranslation();
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const list = useImports(cursors[cursors.length - 1] ?? null);
  const items = list.data?.items ?? [];
  return (
    <>
      <Title order={2} size="h4" mt="xl" mb="sm">{t("imports.history")}</Title>
      <Paper withBorder radius="md">
        {list.isPending ? <TableSkeleton rows={4} /> : list.isError ? <ErrorState error={list.error} onRetry={() => void list.refetch()} /> : items.length === 0 ? (
          <EmptyHint icon={<IconFileImport />} title={t("imports.noHistoryTitle")} description={t("imports.noHistoryText")} />
        ) : (
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover verticalSpacing="xs" data-testid="past-imports">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("imports.file")}</Table.Th>
                  <Table.Th>{t("imports.entity")}</Table.Th>
                  <Table.Th>{t("imports.started")}</Table.Th>
                  <Table.Th>{t("imports.statusLabel")}</Table.Th>
                  <Table.Th ta="right">{t("imports.counts.accepted")}</Table.Th>
                  <Table.Th ta="right">{t("imports.counts.rejected")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td><Anchor component={Link} to={`/imports/${i.id}`} size="sm" fw={500}>{i.fileName}</Anchor></Table.Td>
                    <Table.Td>{t(`imports.entities.${i.entity}`)}</Table.Td>
                    <Table.Td>{formatDateTime(i.createdAt)}</Table.Td>
                    <Table.Td><ImportStatusBadge item={i} /></Table.Td>
                    <Table.Td ta="right">{i.rowsAccepted.toLocaleString()}</Table.Td>
                    <Table.Td ta="right" c={i.rowsRejected ? "red" : undefined}>{i.rowsRejected.toLocaleString()}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {(cursors.length > 1 || list.data?.nextCursor) && (
        <Group justify="flex-end" mt="sm" gap="xs">
          <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={cursors.length < 2} onClick={() => setCursors((c) => c.slice(0, -1))}>{t("common.previous")}</Button>
          <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} disabled={!list.data?.nextCursor} onClick={() => setCursors((c) => [...c, list.data!.nextCursor])}>{t("common.next")}</Button>
        </Group>
      )}
    </>
  );
}

/** The import wizard and the imports run so far. */
export function ImportsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  if (!CAN_IMPORT.has(me.role)) {
    return (
      <>
        <PageHeader title={t("imports.title")} />
        <EmptyHint icon={<IconLock />} title={t("imports.notAllowedTitle")} description={t("imports.notAllowedText")} />
      </>
    );
  }
  return (
    <>
      <PageHeader title={t("imports.title")} description={<Text span size="sm">{t("imports.subtitle")}</Text>} />
      <ImportWizard />
      <PastImports />
    </>
  );
}
