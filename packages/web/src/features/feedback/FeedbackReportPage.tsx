import { Anchor, Badge, Breadcrumbs, Button, Divider, Group, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput, Title } from "@mantine/core";
import { IconPrinter } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate } from "../../lib/format";
import { useFeedbackReport } from "./feedback.api";
import { defaultReportPeriod } from "./feedback-view";

// Printing gives the customer a clean sheet: no navigation, no filters, entries not split across pages.
const PRINT_CSS = `@media print {
  .mantine-AppShell-navbar, .mantine-AppShell-header, .okam-no-print { display: none !important; }
  .mantine-AppShell-main { padding: 0 !important; }
  .okam-sheet { border: none !important; padding: 0 !important; }
}
.okam-entry { break-inside: avoid; }`;

/** "You said, we did": what one customer told us in a period and what changed because of it, written to be shown or printed for them. */
export function FeedbackReportPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const fallback = defaultReportPeriod(new Date());
  const from = params.get("from") ?? fallback.from;
  const to = params.get("to") ?? fallback.to;
  const report = useFeedbackReport(id, from, to);
  usePageTitle(report.data ? `${t("feedback.report.title")} · ${report.data.account.name}` : t("feedback.report.title"));
  const setPeriod = (key: "from" | "to", value: string) => value && setParams((p) => { p.set(key, value); return p; }, { replace: true });

  return (
    <div style={{ maxWidth: 960, marginInline: "auto" }}>
      <style>{PRINT_CSS}</style>
      <Group justify="space-between" align="flex-end" mb="md" className="okam-no-print">
        <Breadcrumbs>
          <Anchor component={Link} to={`/accounts/${id}?tab=feedback`} size="sm">{report.data?.account.name ?? "…"}</Anchor>
          <Text size="sm">{t("feedback.report.title")}</Text>
        </Breadcrumbs>
        <Group gap="sm" align="flex-end">
          <TextInput type="date" label={t("feedback.report.from")} value={from} onChange={(e) => setPeriod("from", e.currentTarget.value)} />
          <TextInput type="date" label={t("feedback.report.to")} value={to} onChange={(e) => setPeriod("to", e.currentTarget.value)} />
          <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>{t("feedback.report.print")}</Button>
        </Group>
      </Group>
      {report.isError ? <ErrorState error={report.error} onRetry={() => void report.refetch()} /> : !report.data ? (
        <Stack><Skeleton height={60} /><Skeleton height={160} /><Skeleton height={160} /></Stack>
      ) : (
        <Paper withBorder radius="md" p="xl" className="okam-sheet" style={{ lineHeight: 1.55 }}>
          <Text size="sm" c="dimmed" tt="uppercase" fw={600}>{report.data.account.name}</Text>
          <Title order={1} size="h2" mb={4}>{t("feedback.report.title")}</Title>
          <Text c="dimmed" mb="lg">{t("feedback.report.period", { from: formatDate(report.data.from), to: formatDate(report.data.to) })}</Text>
          {report.data.total === 0 ? (
            <EmptyHint icon={<IconPrinter />} title={t("feedback.report.emptyTitle")} description={t("feedback.report.emptyText")} />
          ) : (
            <>
              <SimpleGrid cols={{ base: 1, sm: 3 }} mb="lg">
                <div><Text size="xl" fw={700}>{report.data.total}</Text><Text size="sm" c="dimmed">{t("feedback.report.improvements", { count: report.data.total })}</Text></div>
                <div><Text size="xl" fw={700}>{report.data.closure.medianDays === null ? "—" : t("feedback.metrics.days", { count: report.data.closure.medianDays })}</Text><Text size="sm" c="dimmed">{t("feedback.report.medianClose")}</Text></div>
                <div>
                  <Group gap={4} mb={4}>{report.data.byCategory.map((c) => <Badge key={c.category ?? "-"} variant="light" tt="none">{c.category ?? t("feedback.report.uncategorised")} · {c.count}</Badge>)}</Group>
                  <Text size="sm" c="dimmed">{t("feedback.report.themes")}</Text>
                </div>
              </SimpleGrid>
              <Stack gap="lg">
                {report.data.entries.map((e) => (
                  <div key={e.id} className="okam-entry" data-testid="you-said-we-did">
                    <Divider mb="md" />
                    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xl">
                      <div>
                        <Text size="xs" fw={700} c="orange" tt="uppercase">{t("feedback.report.youSaid")}</Text>
                        <Text fw={600}>{e.youSaid}</Text>
                        {e.details && <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }} lineClamp={6}>{e.details}</Text>}
                        <Text size="xs" c="dimmed" mt={4}>{t("feedback.report.raisedOn", { date: formatDate(e.raisedAt) })}{e.area ? ` · ${e.area}` : ""}</Text>
                      </div>
                      <div>
                        <Text size="xs" fw={700} c="teal" tt="uppercase">{t("feedback.report.weDid")}</Text>
                        <Text fw={600}>{e.weDid ?? t("feedback.report.noAction")}</Text>
                        {e.howWeTold && <Text size="sm" c="dimmed" style={{ whiteSpace: "pre-wrap" }}>{t("feedback.report.howWeTold", { note: e.howWeTold })}</Text>}
                        <Text size="xs" c="dimmed" mt={4}>{t("feedback.report.closedOn", { date: formatDate(e.closedAt), count: e.daysToClose })}</Text>
                      </div>
                    </SimpleGrid>
                  </div>
                ))}
              </Stack>
            </>
          )}
        </Paper>
      )}
    </div>
  );
}
