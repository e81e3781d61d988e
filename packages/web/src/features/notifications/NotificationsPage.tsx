import { Button, Center, Group, Paper, SegmentedControl, Skeleton, Stack, Switch, Text, UnstyledButton } from "@mantine/core";
import type { TNotification } from "@openkam/contracts";
import { IconBellOff } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { notifyFailed, notifySaved } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/TableSkeleton";
import { formatDateTime } from "../../lib/format";
import { notificationKeys, putNotificationPreferences, useNotificationActions, useNotificationList, useNotificationPreferences } from "./notifications.api";
import { NotificationText } from "./NotificationText";

function EmailPreference() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const preferences = useNotificationPreferences();
  const [saving, setSaving] = useState(false);
  if (preferences.isPending) return <Skeleton height={40} />;
  if (preferences.isError) return <ErrorState error={preferences.error} />;
  const change = async (cadenceReminderEmail: boolean) => {
    setSaving(true);
    try {
      const saved = await putNotificationPreferences({ cadenceReminderEmail, version: preferences.data.version });
      queryClient.setQueryData(notificationKeys.preferences(), saved);
      notifySaved();
    } catch (error) {
      notifyFailed(error);
      await preferences.refetch();
    } finally {
      setSaving(false);
    }
  };
  return (
    <Switch
      checked={preferences.data.cadenceReminderEmail}
      disabled={saving}
      onChange={(event) => void change(event.currentTarget.checked)}
      label={t("notifications.emailPreference")}
      description={t("notifications.emailPreferenceHint")}
    />
  );
}

export function NotificationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<"all" | "unread">("all");
  const list = useNotificationList(filter === "unread");
  const actions = useNotificationActions();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unreadCount ?? 0;

  const open = (n: TNotification) => {
    actions.markRead(n).catch((error: unknown) => notifyFailed(error));
    void navigate(n.link);
  };

  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        description={t("notifications.subtitle")}
        actions={<Button variant="default" disabled={unread === 0} onClick={() => void actions.markAllRead().catch((error: unknown) => notifyFailed(error))}>{t("notifications.markAllRead")}</Button>}
      />
      <Stack gap="md">
        <Paper withBorder radius="md" p="md"><EmailPreference /></Paper>
        <Group>
          <SegmentedControl
            value={filter}
            onChange={(value) => setFilter(value as "all" | "unread")}
            data={[{ value: "all", label: t("notifications.filterAll") }, { value: "unread", label: t("notifications.filterUnread", { count: unread }) }]}
          />
        </Group>
        <Paper withBorder radius="md">
          {list.isPending ? <TableSkeleton rows={5} /> : list.isError ? <ErrorState error={list.error} /> : items.length === 0 ? (
            <EmptyHint icon={<IconBellOff />} title={t("notifications.empty")} description={t("notifications.emptyHint")} />
          ) : (
            <Stack gap={0}>
              {items.map((n) => (
                <UnstyledButton key={n.id} onClick={() => open(n)} p="sm" style={{ borderBottom: "1px solid var(--mantine-color-default-border)" }} bg={n.readAt ? undefined : "var(--mantine-primary-color-light)"}>
                  <NotificationText notification={n} />
                  <Text size="xs" c="dimmed">{formatDateTime(n.createdAt)}</Text>
                </UnstyledButton>
              ))}
              {list.hasNextPage && (
                <Center p="sm"><Button variant="subtle" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>{t("common.loadMore")}</Button></Center>
              )}
            </Stack>
          )}
        </Paper>
      </Stack>
    </>
  );
}
