import { Anchor, Breadcrumbs, Button, Group, Paper, Skeleton, Stack, Text, Title } from "@mantine/core";
import { seesAllAccounts } from "@openkam/domain/access/roles";
import { IconArrowsExchange, IconDownload, IconTrash } from "@tabler/icons-react";
import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useOutletContext, useParams } from "react-router";
import { confirmAction } from "../../components/confirm";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { formatDate, formatDateTime } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { deleteRun, isFinished, useIdentifyCache } from "./identify.api";
import { formatCount } from "./identify-format";
import type { IdentifyOutlet } from "./IdentifyPage";
import { ExcludedOrdersNote, RunInputs, RunProgress, RunStatusBadge } from "./parts";
import { RunResultsSection } from "./RunResultsSection";
import { ClvPanel, ForecastPanel, MatrixPanel, ParetoPanel, RfmPanel, SelectionPanel } from "./SummaryPanels";
import { useRunPage } from "./useRunPage";
import type { TAnalysisRun } from "@openkam/contracts";

function Summary({ run, onGroup }: { run: TAnalysisRun; onGroup: (group: string) => void }) {
  switch (run.kind) {
    case "rfm": return <RfmPanel run={run} onGroup={onGroup} />;
    case "pareto": return <ParetoPanel run={run} onGroup={onGroup} />;
    case "matrix": return <MatrixPanel run={run} onGroup={onGroup} />;
    case "clv": return <ClvPanel run={run} />;
    case "forecast": return <ForecastPanel run={run} />;
    case "selection": return <SelectionPanel run={run} onGroup={onGroup} />;
  }
}

/**
 * Deletes a finished run after asking, for whoever may: directors and admins any run, an account manager their own.
 * The server keeps a run accounts were promoted from, and says so.
 */
function DeleteRunButton({ run }: { run: TAnalysisRun }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const { canRun } = useOutletContext<IdentifyOutlet>();
  const navigate = useNavigate();
  const cache = useIdentifyCache();
  const [deleting, setDeleting] = useState(false);
  // The server's rule: whoever may run analyses; beyond their own runs, only those who see every account.
  const mayDelete = canRun && (seesAllAccounts(me.role) || run.createdBy.id === me.user.id);
  if (!mayDelete || !isFinished(run)) return null;

  const onDelete = async () => {
    const name = `${t(`identify.kinds.${run.kind}`)} · ${formatDate(run.asOf)}`;
    const ok = await confirmAction({ title: t("identify.deleteRun.title"), message: t("identify.deleteRun.text", { name }), confirmLabel: t("common.delete"), danger: true });
    if (!ok) return;
    setDeleting(true);
    try {
      await deleteRun(run.id);
      await cache.runsChanged();
      notifySaved(t("identify.deleteRun.done", { name }));
      void navigate("/identify/runs");
    } catch (error) {
      notifyFailed(error);
      setDeleting(false);
    }
  };
  return <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} loading={deleting} onClick={() => void onDelete()}>{t("common.delete")}</Button>;
}

/** One run: what went in, the summary and its chart, and every account's result with the inputs behind it. */
export function RunView() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const page = useRunPage(id);
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const run = page.detail.data?.run;

  if (page.detail.isError && !run) return <ErrorState error={page.detail.error} onRetry={() => void page.detail.refetch()} />;
  if (!run) return <Stack><Skeleton height={28} width="40%" /><Skeleton height={120} /><Skeleton height={320} /></Stack>;

  const drillDown = (group: string) => {
    page.setGroup(group);
    // Bring the filtered list into view and tell screen readers where they are.
    requestAnimationFrame(() => {
      resultsHeading.current?.scrollIntoView({ behavior: "smooth", block: "start" });
      resultsHeading.current?.focus({ preventScroll: true });
    });
  };
  const succeeded = run.status === "succeeded" && run.summary !== null;

  return (
    <Stack gap="md">
      <Breadcrumbs>
        <Anchor component={Link} to="/identify/runs" size="sm">{t("identify.tabs.runs")}</Anchor>
        <Text size="sm">{t(`identify.kinds.${run.kind}`)} · {run.asOf}</Text>
      </Breadcrumbs>
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Group gap="xs">
              <Title order={2} size="h3">{t(`identify.kinds.${run.kind}`)}</Title>
              <RunStatusBadge run={run} />
            </Group>
            <Text size="sm" c="dimmed">
              {t("identify.runBy", { name: run.createdBy.name, at: formatDateTime(run.createdAt) })}
              {run.status === "succeeded" ? ` · ${t("identify.accountCount", { count: formatCount(run.accountCount) })}` : ""}
            </Text>
          </Stack>
          <Group gap="xs">
            {succeeded && run.kind !== "clv" && run.kind !== "forecast" && (
              <Button component={Link} to={`/identify/compare?kind=${run.kind}&to=${run.id}`} variant="light" leftSection={<IconArrowsExchange size={16} />}>{t("identify.compareWith")}</Button>
            )}
            {succeeded && (
              <Button
                component="a"
                href={`/api/analytics/runs/${run.id}/results.csv${page.group ? `?group=${encodeURIComponent(page.group)}` : ""}`}
                download
                variant="default"
                title={t("identify.exportHint")}
                leftSection={<IconDownload size={16} />}
              >
                {page.group ? t("identify.exportGroupCsv") : t("identify.exportCsv")}
              </Button>
            )}
            <DeleteRunButton run={run} />
          </Group>
        </Group>
        <Text size="xs" c="dimmed" mt="sm" mb={4}>{t(`identify.kindHints.${run.kind}`)}</Text>
        <RunInputs run={run} />
        <Stack gap={4} mt="sm">
          <RunProgress run={run} />
          <ExcludedOrdersNote run={run} />
        </Stack>
      </Paper>
      {succeeded && (
        <>
          <Summary run={run} onGroup={drillDown} />
          {run.kind !== "forecast" || run.accountCount > 0 ? <RunResultsSection ref={resultsHeading} page={page} /> : null}
        </>
      )}
    </Stack>
  );
}
