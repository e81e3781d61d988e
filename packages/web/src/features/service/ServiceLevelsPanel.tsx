import { ActionIcon, Badge, Button, Group, Modal, NumberInput, Paper, Skeleton, Stack, Switch, Table, Text, TextInput, Title } from "@mantine/core";
import type { TServiceCalendar, TSlaPolicy } from "@openkam/contracts";
import { WEEKDAYS, type Weekday } from "@openkam/domain/service/business-hours";
import { IconPencil, IconPlus, IconTrash } from "@tabler/icons-react";
import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { confirmAction } from "../../components/confirm";
import { ErrorState } from "../../components/ErrorState";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { useSession } from "../auth/session-context";
import { PriorityBadge, useDuration } from "./parts";
import { putServiceCalendar, putSlaPolicy, serviceKeys, useServiceCache, useServiceCalendar, useSlaPolicies } from "./service.api";
import { formatHours, parseHours } from "./sla-format";

/** Settings → Service levels: the SLA targets per tier and priority, and the calendar business-hour targets count in. */
export function ServiceLevelsPanel() {
  const { me } = useSession();
  const canEdit = me.role === "admin" || me.role === "director";
  return (
    <Stack gap="lg">
      <PoliciesCard canEdit={canEdit} />
      <CalendarCard canEdit={canEdit} />
    </Stack>
  );
}

function PoliciesCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const policies = useSlaPolicies();
  const duration = useDuration();
  const [editing, setEditing] = useState<TSlaPolicy | null>(null);
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb={4}>{t("service.settings.policiesTitle")}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t("service.settings.policiesHint")}</Text>
      {policies.isPending ? <Skeleton height={300} /> : policies.isError ? <ErrorState error={policies.error} onRetry={() => void policies.refetch()} /> : (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("service.settings.tier")}</Table.Th>
                <Table.Th>{t("service.fields.priority")}</Table.Th>
                <Table.Th>{t("service.clock.firstResponse")}</Table.Th>
                <Table.Th>{t("service.clock.resolution")}</Table.Th>
                <Table.Th>{t("service.settings.counting")}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {policies.data.items.map((p) => (
                <Table.Tr key={`${p.tier}-${p.priority}`}>
                  <Table.Td>{t(`enums.tier.${p.tier}`)}</Table.Td>
                  <Table.Td><PriorityBadge priority={p.priority} /></Table.Td>
                  <Table.Td>{duration(p.firstResponseMinutes, p.businessHours)}</Table.Td>
                  <Table.Td>{duration(p.resolutionMinutes, p.businessHours)}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <Text size="sm">{p.businessHours ? t("service.clock.businessHours") : t("service.clock.aroundTheClock")}</Text>
                      {p.isDefault && <Badge size="xs" variant="light" color="gray">{t("service.settings.default")}</Badge>}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {canEdit && (
                      <ActionIcon variant="subtle" aria-label={t("service.settings.editPolicy", { tier: t(`enums.tier.${p.tier}`), priority: p.priority })} onClick={() => setEditing(p)}>
                        <IconPencil size={16} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && <PolicyModal policy={editing} onClose={() => setEditing(null)} />}
    </Paper>
  );
}

function PolicyModal({ policy, onClose }: { policy: TSlaPolicy; onClose(): void }) {
  const { t } = useTranslation();
  const cache = useServiceCache();
  const duration = useDuration();
  const { busy, errors, run } = useFormSubmit();
  const [firstResponse, setFirstResponse] = useState<number | string>(policy.firstResponseMinutes);
  const [resolution, setResolution] = useState<number | string>(policy.resolutionMinutes);
  const [businessHours, setBusinessHours] = useState(policy.businessHours);
  function submit(event: FormEvent) {
    event.preventDefault();
    void run(async () => {
      await putSlaPolicy(policy.tier, policy.priority, { firstResponseMinutes: Number(firstResponse), resolutionMinutes: Number(resolution), businessHours, version: policy.version });
      cache.invalidate(serviceKeys.all);
      notifySaved();
      onClose();
    }, { onConflict: () => { cache.invalidate(serviceKeys.policies); onClose(); } });
  }
  const hint = (value: number | string) => (typeof value === "number" && value > 0 ? duration(value, businessHours) : undefined);
  return (
    <Modal opened onClose={onClose} title={t("service.settings.editPolicy", { tier: t(`enums.tier.${policy.tier}`), priority: policy.priority })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NumberInput label={t("service.settings.firstResponseMinutes")} description={hint(firstResponse)} value={firstResponse} onChange={setFirstResponse} min={1} allowDecimal={false} allowNegative={false} clampBehavior="none" required data-autofocus error={errors.firstResponseMinutes} />
          <NumberInput label={t("service.settings.resolutionMinutes")} description={hint(resolution)} value={resolution} onChange={setResolution} min={1} allowDecimal={false} allowNegative={false} clampBehavior="none" required error={errors.resolutionMinutes} />
          <Switch label={t("service.settings.businessHoursSwitch")} checked={businessHours} onChange={(e) => setBusinessHours(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={busy}>{t("common.save")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function CalendarCard({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation();
  const calendar = useServiceCalendar();
  return (
    <Paper withBorder radius="md" p="md">
      <Title order={2} size="h4" mb={4}>{t("service.settings.calendarTitle")}</Title>
      <Text size="sm" c="dimmed" mb="sm">{t("service.settings.calendarHint")}</Text>
      {calendar.isPending ? <Skeleton height={300} /> : calendar.isError ? <ErrorState error={calendar.error} /> : <CalendarForm key={calendar.data.version} calendar={calendar.data} canEdit={canEdit} />}
    </Paper>
  );
}

function CalendarForm({ calendar, canEdit }: { calendar: TServiceCalendar; canEdit: boolean }) {
  const { t } = useTranslation();
  const cache = useServiceCache();
  const { busy, errors, run } = useFormSubmit();
  const [timeZone, setTimeZone] = useState(calendar.timeZoneIsOrganization ? "" : calendar.timeZone);
  const [hours, setHours] = useState<Record<Weekday, string>>(() => Object.fromEntries(WEEKDAYS.map((d) => [d, formatHours(calendar.weeklyHours[d])])) as Record<Weekday, string>);
  const [holidays, setHolidays] = useState(calendar.holidays);
  const parsed = Object.fromEntries(WEEKDAYS.map((d) => [d, parseHours(hours[d])])) as Record<Weekday, ReturnType<typeof parseHours>>;
  const invalidDays = WEEKDAYS.filter((d) => parsed[d] === null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (invalidDays.length > 0) return;
    void run(async () => {
      const saved = await putServiceCalendar({
        timeZone: timeZone.trim() === "" ? null : timeZone.trim(),
        weeklyHours: parsed as Record<Weekday, { start: string; end: string }[]>,
        holidays: holidays.filter((h) => h.date !== ""),
        version: calendar.version,
      });
      cache.set(serviceKeys.calendar, saved);
      cache.invalidate(["service", "cases"]);
      notifySaved();
    }, { onConflict: () => cache.invalidate(serviceKeys.calendar) });
  }

  async function removeHoliday(index: number) {
    const holiday = holidays[index]!;
    if (holiday.date && !(await confirmAction({ title: t("service.settings.removeHoliday"), message: `${holiday.date} ${holiday.name}`, confirmLabel: t("service.settings.remove"), danger: true }))) return;
    setHolidays((list) => list.filter((_, i) => i !== index));
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput label={t("service.settings.timeZone")} description={t("service.settings.timeZoneHint", { zone: calendar.timeZoneIsOrganization ? calendar.timeZone : "" })}
          placeholder={calendar.timeZoneIsOrganization ? calendar.timeZone : "Asia/Shanghai"} value={timeZone} onChange={(e) => setTimeZone(e.currentTarget.value)} disabled={!canEdit} error={errors.timeZone} maxLength={64} />
        <Text size="sm" fw={600}>{t("service.settings.weeklyHours")}</Text>
        <Text size="xs" c="dimmed">{t("service.settings.weeklyHoursHint")}</Text>
        {WEEKDAYS.map((day) => (
          <TextInput key={day} label={t(`service.weekday.${day}`)} value={hours[day]} placeholder={t("service.settings.closed")} disabled={!canEdit}
            onChange={(e) => { const value = e.currentTarget.value; setHours((h) => ({ ...h, [day]: value })); }}
            error={parsed[day] === null ? t("service.settings.hoursInvalid") : (errors[`weeklyHours.${day}`] ?? (day === "mon" ? errors.weeklyHours : undefined))} />
        ))}
        <Group justify="space-between" mt="sm">
          <Text size="sm" fw={600}>{t("service.settings.holidays")}</Text>
          {canEdit && <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setHolidays((list) => [...list, { date: "", name: "" }])}>{t("service.settings.addHoliday")}</Button>}
        </Group>
        {holidays.length === 0 && <Text size="sm" c="dimmed">{t("service.settings.noHolidays")}</Text>}
        {holidays.map((holiday, index) => (
          <Group key={index} gap="xs" align="flex-end">
            <TextInput type="date" aria-label={t("service.settings.holidayDate")} value={holiday.date} disabled={!canEdit} error={errors[`holidays.${index}.date`]}
              onChange={(e) => { const date = e.currentTarget.value; setHolidays((list) => list.map((h, i) => (i === index ? { ...h, date } : h))); }} />
            <TextInput style={{ flex: 1 }} aria-label={t("service.settings.holidayName")} placeholder={t("service.settings.holidayName")} value={holiday.name} maxLength={100} disabled={!canEdit}
              onChange={(e) => { const name = e.currentTarget.value; setHolidays((list) => list.map((h, i) => (i === index ? { ...h, name } : h))); }} />
            {canEdit && <ActionIcon variant="subtle" color="red" aria-label={t("service.settings.removeHoliday")} onClick={() => void removeHoliday(index)} mb={4}><IconTrash size={16} /></ActionIcon>}
          </Group>
        ))}
        {errors.holidays && <Text size="sm" c="red">{errors.holidays}</Text>}
        {canEdit && <Group justify="flex-end"><Button type="submit" loading={busy} disabled={invalidDays.length > 0}>{t("common.save")}</Button></Group>}
      </Stack>
    </form>
  );
}
