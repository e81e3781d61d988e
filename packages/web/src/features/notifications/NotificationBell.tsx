import { ActionIcon, Anchor, Button, Divider, Group, Indicator, Menu, ScrollArea, Skeleton, Text } from "@mantine/core";
import type { TNotification } from "@openkam/contracts";
import { IconBell } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { notifyFailed } from "../../components/notify";
import { formatDateTime } from "../../lib/format";
import { useNotificationActions, useRecentNotifications } from "./notifications.api";
import { NotificationText } from "./NotificationText";

/** The bell in the header: unread count, the latest notifications, and the way to all of them. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, setOpened] = useState(false);
  const recent = useRecentNotifications();
  const actions = useNotificationActions();
  const unread = recent.data?.unreadCount ?? 0;
  const items = recent.data?.items ?? [];

  const open = (n: TNotification) => {
    setOpened(false);
    actions.markRead(n).catch((error: unknown) => notifyFailed(error));
    void navigate(n.link);
  };

  return (
    <Menu opened={opened} onChange={setOpened} position="bottom-end" width={360} shadow="md" withinPortal>
      <Indicator label={unread > 99 ? "99+" : unread} size={16} color="red" offset={4} disabled={unread === 0} inline>
        <Menu.Target>
          <ActionIcon variant="subtle" color="gray" size="lg" aria-label={unread > 0 ? t("notifications.bellUnread", { count: unread }) : t("notifications.bell")}>
            <IconBell size={20} stroke={1.6} />
          </ActionIcon>
        </Menu.Target>
      </Indicator>
      <Menu.Dropdown>
        <Group justify="space-between" px="sm" py={6}>
          <Text fw={600} size="sm">{t("notifications.title")}</Text>
          {unread > 0 && (
            <Button variant="subtle" size="compact-xs" onClick={() => void actions.markAllRead().catch((error: unknown) => notifyFailed(error))}>
              {t("notifications.markAllRead")}
            </Button>
          )}
        </Group>
        <Divider />
        {recent.isPending ? (
          <Skeleton height={60} m="sm" />
        ) : items.length === 0 ? (
          <Text size="sm" c="dimmed" p="md" ta="center">{t("notifications.empty")}</Text>
        ) : (
          <ScrollArea.Autosize mah={420}>
            {items.map((n) => (
              <Menu.Item key={n.id} onClick={() => open(n)} bg={n.readAt ? undefined : "var(--mantine-primary-color-light)"}>
                <NotificationText notification={n} />
                <Text size="xs" c="dimmed">{formatDateTime(n.createdAt)}</Text>
              </Menu.Item>
            ))}
          </ScrollArea.Autosize>
        )}
        <Divider />
        <Group justify="center" py={6}>
          <Anchor component={Link} to="/notifications" size="sm" onClick={() => setOpened(false)}>{t("notifications.seeAll")}</Anchor>
        </Group>
      </Menu.Dropdown>
    </Menu>
  );
}
