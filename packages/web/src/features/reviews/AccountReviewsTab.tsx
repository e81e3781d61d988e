import { Anchor, Badge, Button, Group, Paper, Skeleton, Stack, Table, Text } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import type { TCustomerLink } from "@openkam/contracts";
import { IconMessageStar, IconPlus } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { formatDate } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { CustomerLinkModal } from "./CustomerLinkModal";
import { ProgressBadges } from "./ProgressBadges";
import { useAccountReviews, useReviewsRefresh } from "./reviews.api";
import { StartReviewModal } from "./StartReviewModal";

/** The account's 360° reviews on its 360 page; directors start one here. */
export function AccountReviewsTab({ accountId }: { accountId: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const reviews = useAccountReviews(accountId);
  const refresh = useReviewsRefresh();
  const [starting, { open, close }] = useDisclosure(false);
  const [link, setLink] = useState<{ cycleId: string; link: TCustomerLink } | null>(null);
  const canManage = me.role === "admin" || me.role === "director";

  if (reviews.isError) return <ErrorState error={reviews.error} onRetry={() => void reviews.refetch()} />;
  const items = reviews.data?.items;
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={640}>{t("reviews.tabIntro")}</Text>
        {canManage && <Button leftSection={<IconPlus size={16} />} onClick={open}>{t("reviews.start")}</Button>}
      </Group>
      <Paper withBorder radius="md">
        {!items ? <Skeleton height={160} /> : items.length === 0 ? (
          <EmptyHint icon={<IconMessageStar />} title={t("reviews.noneTitle")} description={canManage ? t("reviews.noneText") : t("reviews.noneTextMember")}>
            {canManage && <Button variant="light" onClick={open}>{t("reviews.start")}</Button>}
          </EmptyHint>
        ) : (
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="sm" aria-label={t("reviews.listLabel")}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("reviews.title")}</Table.Th>
                  <Table.Th>{t("reviews.period")}</Table.Th>
                  <Table.Th>{t("reviews.progress")}</Table.Th>
                  <Table.Th ta="right">{t("reviews.overall")}</Table.Th>
                  <Table.Th ta="right">{t("reviews.gaps")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <Group gap={6}>
                        <Anchor component={Link} to={`/reviews/${c.id}`} fw={600}>{c.title}</Anchor>
                        {c.status === "closed" && <Badge size="xs" color="gray">{t("reviews.closed")}</Badge>}
                      </Group>
                    </Table.Td>
                    <Table.Td>{formatDate(c.periodStart)} – {formatDate(c.periodEnd)}</Table.Td>
                    <Table.Td><ProgressBadges progress={c.progress} /></Table.Td>
                    <Table.Td ta="right">{c.overall === null ? "—" : c.overall.toFixed(2)}</Table.Td>
                    <Table.Td ta="right">{c.gapCount > 0 ? <Badge color="red.9">{c.gapCount}</Badge> : "—"}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      <StartReviewModal
        accountId={accountId} opened={starting} onClose={close}
        onStarted={async (cycleId, customerLink) => {
          await refresh();
          setLink({ cycleId, link: customerLink });
        }}
      />
      <CustomerLinkModal link={link?.link ?? null} onClose={() => { const id = link?.cycleId; setLink(null); if (id) void navigate(`/reviews/${id}`); }} />
    </Stack>
  );
}
