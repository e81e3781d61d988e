import { Anchor, Badge, Breadcrumbs, Button, Group, Select, Skeleton, Stack, Text } from "@mantine/core";
import { IconFileSpreadsheet, IconFileTypePdf } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { tierColor } from "../../lib/colors";
import { formatDate, formatDateTime } from "../../lib/format";
import { FeedbackSection, KpiSection, NextQuarterSection, PlansSection, ScorecardSection, ServiceSection, SurveySection, ValueSection } from "./QbrSections";
import { lastQuarterKey, qbrFileUrl, quarterChoices, reportLang, useQbr } from "./reports.api";

/** /accounts/:id/qbr?quarter=: the quarterly business review of an account, laid out to be read aloud. */
export function QbrPage() {
  const { t, i18n } = useTranslation();
  const { id = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const quarter = params.get("quarter") ?? lastQuarterKey();
  const choices = [...new Set([quarter, ...quarterChoices()])];
  const qbr = useQbr(id, quarter);
  const lang = reportLang(i18n.language);
  const q = qbr.data;

  const picker = (
    <Select
      label={t("reports.quarter")} data={choices} value={quarter} allowDeselect={false} w={140}
      onChange={(value) => value && setParams({ quarter: value }, { replace: true })}
    />
  );
  const downloads = (
    <Group gap="xs" align="flex-end">
      {picker}
      <Button component="a" href={qbrFileUrl(id, quarter, lang, "pdf")} download variant="default" leftSection={<IconFileTypePdf size={16} />}>{t("reports.downloadPdf")}</Button>
      <Button component="a" href={qbrFileUrl(id, quarter, lang, "xlsx")} download variant="default" leftSection={<IconFileSpreadsheet size={16} />}>{t("reports.downloadXlsx")}</Button>
    </Group>
  );

  if (qbr.isError) return <ErrorState error={qbr.error} onRetry={() => void qbr.refetch()} />;
  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to="/accounts" size="sm">{t("nav.accounts")}</Anchor>
        <Anchor component={Link} to={`/accounts/${id}`} size="sm">{q?.account.name ?? "…"}</Anchor>
        <Text size="sm">{t("reports.qbr.title")}</Text>
      </Breadcrumbs>
      <PageHeader
        title={q ? t("reports.qbr.heading", { account: q.account.name, quarter: q.quarter.key }) : t("reports.qbr.title")}
        description={q ? t("reports.qbr.period", { from: formatDate(q.quarter.from), to: formatDate(q.quarter.to) }) : undefined}
        actions={downloads}
      />
      {!q ? (
        <Stack gap="md">{Array.from({ length: 4 }, (_, i) => <Skeleton key={i} height={140} radius="md" />)}</Stack>
      ) : (
        <Stack gap="md" style={{ opacity: qbr.isPlaceholderData ? 0.6 : 1 }} aria-busy={qbr.isPlaceholderData}>
          <Group gap="sm" wrap="wrap" data-testid="qbr-header">
            <Badge color={tierColor(q.account.tier)}>{t(`enums.tier.${q.account.tier}`)}</Badge>
            <Text size="sm">{t("reports.qbr.owner", { name: q.account.owner?.name ?? "—" })}</Text>
            {q.account.team.length > 0 && <Text size="sm" c="dimmed">· {t("reports.qbr.team", { names: q.account.team.map((m) => m.name).join(", ") })}</Text>}
            <Text size="xs" c="dimmed">· {t("reports.generated", { at: formatDateTime(q.generatedAt) })}</Text>
          </Group>
          <KpiSection qbr={q} n={1} />
          <ScorecardSection qbr={q} n={2} />
          <PlansSection qbr={q} n={3} />
          <ValueSection qbr={q} n={4} />
          <FeedbackSection qbr={q} n={5} />
          <SurveySection qbr={q} n={6} />
          <ServiceSection qbr={q} n={7} />
          <NextQuarterSection qbr={q} n={8} />
        </Stack>
      )}
    </>
  );
}
