import { Anchor, Button, Checkbox, Group, MultiSelect, Paper, SegmentedControl, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { SLA_PRIORITIES } from "@openkam/domain/service/sla-targets";
import { IconLifebuoy, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/TableSkeleton";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDateTime } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { NewCaseModal } from "./NewCaseModal";
import { PriorityBadge, SlaBadge, StatusBadge } from "./parts";
import { useCases, type CaseFilters } from "./service.api";
import { SLA_STATE_COLORS } from "./sla-format";

type Scope = "open" | "resolved" | "all";

/** Every case the user may see, filtered by status, priority, SLA state and assignee; the worst SLA first is one filter away. */
export function CasesPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  usePageTitle(t("service.title"));
  const [scope, setScope] = useState<Scope>("open");
  const [priority, setPriority] = useState<string[]>([]);
  const [slaState, setSlaState] = useState<string[]>([]);
  const [mine, setMine] = useState(false);
  const [adding, { open, close }] = useDisclosure(false);
  const filters: CaseFilters = {
    ...(scope === "all" ? {} : { open: scope === "open" ? "true" : "false" }),
    ...(priority.length ? { priority } : {}),
    ...(slaState.length ? { slaState } : {}),
    ...(mine ? { assigneeUserId: me.user.id } : {}),
  };
  const cases = useCases(filters);
  const items = cases.data?.items ?? [];

  return (
    <>
      <PageHeader
        title={t("service.title")}
        description={t("service.subtitle")}
        actions={me.role !== "viewer" && <Button leftSection={<IconPlus size={16} />} onClick={open}>{t("service.new")}</Button>}
      />
      <Group mb="md" gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          value={scope}
          onChange={(v) => setScope(v as Scope)}
          data={(["open", "resolved", "all"] as const).map((v) => ({ value: v, label: t(`service.scope.${v}`) }))}
          aria-label={t("service.filters.status")}
        />
        <MultiSelect label={t("service.filters.priority")} data={SLA_PRIORITIES.map((p) => ({ value: p, label: t(`service.priority.${p}`) }))} value={priority} onChange={setPriority} clearable w={220} />
        <MultiSelect label={t("service.filters.sla")} data={Object.keys(SLA_STATE_COLORS).map((s) => ({ value: s, label: t(`service.sla.${s}`) }))} value={slaState} onChange={setSlaState} clearable w={240} />
        <Checkbox label={t("service.filters.mine")} checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} mb={8} />
      </Group>
      <Paper withBorder radius="md" p="md">
        {cases.isPending ? <TableSkeleton /> : cases.isError ? <ErrorState error={cases.error} onRetry={() => void cases.refetch()} /> : items.length === 0 ? (
          <EmptyHint icon={<IconLifebuoy />} title={t("service.emptyTitle")} description={t("service.emptyText")} />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table highlightOnHover verticalSpacing="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("service.fields.title")}</Table.Th>
                  <Table.Th>{t("service.fields.account")}</Table.Th>
                  <Table.Th>{t("service.fields.priority")}</Table.Th>
                  <Table.Th>{t("service.fields.status")}</Table.Th>
                  <Table.Th>{t("service.fields.sla")}</Table.Th>
                  <Table.Th>{t("service.fields.assignee")}</Table.Th>
                  <Table.Th>{t("service.fields.opened")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td><Anchor component={Link} to={`/cases/${c.id}`}>{c.title}</Anchor></Table.Td>
                    <Table.Td><Anchor component={Link} to={`/accounts/${c.accountId}?tab=service`} c="dimmed" size="sm">{c.accountName}</Anchor></Table.Td>
                    <Table.Td><PriorityBadge priority={c.priority} /></Table.Td>
                    <Table.Td><StatusBadge status={c.status} /></Table.Td>
                    <Table.Td><SlaBadge state={c.sla.state} /></Table.Td>
                    <Table.Td><Text size="sm">{c.assigneeName ?? "—"}</Text></Table.Td>
                    <Table.Td><Text size="sm">{formatDateTime(c.openedAt)}</Text></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {cases.data?.truncated && <Text size="xs" c="dimmed" mt="sm">{t("service.truncated")}</Text>}
      </Paper>
      <NewCaseModal opened={adding} onClose={close} />
    </>
  );
}
