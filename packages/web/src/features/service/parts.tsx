import { Badge, Group, Paper, Progress, Stack, Text } from "@mantine/core";
import type { TSlaClock } from "@openkam/contracts";
import type { SlaState } from "@openkam/domain/service/sla-clock";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";
import { PRIORITY_COLORS, SLA_STATE_COLORS, formatDuration, usedPercent } from "./sla-format";

export function SlaBadge({ state }: { state: SlaState }) {
  const { t } = useTranslation();
  return <Badge color={SLA_STATE_COLORS[state]} variant={state === "breached" || state === "at_risk" ? "filled" : "light"} data-sla-state={state}>{t(`service.sla.${state}`)}</Badge>;
}

export function PriorityBadge({ priority }: { priority: string }) {
  const { t } = useTranslation();
  return <Badge color={PRIORITY_COLORS[priority] ?? "gray"} variant="outline" title={t(`service.priority.${priority}`)}>{priority}</Badge>;
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation();
  return <Badge color={status === "resolved" ? "teal" : status === "waiting_on_customer" ? "gray" : "blue"} variant="dot">{t(`service.status.${status}`)}</Badge>;
}

/** Minutes as "2 h 30 min" in the user's language. */
export function useDuration() {
  const { t } = useTranslation();
  const units = { d: t("service.units.d"), h: t("service.units.h"), min: t("service.units.min") };
  return (minutes: number, businessHours = false) => formatDuration(minutes, units, businessHours);
}

/** One SLA clock: its state, how much of the target is used, and what that means in time. */
export function ClockCard({ label, clock }: { label: string; clock: TSlaClock }) {
  const { t } = useTranslation();
  const duration = useDuration();
  const b = clock.businessHours;
  const values = { left: duration(clock.remainingMinutes, b), elapsed: duration(clock.elapsedMinutes, b), target: duration(clock.targetMinutes, b), due: formatDateTime(clock.dueAt) };
  const line =
    clock.state === "met" ? t("service.clock.met", values)
    : clock.state === "paused" ? t("service.clock.paused", values)
    : clock.state === "breached" ? (clock.stoppedAt ? t("service.clock.missed", values) : t("service.clock.overdue", values))
    : t("service.clock.left", values);
  return (
    <Paper withBorder radius="md" p="md" data-testid={`clock-${label}`}>
      <Stack gap={6}>
        <Group justify="space-between">
          <Text fw={600}>{label}</Text>
          <SlaBadge state={clock.state} />
        </Group>
        <Progress value={usedPercent(clock)} color={SLA_STATE_COLORS[clock.state]} aria-label={label} />
        <Text size="sm">{line}</Text>
        <Text size="xs" c="dimmed">
          {t("service.clock.target", { target: values.target })} · {clock.businessHours ? t("service.clock.businessHours") : t("service.clock.aroundTheClock")}
        </Text>
      </Stack>
    </Paper>
  );
}
