import { Badge } from "@mantine/core";
import type { TCadenceDue } from "@openkam/contracts";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { cadenceStatusColor, daysMessage, type Message } from "./cadence-format";

/** A message from the cadence helpers in the current language. */
export function say(t: TFunction, message: Message): string {
  return message.count === undefined ? t(message.key) : t(message.key, { count: message.count });
}

/** "Overdue by 12 days" / "逾期 12 天". */
export function overdueText(t: TFunction, days: number): string {
  return t("cadence.overdueBy", { days: say(t, daysMessage(days)) });
}

export function StatusBadge({ due }: { due: Pick<TCadenceDue, "status" | "daysOverdue"> }) {
  const { t } = useTranslation();
  return (
    <Badge color={cadenceStatusColor(due)} variant="light" tt="none">
      {t(`cadence.status.${due.status}`)}
    </Badge>
  );
}

export function OverdueBadge({ days }: { days: number }) {
  const { t } = useTranslation();
  return <Badge color="red" variant="outline" tt="none">{overdueText(t, days)}</Badge>;
}
