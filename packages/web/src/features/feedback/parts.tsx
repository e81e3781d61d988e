import { Badge, Tooltip } from "@mantine/core";
import type { TFeedbackItem } from "@openkam/contracts";
import type { FeedbackSeverity, FeedbackStatus } from "@openkam/domain/feedback/index";
import { IconAlarm } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDate } from "../../lib/format";
import { SEVERITY_COLORS, STATUS_COLORS } from "./feedback-view";

export function FeedbackStatusBadge({ status }: { status: FeedbackStatus }) {
  const { t } = useTranslation();
  return <Badge color={STATUS_COLORS[status]} variant="light">{t(`feedback.status.${status}`)}</Badge>;
}

export function SeverityBadge({ severity }: { severity: FeedbackSeverity }) {
  const { t } = useTranslation();
  return <Badge color={SEVERITY_COLORS[severity]} variant={severity === "critical" ? "filled" : "outline"}>{t(`feedback.severity.${severity}`)}</Badge>;
}

/** Overdue: how late the current step is; otherwise nothing (the due date shows on the item page). */
export function OverdueBadge({ item }: { item: Pick<TFeedbackItem, "overdue" | "daysOverdue" | "dueAt"> }) {
  const { t } = useTranslation();
  if (!item.overdue) return null;
  return (
    <Tooltip label={t("feedback.wasDue", { date: formatDate(item.dueAt) })}>
      <Badge color="red" variant="filled" leftSection={<IconAlarm size={12} />}>
        {item.daysOverdue > 0 ? t("feedback.daysOverdue", { count: item.daysOverdue }) : t("feedback.overdue")}
      </Badge>
    </Tooltip>
  );
}
