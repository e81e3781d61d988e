import { Alert, Anchor, Badge, Breadcrumbs, Button, Group, Paper, Skeleton, Stack, Table, Text, Title } from "@mantine/core";
import type { TCustomerLink, TReviewCycleDetail } from "@openkam/contracts";
import { criterionLabel, REVIEW_VIEWS, type ReviewView } from "@openkam/domain/reviews/index";
import { IconLink, IconLock } from "@tabler/icons-react";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { LazyChart } from "../../components/charts/LazyChart";
import { confirmAction } from "../../components/confirm";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate } from "../../lib/format";
import { AnswerCard } from "./AnswerCard";
import { CustomerLinkModal } from "./CustomerLinkModal";
import { ProgressBadges } from "./ProgressBadges";
import { reviewBarsOption } from "./review-chart";
import { closeReview, issueCustomerLink, usePendingReviews, useReview, useReviewsRefresh } from "./reviews.api";

const score = (v: number | null) => (v === null ? "—" : v.toFixed(2));

function Results({ detail }: { detail: TReviewCycleDetail }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language === "zh-CN" ? "zh-CN" : "en";
  const labels = useMemo(() => Object.fromEntries(detail.criteria.map((c) => [c.key, criterionLabel(c, lang)])), [detail.criteria, lang]);
  const views = useMemo(() => Object.fromEntries(REVIEW_VIEWS.map((v) => [v, t(`reviews.views.${v}`)])) as Record<ReviewView, string>, [t]);
  const option = useMemo(() => reviewBarsOption(detail, { criteria: labels, views }), [detail, labels, views]);
  const { results } = detail;
  if (results.overall === null) return <Paper withBorder p="md" radius="md"><Text c="dimmed" size="sm">{t("reviews.noAnswersYet")}</Text></Paper>;
  const inGap = (key: string, view: ReviewView) => results.gaps.some((g) => g.criterionKey === key && (g.higher === view || g.lower === view));
  return (
    <Stack gap="md">
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h5">{t("reviews.results")}</Title>
          <Text size="sm">{t("reviews.overallScore")}: <b>{score(results.overall)}</b></Text>
        </Group>
        <LazyChart option={option} height={320} label={t("reviews.resultsChart")} />
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={2} size="h5" mb={4}>{t("reviews.byCriterion")}</Title>
        <Text size="xs" c="dimmed" mb="sm">{t("reviews.gapHint", { threshold: detail.gapThreshold.toFixed(1) })}</Text>
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6} aria-label={t("reviews.byCriterion")}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("reviews.criterion")}</Table.Th>
                {REVIEW_VIEWS.map((v) => <Table.Th key={v} ta="right">{views[v]}</Table.Th>)}
                <Table.Th ta="right">{t("reviews.overall")}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.criteria.map((c) => (
                <Table.Tr key={c.key}>
                  <Table.Td>{labels[c.key]}</Table.Td>
                  {REVIEW_VIEWS.map((v) => (
                    <Table.Td key={v} ta="right" bg={inGap(c.key, v) ? "var(--mantine-color-orange-light)" : undefined} data-gap={inGap(c.key, v) || undefined}>
                      {score(c.averages[v])}
                    </Table.Td>
                  ))}
                  <Table.Td ta="right" fw={600}>{score(c.overall)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Paper>
      <Paper withBorder p="md" radius="md" data-testid="review-gaps">
        <Title order={2} size="h5" mb="sm">{t("reviews.gapsTitle")}</Title>
        {results.gaps.length === 0 ? <Text size="sm" c="dimmed">{t("reviews.noGaps")}</Text> : (
          <Stack gap={6}>
            {results.gaps.map((g) => (
              <Group key={`${g.criterionKey}-${g.higher}-${g.lower}`} gap="xs" wrap="nowrap">
                <Badge color="red.9" variant="filled" miw={48}>{g.difference.toFixed(2)}</Badge>
                <Text size="sm">{t("reviews.gapSentence", { criterion: labels[g.criterionKey] ?? g.criterionKey, higher: views[g.higher], lower: views[g.lower] })}</Text>
              </Group>
            ))}
          </Stack>
        )}
      </Paper>
      {detail.comments.length > 0 && (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h5" mb="sm">{t("reviews.comments")}</Title>
          <Stack gap="sm">
            {detail.comments.map((c, i) => (
              <div key={i}>
                <Badge variant="light" size="sm" mb={4}>{views[c.view]}</Badge>
                <Text size="sm" style={{ whiteSpace: "pre-wrap", overflowWrap: "anywhere" }}>{c.comment}</Text>
              </div>
            ))}
          </Stack>
        </Paper>
      )}
    </Stack>
  );
}

/** One review: who has answered, the caller's own answer when asked, the results with the gaps between views. */
export function ReviewPage() {
  const { id = "" } = useParams();
  const { t } = useTranslation();
  const review = useReview(id);
  const pending = usePendingReviews();
  const refresh = useReviewsRefresh();
  const [link, setLink] = useState<TCustomerLink | null>(null);
  usePageTitle(review.data?.title);

  if (review.isError) return <ErrorState error={review.error} onRetry={() => void review.refetch()} />;
  if (!review.data) return <Stack><Skeleton height={40} width="40%" /><Skeleton height={320} /></Stack>;
  const d = review.data;
  const mine = d.status === "open" ? pending.data?.items.find((p) => p.cycleId === d.id) : undefined;
  const customer = d.invitations.find((i) => i.view === "customer");

  const newLink = async () => {
    try {
      setLink(await issueCustomerLink(d.id, { sendEmail: Boolean(customer?.email) }));
      await refresh();
    } catch (error) {
      notifyFailed(error);
    }
  };
  const close = () => void confirmAction({ title: t("reviews.close"), message: t("reviews.closeText"), confirmLabel: t("reviews.close") }).then(async (ok) => {
    if (!ok) return;
    try {
      await closeReview(d);
      await refresh();
      notifySaved(t("reviews.closedToast"));
    } catch (error) {
      notifyFailed(error);
    }
  });

  return (
    <>
      <Breadcrumbs mb="xs">
        <Anchor component={Link} to={`/accounts/${d.accountId}?tab=reviews`} size="sm">{d.accountName}</Anchor>
        <Text size="sm">{d.title}</Text>
      </Breadcrumbs>
      <Group justify="space-between" align="flex-start" mb="md">
        <Stack gap={4}>
          <Group gap="xs">
            <Title order={1} size="h2">{d.title}</Title>
            {d.status === "closed" && <Badge color="gray">{t("reviews.closed")}</Badge>}
          </Group>
          <Text size="sm" c="dimmed">{formatDate(d.periodStart)} – {formatDate(d.periodEnd)}</Text>
          <ProgressBadges progress={d.progress} />
        </Stack>
        {d.canManage && d.status === "open" && (
          <Group gap="sm">
            {customer && !customer.respondedAt && <Button variant="default" leftSection={<IconLink size={16} />} onClick={() => void newLink()}>{t("reviews.newLink")}</Button>}
            <Button variant="default" leftSection={<IconLock size={16} />} onClick={close}>{t("reviews.close")}</Button>
          </Group>
        )}
      </Group>
      <Stack gap="md">
        {mine && <AnswerCard cycleId={d.id} view={mine.view} criteria={d.criteria} onAnswered={refresh} />}
        {d.canManage && customer && !customer.respondedAt && d.status === "open" && (
          <Alert variant="light" color="blue">
            {customer.sentAt ? t("reviews.customerSent", { date: formatDate(customer.sentAt), email: customer.email ?? "" }) : t("reviews.customerNotSent")}
          </Alert>
        )}
        <Results detail={d} />
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h5" mb="sm">{t("reviews.invited")}</Title>
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing={6} aria-label={t("reviews.invited")}>
              <Table.Thead>
                <Table.Tr><Table.Th>{t("reviews.who")}</Table.Th><Table.Th>{t("reviews.view")}</Table.Th><Table.Th>{t("reviews.answeredOn")}</Table.Th></Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.invitations.map((i) => (
                  <Table.Tr key={i.id}>
                    <Table.Td>{i.name || t("reviews.theCustomer")}</Table.Td>
                    <Table.Td><Badge variant="light" size="sm">{t(`reviews.views.${i.view}`)}</Badge></Table.Td>
                    <Table.Td>{i.respondedAt ? formatDate(i.respondedAt) : <Text span size="sm" c="dimmed">{t("reviews.waiting")}</Text>}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      </Stack>
      <CustomerLinkModal link={link} onClose={() => setLink(null)} />
    </>
  );
}
