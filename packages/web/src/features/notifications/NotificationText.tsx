import { Text } from "@mantine/core";
import type { TNotification } from "@openkam/contracts";
import { useTranslation } from "react-i18next";

const count = (value: unknown) => (typeof value === "number" ? value : 0);

/** What a notification says, in the reader's language; texts from other people stay plain text. */
export function NotificationText({ notification: n }: { notification: TNotification }) {
  const { t } = useTranslation();
  switch (n.kind) {
    case "cadence_reminder":
      return (
        <Text size="sm" fw={n.readAt ? 400 : 600}>
          {t("notifications.cadenceReminder", { overdue: count(n.data.overdue), due: count(n.data.dueThisWeek) })}
        </Text>
      );
    case "mention":
      return (
        <>
          <Text size="sm" fw={n.readAt ? 400 : 600}>
            {t("notifications.mention", { who: n.actor?.name ?? t("notifications.someone"), account: n.accountName ?? "" })}
          </Text>
          {typeof n.data.excerpt === "string" && <Text size="xs" c="dimmed" lineClamp={2}>{n.data.excerpt}</Text>}
        </>
      );
    case "feedback_assigned":
      return (
        <Text size="sm" fw={n.readAt ? 400 : 600}>
          {t(n.data.reason === "action" ? "notifications.feedbackAction" : "notifications.feedbackOwner", {
            who: n.actor?.name ?? t("notifications.someone"), title: typeof n.data.title === "string" ? n.data.title : "",
          })}
        </Text>
      );
  }
}
