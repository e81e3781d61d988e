import { Anchor, Badge, Group, List, Progress, SimpleGrid, Table, Text } from "@mantine/core";
import type { TQbr } from "@openkam/contracts";
import { KPI_DEFINITIONS } from "@openkam/domain/kpis/registry";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDate, formatMoney } from "../../lib/format";
import { formatKpiValue } from "../kpis/kpi-format";
import { ScorecardView } from "../kpis/ScorecardView";
import { Figure, LightBadge, Section, share } from "./report-parts";

/** The KPI's name as the KPI library writes it, in the UI's language. */
export const kpiName = (key: string, language: string) => KPI_DEFINITIONS.find((d) => d.key === key)?.name[language.startsWith("zh") ? "zh-CN" : "en"] ?? key;


export function KpiSection({ qbr, n }: { qbr: TQbr; n: number }) {
  const { t, i18n } = useTranslation();
  return (
    <Section n={n} title={t("reports.qbr.kpis")} testId="qbr-kpis" empty={qbr.kpis.length === 0 ? t("reports.qbr.noKpis") : null}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        {qbr.kpis.map((k) => (
          <Figure key={k.key} label={kpiName(k.key, i18n.language)} value={formatKpiValue(k.value, k.unit, qbr.kpiCurrency)}
            hint={k.target != null || k.status ? <Group gap={6}>{k.target != null && <span>{t("reports.target", { value: k.target })}</span>}{k.status && <LightBadge light={k.status} />}</Group> : undefined} />
        ))}
      </SimpleGrid>
    </Section>
  );
}

export function ScorecardSection({ qbr, n }: { qbr: TQbr; n: number }) {
  const { t } = useTranslation();
  return (
    <Section n={n} title={t("reports.qbr.scorecard")} testId="qbr-scorecard" empty={qbr.scorecard ? null : t("reports.qbr.noScorecard")}>
      {qbr.scorecard && <ScorecardView card={qbr.scorecard} definitions={KPI_DEFINITIONS} />}
    </Section>
  );
}

export function PlansSection({ qbr, n }: { qbr: TQbr; n: number }) {
  const { t } = useTranslation();
  return (
    <Section n={n} title={t("reports.qbr.plans")} testId="qbr-plans" empty={qbr.plans.length === 0 ? t("reports.qbr.noPlans") : null}>
      {qbr.plans.map((p) => (
        <div key={p.id}>
          <Group justify="space-between" wrap="wrap">
            <Anchor component={Link} to={`/accounts/${qbr.account.id}/plans/${p.id}`} fw={600}>{p.title}</Anchor>
            <Text size="sm" c="dimmed">{formatDate(p.periodStart)} – {formatDate(p.periodEnd)}</Text>
          </Group>
          <Group gap="xl" mt={6} wrap="wrap">
            <Text size="sm">{t("reports.qbr.attained", { value: share(p.progress) })}</Text>
            <Text size="sm">{t("reports.qbr.actionsDone", { done: p.actions.done, total: p.actions.total })}</Text>
            {p.actions.overdue > 0 && <Badge color="red" variant="light">{t("reports.qbr.overdueActions", { count: p.actions.overdue })}</Badge>}
          </Group>
          <Progress value={p.progress ?? 0} mt={6} aria-label={t("reports.qbr.attainedOf", { title: p.title })} />
          {p.objectives.length > 0 && (
            <List size="sm" mt="xs" spacing={2}>
              {p.objectives.map((o) => <List.Item key={o.title}>{t("reports.qbr.objective", { title: o.title, baseline: o.baseline, current: o.current ?? "—", target: o.target, unit: o.unit })}</List.Item>)}
            </List>
          )}
        </div>
      ))}
    </Section>
  );
}

export function ValueSection({ qbr, n }: { qbr: TQbr; n: number }) {
  const { t } = useTranslation();
  const v = qbr.value;
  return (
    <Section n={n} title={t("reports.qbr.value")} testId="qbr-value" empty={v.initiatives.length === 0 ? t("reports.qbr.noValue") : null}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        {v.totals.map((total) => (
          <Figure key={total.currency} label={t("reports.qbr.delivered")} value={formatMoney(total.valueDelivered, total.currency)}
            hint={t("reports.qbr.roiOf", { promised: formatMoney(total.valuePromised, total.currency), roi: share(total.roiPct) })} />
        ))}
      </SimpleGrid>
      <Table.ScrollContainer minWidth={560}>
        <Table>
          <Table.Thead><Table.Tr><Table.Th>{t("reports.qbr.initiative")}</Table.Th><Table.Th>{t("reports.qbr.delivered")}</Table.Th><Table.Th>{t("reports.qbr.investment")}</Table.Th><Table.Th>{t("reports.qbr.roi")}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {v.initiatives.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>{i.title} <Badge size="xs" variant="light">{t(`reports.initiativeStatus.${i.status}`, { defaultValue: i.status })}</Badge></Table.Td>
                <Table.Td>{formatMoney(i.valueDelivered, i.currency)}</Table.Td>
                <Table.Td>{formatMoney(i.investment, i.currency)}</Table.Td>
                <Table.Td>{share(i.roiPct)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Section>
  );
}

export function FeedbackSection({ qbr, n }: { qbr: TQbr; n: number }) {
  const { t } = useTranslation();
  const f = qbr.feedback;
  return (
    <Section n={n} title={t("reports.qbr.feedback")} testId="qbr-feedback">
      <Text size="sm" c="dimmed">{t("reports.qbr.feedbackCounts", { received: f.received, closed: f.closed, open: f.open })}</Text>
      {f.items.length === 0 ? <Text size="sm" c="dimmed">{t("reports.qbr.noFeedback")}</Text> : (
        <Table>
          <Table.Thead><Table.Tr><Table.Th>{t("reports.qbr.youSaid")}</Table.Th><Table.Th>{t("reports.qbr.weDid")}</Table.Th><Table.Th>{t("reports.qbr.closedOn")}</Table.Th></Table.Tr></Table.Thead>
          <Table.Tbody>
            {f.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td><Text size="sm" fw={500}>{item.title}</Text>{item.description && <Text size="xs" c="dimmed" lineClamp={2}>{item.description}</Text>}</Table.Td>
                <Table.Td>{item.action ?? "—"}</Table.Td>
                <Table.Td>{formatDate(item.closedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Section>
  );
}

export function SurveySection({ qbr, n }: { qbr: TQbr; n: number }) {
  const { t } = useTranslation();
  const s = qbr.surveys;
  return (
    <Section n={n} title={t("reports.qbr.surveys")} testId="qbr-surveys" empty={s.responses === 0 ? t("reports.qbr.noSurveys") : null}>
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Figure label={t("reports.nps")} value={s.nps ?? "—"} hint={t("reports.qbr.npsSplit", { promoters: s.promoters, passives: s.passives, detractors: s.detractors })} />
        <Figure label={t("reports.csat")} value={s.csat === null ? "—" : `${s.csat} / 5`} />
        <Figure label={t("reports.responses")} value={s.responses} />
      </SimpleGrid>
      {s.comments.length > 0 && (
        <List size="sm" spacing={4}>
          {s.comments.map((c) => <List.Item key={`${c.submittedAt}-${c.comment}`}><Text span size="sm" fs="italic">“{c.comment}”</Text></List.Item>)}
        </List>
      )}
    </Section>
  );
}

export function ServiceSection({ qbr, n }: { qbr: TQbr; n: number }) {
  const { t } = useTranslation();
  const sv = qbr.service;
  return (
    <Section n={n} title={t("reports.qbr.service")} testId="qbr-service">
      <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
        <Figure label={t("reports.qbr.interactions")} value={sv.interactions.total}
          hint={sv.interactions.byType.map((x) => `${t(`enums.interactionType.${x.type}`)} ${x.count}`).join(" · ") || undefined} />
        <Figure label={t("reports.qbr.cases")} value={sv.cases.opened} hint={t("reports.qbr.resolvedCount", { count: sv.cases.resolved })} />
        <Figure label={t("reports.qbr.firstResponse")} value={share(sv.cases.firstResponseAttainment)} />
        <Figure label={t("reports.qbr.resolution")} value={share(sv.cases.resolutionAttainment)} />
      </SimpleGrid>
    </Section>
  );
}

export function NextQuarterSection({ qbr, n }: { qbr: TQbr; n: number }) {
  const { t } = useTranslation();
  const x = qbr.nextQuarter;
  const nothing = x.planActions.length + x.tasks.length + x.cadence.length === 0;
  return (
    <Section n={n} title={t("reports.qbr.next", { quarter: x.quarter.key })} testId="qbr-next" empty={nothing ? t("reports.qbr.noNext") : null}>
      {x.planActions.length > 0 && (
        <div>
          <Text fw={600} size="sm">{t("reports.qbr.planActions")}</Text>
          <List size="sm" spacing={2}>{x.planActions.map((a) => <List.Item key={`${a.planId}-${a.title}`}>{a.title} — {formatDate(a.dueDate)}{a.ownerName ? ` · ${a.ownerName}` : ""}</List.Item>)}</List>
        </div>
      )}
      {x.tasks.length > 0 && (
        <div>
          <Text fw={600} size="sm">{t("reports.qbr.tasks")}</Text>
          <List size="sm" spacing={2}>{x.tasks.map((task) => <List.Item key={task.id}>{task.title} — {formatDate(task.dueDate)}{task.assigneeName ? ` · ${task.assigneeName}` : ""}</List.Item>)}</List>
        </div>
      )}
      {x.cadence.length > 0 && (
        <div>
          <Text fw={600} size="sm">{t("reports.qbr.cadence")}</Text>
          <List size="sm" spacing={2}>{x.cadence.map((c) => <List.Item key={c.kind}>{t(`reports.cadenceKinds.${c.kind}`, { defaultValue: c.kind })} — {formatDate(c.dueOn)}</List.Item>)}</List>
        </div>
      )}
    </Section>
  );
}
