import { Badge, Button, Card, Paper, Skeleton, Stack, Table, Text, Tooltip } from "@mantine/core";
import type { TSurveyInvitation } from "@openkam/contracts";
import { IconCopy, IconMailOff } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { confirmAction } from "../../components/confirm";
import { EmptyHint } from "../../components/EmptyHint";
import { notifyFailed, notifySaved } from "../../components/notify";
import { formatDate } from "../../lib/format";
import { createInvitationLink, useInvitations } from "./surveys.api";

const STATUS_COLOR: Record<TSurveyInvitation["status"], string> = { open: "blue", responded: "teal", expired: "gray" };

/** Who was invited; directors can copy a fresh link to hand over themselves (it replaces the e-mailed one). */
export function InvitationsPanel({ surveyId, canManage }: { surveyId: string; canManage: boolean }) {
  const { t } = useTranslation();
  const invitations = useInvitations(surveyId);
  const [links, setLinks] = useState<Record<string, string>>({});
  const items = invitations.data?.pages.flatMap((p) => p.items) ?? [];

  const copyLink = async (invitation: TSurveyInvitation) => {
    if (invitation.mailStatus === "sent" && !(await confirmAction({ title: t("surveys.invitations.copyLink"), message: t("surveys.invitations.replaceWarning"), confirmLabel: t("surveys.invitations.copyLink") }))) return;
    try {
      const { url } = await createInvitationLink(invitation.id);
      setLinks((current) => ({ ...current, [invitation.id]: url }));
      await navigator.clipboard?.writeText(url).catch(() => undefined);
      notifySaved(t("surveys.invitations.copied"));
      void invitations.refetch();
    } catch (error) {
      notifyFailed(error);
    }
  };

  if (invitations.isLoading) return <Skeleton height={160} />;
  if (items.length === 0) return <Paper withBorder radius="md"><EmptyHint icon={<IconMailOff />} title={t("surveys.invitations.emptyTitle")} description={t("surveys.invitations.emptyText")} /></Paper>;
  return (
    <Stack>
      <Card withBorder radius="md" padding={0}>
        <Table.ScrollContainer minWidth={720}>
          <Table>
            <Table.Thead><Table.Tr>
              <Table.Th>{t("surveys.results.account")}</Table.Th><Table.Th>{t("surveys.invitations.contact")}</Table.Th><Table.Th>{t("surveys.invitations.status")}</Table.Th>
              <Table.Th>{t("surveys.invitations.mail")}</Table.Th><Table.Th>{t("surveys.invitations.expires")}</Table.Th><Table.Th />
            </Table.Tr></Table.Thead>
            <Table.Tbody>
              {items.map((i) => (
                <Table.Tr key={i.id} data-testid="survey-invitation">
                  <Table.Td><Link to={`/accounts/${i.accountId}`}>{i.accountName}</Link></Table.Td>
                  <Table.Td><Text size="sm">{i.contactName}</Text><Text size="xs" c="dimmed">{i.email} · {i.language === "zh-CN" ? "中文" : "English"}</Text></Table.Td>
                  <Table.Td><Badge color={STATUS_COLOR[i.status]} variant="light">{t(`surveys.invitations.statuses.${i.status}`)}</Badge></Table.Td>
                  <Table.Td><Text size="sm">{t(`surveys.invitations.mailStatuses.${i.mailStatus}`)}</Text></Table.Td>
                  <Table.Td>{formatDate(i.expiresAt)}</Table.Td>
                  <Table.Td>
                    {canManage && i.status !== "responded" && (
                      <Tooltip label={t("surveys.invitations.copyHint")}>
                        <Button size="compact-sm" variant="light" leftSection={<IconCopy size={14} />} onClick={() => void copyLink(i)}>{t("surveys.invitations.copyLink")}</Button>
                      </Tooltip>
                    )}
                    {links[i.id] && <Text size="xs" data-testid="survey-link" style={{ wordBreak: "break-all" }} mt={4}>{links[i.id]}</Text>}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Card>
      {invitations.hasNextPage && <Button variant="default" loading={invitations.isFetchingNextPage} onClick={() => void invitations.fetchNextPage()}>{t("common.loadMore")}</Button>}
    </Stack>
  );
}
