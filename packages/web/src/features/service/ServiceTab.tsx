import { Anchor, Button, Group, List, Modal, Paper, SimpleGrid, Skeleton, Stack, Text, Textarea, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { TServiceScope } from "@openkam/contracts";
import { IconLifebuoy, IconPencil, IconPlus } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { LazyChart } from "../../components/charts/LazyChart";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useSession } from "../auth/session-context";
import { metricsChartOption, monthlySeries } from "./metrics-chart";
import { NewCaseModal } from "./NewCaseModal";
import { PriorityBadge, SlaBadge, StatusBadge } from "./parts";
import { putServiceScope, serviceKeys, useCases, useServiceCache, useServiceMetrics, useServiceScope } from "./service.api";

/** The account's service: what its contract includes, its open cases and how fast they were answered month by month. */
export function ServiceTab({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <ScopeCard accountId={accountId} canWrite={canWrite} />
        <OpenCases accountId={accountId} canWrite={canWrite} />
      </SimpleGrid>
      <MetricsCard accountId={accountId} />
    </Stack>
  );
}

function ScopeCard({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const scope = useServiceScope(accountId);
  const [editing, { open, close }] = useDisclosure(false);
  const mayEdit = canWrite && me.role !== "member";
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">{t("service.scopeTitle")}</Title>
        {mayEdit && scope.data && <Button size="xs" variant="light" leftSection={<IconPencil size={14} />} onClick={open}>{t("common.edit")}</Button>}
      </Group>
      {scope.isPending ? <Skeleton height={120} /> : scope.isError ? <ErrorState error={scope.error} /> : scope.data.version === 0 ? (
        <Text size="sm" c="dimmed">{t("service.scopeEmpty")}</Text>
      ) : (
        <Stack gap="xs">
          <Text size="sm" fw={600}>{t("service.included")}</Text>
          {scope.data.included.length ? <List size="sm">{scope.data.included.map((item) => <List.Item key={item}>{item}</List.Item>)}</List> : <Text size="sm" c="dimmed">—</Text>}
          <Text size="sm" fw={600}>{t("service.excluded")}</Text>
          {scope.data.excluded.length ? <List size="sm">{scope.data.excluded.map((item) => <List.Item key={item}>{item}</List.Item>)}</List> : <Text size="sm" c="dimmed">—</Text>}
          {scope.data.notes && <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>{scope.data.notes}</Text>}
        </Stack>
      )}
      {editing && scope.data && <ScopeModal scope={scope.data} onClose={close} />}
    </Paper>
  );
}

const lines = (text: string) => text.split("\n").map((l) => l.trim()).filter((l) => l !== "");

function ScopeModal({ scope, onClose }: { scope: TServiceScope; onClose(): void }) {
  const { t } = useTranslation();
  const cache = useServiceCache();
  const { busy, errors, run } = useFormSubmit();
  const [included, setIncluded] = useState(scope.included.join("\n"));
  const [excluded, setExcluded] = useState(scope.excluded.join("\n"));
  const [notes, setNotes] = useState(scope.notes ?? "");
  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      const saved = await putServiceScope(scope.accountId, { included: lines(included), excluded: lines(excluded), notes, version: scope.version });
      cache.set(serviceKeys.scope(scope.accountId), saved);
      notifySaved();
      onClose();
    }, { onConflict: () => { cache.invalidate(serviceKeys.scope(scope.accountId)); onClose(); } });
  }
  const firstError = (prefix: string) => Object.entries(errors).find(([k]) => k.startsWith(prefix))?.[1];
  return (
    <Modal opened onClose={onClose} title={t("service.scopeTitle")}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea label={t("service.included")} description={t("service.onePerLine")} value={included} onChange={(e) => setIncluded(e.currentTarget.value)} autosize minRows={3} data-autofocus error={firstError("included")} />
          <Textarea label={t("service.excluded")} description={t("service.onePerLine")} value={excluded} onChange={(e) => setExcluded(e.currentTarget.value)} autosize minRows={2} error={firstError("excluded")} />
          <Textarea label={t("service.notes")} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} maxLength={4000} error={errors.notes} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function OpenCases({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const cases = useCases({ accountId, open: "true" });
  const [adding, { open, close }] = useDisclosure(false);
  const items = cases.data?.items ?? [];
  return (
    <Paper withBorder radius="md" p="md">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4">{t("service.openCases")}</Title>
        {canWrite && <Button size="xs" leftSection={<IconPlus size={14} />} onClick={open}>{t("service.new")}</Button>}
      </Group>
      {cases.isPending ? <Skeleton height={120} /> : cases.isError ? <ErrorState error={cases.error} /> : items.length === 0 ? (
        <EmptyHint icon={<IconLifebuoy />} title={t("service.noOpenCases")} description={t("service.noOpenCasesText")} />
      ) : (
        <Stack gap="xs">
          {items.map((c) => (
            <Group key={c.id} justify="space-between" wrap="nowrap" gap="xs">
              <Anchor component={Link} to={`/cases/${c.id}`} size="sm" lineClamp={1} style={{ minWidth: 0 }}>{c.title}</Anchor>
              <Group gap={6} wrap="nowrap" style={{ flexShrink: 0 }}>
                <PriorityBadge priority={c.priority} />
                <StatusBadge status={c.status} />
                <SlaBadge state={c.sla.state} />
              </Group>
            </Group>
          ))}
        </Stack>
      )}
      <NewCaseModal opened={adding} onClose={close} accountId={accountId} />
    </Paper>
  );
}

function MetricsCard({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const metrics = useServiceMetrics("account", accountId);
  const labels = { firstResponse: t("service.metrics.firstResponse"), resolution: t("service.metrics.resolution"), attainment: t("service.metrics.attainment"), hours: t("service.metrics.hours") };
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb={4}>{t("service.metrics.title")}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t("service.metrics.hint")}</Text>
      {metrics.isPending ? <Skeleton height={280} /> : metrics.isError ? <ErrorState error={metrics.error} /> : metrics.data.rows.length === 0 ? (
        <Text size="sm" c="dimmed">{t("service.metrics.empty")}</Text>
      ) : (
        <LazyChart option={metricsChartOption(monthlySeries(metrics.data), labels)} label={t("service.metrics.title")} />
      )}
    </Paper>
  );
}
