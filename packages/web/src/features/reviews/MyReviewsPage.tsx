import { Anchor, Badge, Button, Paper, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import { IconMessageStar } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { PageHeader } from "../../components/PageHeader";
import { usePageTitle } from "../../components/usePageTitle";
import { formatDate } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { usePendingReviews } from "./reviews.api";
import { ReviewSettingsCard } from "./ReviewSettingsCard";

/** 360° reviews waiting for the caller's answer; directors also set the criteria here. */
export function MyReviewsPage() {
  const { t } = useTranslation();
  usePageTitle(t("reviews.pageTitle"));
  const { me } = useSession();
  const pending = usePendingReviews();
  const canManage = me.role === "admin" || me.role === "director";
  const items = pending.data?.items;
  return (
    <>
      <PageHeader title={t("reviews.pageTitle")} description={t("reviews.pageSubtitle")} />
      <Stack gap="lg">
        <section aria-labelledby="pending-title">
          <Title id="pending-title" order={2} size="h4" mb="sm">{t("reviews.pendingTitle")}</Title>
          <Paper withBorder radius="md">
            {pending.isError ? <ErrorState error={pending.error} onRetry={() => void pending.refetch()} /> : !items ? <Skeleton height={120} /> : items.length === 0 ? (
              <EmptyHint icon={<IconMessageStar />} title={t("reviews.nothingPending")} description={t("reviews.nothingPendingText")} />
            ) : (
              <Table.ScrollContainer minWidth={560}>
                <Table verticalSpacing="sm" aria-label={t("reviews.pendingTitle")}>
                  <Table.Thead>
                    <Table.Tr><Table.Th>{t("reviews.account")}</Table.Th><Table.Th>{t("reviews.title")}</Table.Th><Table.Th>{t("reviews.view")}</Table.Th><Table.Th>{t("reviews.period")}</Table.Th><Table.Th><VisuallyHidden>{t("reviews.actions")}</VisuallyHidden></Table.Th></Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {items.map((p) => (
                      <Table.Tr key={p.invitationId}>
                        <Table.Td><Anchor component={Link} to={`/accounts/${p.accountId}?tab=reviews`}>{p.accountName}</Anchor></Table.Td>
                        <Table.Td>{p.title}</Table.Td>
                        <Table.Td><Badge variant="light" size="sm">{t(`reviews.views.${p.view}`)}</Badge></Table.Td>
                        <Table.Td>{formatDate(p.periodStart)} – {formatDate(p.periodEnd)}</Table.Td>
                        <Table.Td ta="right"><Button size="xs" component={Link} to={`/reviews/${p.cycleId}`}>{t("reviews.answer")}</Button></Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Paper>
        </section>
        {canManage ? <ReviewSettingsCard /> : <Text size="sm" c="dimmed">{t("reviews.settingsByDirectors")}</Text>}
      </Stack>
    </>
  );
}
