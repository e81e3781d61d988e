import { Badge, Group, Text, Timeline } from "@mantine/core";
import type { TInteraction } from "@openkam/contracts";
import { IconCalendarEvent, IconMail, IconPhone, IconPresentation, IconUsersGroup, IconWalk } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../lib/format";

const ICONS = { visit: IconWalk, call: IconPhone, meeting: IconUsersGroup, email: IconMail, qbr: IconPresentation, executive_meeting: IconCalendarEvent } as const;

export function InteractionTimeline({ items }: { items: TInteraction[] }) {
  const { t } = useTranslation();
  return (
    <Timeline bulletSize={26} lineWidth={2}>
      {items.map((i) => {
        const Icon = ICONS[i.type];
        return (
          <Timeline.Item key={i.id} bullet={<Icon size={14} />} title={<Group gap="xs"><Text fw={600} size="sm">{i.subject}</Text>{i.planned && <Badge size="xs" color="cyan">{t("account360.planned")}</Badge>}</Group>}>
            <Text size="xs" c="dimmed">{t(`enums.interactionType.${i.type}`)} · {formatDateTime(i.occurredAt)}</Text>
            {i.outcome && <Text size="sm" mt={4}>{i.outcome}</Text>}
            {i.nextStep && <Text size="sm" c="dimmed" mt={2}>{t("account360.nextStep")}: {i.nextStep}</Text>}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
