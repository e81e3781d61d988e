import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import type { TWeekAgendaItem } from "@openkam/contracts";
import { IconAlertTriangle, IconCalendarCheck, IconChevronLeft, IconChevronRight } from "@tabler/icons-react";
import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { EmptyHint } from "../../components/EmptyHint";
import { ErrorState } from "../../components/ErrorState";
import { TableSkeleton } from "../../components/TableSkeleton";
import { tierColor } from "../../lib/colors";
import { formatDate } from "../../lib/format";
import { useMyWeek } from "./cadence.api";
import { groupAgenda, type AgendaGroup } from "./cadence-format";
import { isoWeekDates, isoWeekNumber, isoWeekOfDate, shiftIsoWeek } from "./iso-week";
import { OverdueBadge, StatusBadge } from "./parts";

interface Props {
  /** null: this week in the organization's time zone, which only the server knows for sure. */
  week: string | null;
  onWeek(week: string | null): void;
  onShowOverdue(): void;
}

function AgendaTable({ items }: { items: TWeekAgendaItem[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w="40%">{t("cadence.columns.account")}</Table.Th>
            <Table.Th>{t("cadence.columns.kind")}</Table.Th>
            <Table.Th>{t("cadence.columns.dueOn")}</Table.Th>
            <Table.Th>{t("cadence.columns.status")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={`${item.accountId}:${item.kind}`}>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor component={Link} to={`/accounts/${item.accountId}`} size="sm" fw={500}>{item.accountName}</Anchor>
                  <Badge size="xs" variant="light" color={tierColor(item.tier)}>{t(`enums.tier.${item.tier}`)}</Badge>
                </Group>
              </Table.Td>
              <Table.Td>{t(`cadence.kind.${item.kind}`)}</Table.Td>
              <Table.Td>{formatDate(item.dueOn)}</Table.Td>
              <Table.Td>
                <Group gap={6}>
                  {item.daysOverdue > 0 && <OverdueBadge days={item.daysOverdue} />}
                  {(item.daysOverdue === 0 || item.status === "never_met") && <StatusBadge due={item} />}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The caller's agenda for one ISO week: what falls due each day, and what is still open from before. */
export function MyWeekView({ week, onWeek, onShowOverdue }: Props) {
  const { t, i18n } = useTranslation();
  const agenda = useMyWeek(week);
  const data = agenda.data;
  // The URL's week wins over the previous week's answer still shown while the next one loads.
  const shown = week ?? data?.week ?? null;
  const thisWeek = data ? isoWeekOfDate(data.today) : null;
  const dates = shown ? isoWeekDates(shown) : null;
  const weekday = useMemo(() => new Intl.DateTimeFormat(i18n.language, { weekday: "long", timeZone: "UTC" }), [i18n.language]);
  const groups = useMemo(() => groupAgenda(data?.items ?? []), [data]);

  const heading = (group: AgendaGroup) =>
    group.day === "carried" ? (
      <Group gap="xs">
        <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
        <Title order={2} size="h6">{t("cadence.week.carried")}</Title>
      </Group>
    ) : (
      <Group gap="xs">
        <Title order={2} size="h6">{t("cadence.week.day", { weekday: weekday.format(new Date(`${group.day}T00:00:00Z`)), date: formatDate(group.day) })}</Title>
        {group.day === data?.today && <Badge size="sm" variant="filled">{t("cadence.week.today")}</Badge>}
      </Group>
    );

  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap" gap="sm">
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" size="xs" leftSection={<IconChevronLeft size={14} />} disabled={!shown} onClick={() => shown && onWeek(shiftIsoWeek(shown, -1))}>
            {t("cadence.week.previous")}
          </Button>
          <Button variant="default" size="xs" rightSection={<IconChevronRight size={14} />} disabled={!shown} onClick={() => shown && onWeek(shiftIsoWeek(shown, 1))}>
            {t("cadence.week.next")}
          </Button>
          <Button variant="subtle" size="xs" disabled={week === null || week === thisWeek} onClick={() => onWeek(null)}>
            {t("cadence.week.thisWeek")}
          </Button>
        </Group>
        <Group gap="xs" aria-live="polite">
          {shown && dates ? (
            <Text fw={600} data-testid="cadence-week">
              {t("cadence.week.range", { number: isoWeekNumber(shown), from: formatDate(dates.firstDay), to: formatDate(dates.lastDay) })}
            </Text>
          ) : null}
          {shown !== null && shown === thisWeek && <Badge variant="light">{t("cadence.week.current")}</Badge>}
        </Group>
      </Group>

      {agenda.isPending ? (
        <Paper withBorder radius="md" p="md"><TableSkeleton rows={6} /></Paper>
      ) : agenda.isError ? (
        <Paper withBorder radius="md"><ErrorState error={agenda.error} onRetry={() => void agenda.refetch()} /></Paper>
      ) : groups.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyHint
            icon={<IconCalendarCheck />}
            title={shown === thisWeek ? t("cadence.week.emptyTitle") : t("cadence.week.emptyOtherTitle", { number: shown ? isoWeekNumber(shown) : "" })}
            description={t("cadence.week.emptyText")}
          >
            <Group gap="xs" justify="center">
              {shown && <Button variant="light" onClick={() => onWeek(shiftIsoWeek(shown, 1))}>{t("cadence.week.lookAhead")}</Button>}
              <Button variant="default" onClick={onShowOverdue}>{t("cadence.week.seeOverdue")}</Button>
            </Group>
          </EmptyHint>
        </Paper>
      ) : (
        <Stack gap="md" style={{ opacity: agenda.isPlaceholderData ? 0.6 : 1, transition: "opacity 120ms" }}>
          {groups.map((group) => (
            <Paper key={group.day} withBorder radius="md" p="md" component="section">
              {heading(group)}
              {group.day === "carried" && <Text size="xs" c="dimmed" mt={2}>{t("cadence.week.carriedHint")}</Text>}
              <AgendaTable items={group.items} />
            </Paper>
          ))}
        </Stack>
      )}
    </Stack>
  );
}
