import { Alert, Button, Grid, Group, Paper, SegmentedControl, Skeleton, Stack, Text, VisuallyHidden } from "@mantine/core";
import { notifications } from "@mantine/notifications";
import { IconSitemap } from "@tabler/icons-react";
import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed } from "../../components/notify";
import { ApiError } from "../../lib/api/api-error";
import { ContactPanel } from "./ContactPanel";
import { CoveragePanel } from "./CoveragePanel";
import { MapLegend } from "./MapLegend";
import { StakeholderMap } from "./StakeholderMap";
import { StakeholderTable } from "./StakeholderTable";
import { patchContact, useStakeholderMap, useStakeholderRefresh } from "./stakeholders.api";

type View = "map" | "list";

/** Who is who at the account, who on our side knows them, and where the relationship is thin. */
export function StakeholdersTab({ accountId, canWrite }: { accountId: string; canWrite: boolean }) {
  const { t } = useTranslation();
  const map = useStakeholderMap(accountId);
  const refresh = useStakeholderRefresh(accountId);
  const [view, setView] = useState<View>("map");
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [lineError, setLineError] = useState<string | null>(null);
  const contacts = map.data?.contacts;

  const setReportsTo = useCallback((contactId: string, managerId: string | null) => {
    if (!canWrite) return;
    const name = (id: string | null) => contacts?.find((c) => c.id === id)?.name ?? "";
    setLineError(null);
    void patchContact(contactId, { reportsToContactId: managerId }).then(
      async () => {
        await refresh();
        notifications.show({
          color: "teal", autoClose: 3000,
          message: managerId ? t("stakeholders.nowReportsTo", { name: name(contactId), manager: name(managerId) }) : t("stakeholders.lineRemoved", { name: name(contactId) }),
        });
      },
      (error: unknown) => {
        const message = error instanceof ApiError ? error.fieldErrors.reportsToContactId : undefined;
        if (message) setLineError(message);
        else notifyFailed(error);
      },
    );
  }, [canWrite, contacts, refresh, t]);

  if (map.isPending) return <Stack><Skeleton height={36} width="30%" /><Skeleton height={420} /></Stack>;
  if (map.isError) return <ErrorState error={map.error} onRetry={() => void map.refetch()} />;
  const data = map.data;
  if (data.contacts.length === 0) {
    return (
      <Paper withBorder radius="md">
        <EmptyHint icon={<IconSitemap />} title={t("stakeholders.emptyTitle")} description={t("stakeholders.emptyText")}>
          <Button component={Link} to={`/accounts/${accountId}?tab=contacts`}>{t("stakeholders.goToContacts")}</Button>
        </EmptyHint>
      </Paper>
    );
  }
  const selected = data.contacts.find((c) => c.id === selectedId) ?? null;

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <SegmentedControl
          value={view} onChange={(v) => setView(v as View)} aria-label={t("stakeholders.viewLabel")}
          data={[{ value: "map", label: t("stakeholders.viewMap") }, { value: "list", label: t("stakeholders.viewList") }]}
        />
        <Text size="sm" c="dimmed">{t("stakeholders.count", { count: data.contacts.length })}{canWrite && view === "map" ? ` · ${t("stakeholders.dragHint")}` : ""}</Text>
      </Group>
      {lineError && (
        <Alert color="red" withCloseButton closeButtonLabel={t("common.close")} onClose={() => setLineError(null)} title={t("stakeholders.lineRefused")} role="alert">
          {lineError}
        </Alert>
      )}
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: selected ? 8 : 12 }}>
          <Paper withBorder radius="md" style={{ overflow: "hidden" }}>
            {view === "map" ? (
              <StakeholderMap contacts={data.contacts} selectedId={selectedId} onSelect={setSelectedId} onReportsTo={setReportsTo} />
            ) : (
              <StakeholderTable contacts={data.contacts} selectedId={selectedId} onSelect={setSelectedId} />
            )}
          </Paper>
        </Grid.Col>
        {selected && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <ContactPanel
              contact={selected} contacts={data.contacts} canWrite={canWrite}
              onClose={() => setSelectedId(null)} onChanged={refresh} onReportsTo={setReportsTo}
            />
          </Grid.Col>
        )}
      </Grid>
      <Grid gap="sm">
        <Grid.Col span={{ base: 12, md: 7 }}><CoveragePanel map={data} onSelect={setSelectedId} /></Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}><MapLegend /></Grid.Col>
      </Grid>
      <VisuallyHidden aria-live="polite">{selected ? t("stakeholders.selected", { name: selected.name }) : ""}</VisuallyHidden>
    </Stack>
  );
}
