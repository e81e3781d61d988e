import { Tabs } from "@mantine/core";
import { IconAlertTriangle, IconCalendarWeek } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { readCadenceView, writeCadenceView, type CadenceView } from "./cadence-url";
import { MyWeekView } from "./MyWeekView";
import { OverdueView } from "./OverdueView";

/** "Contact cadence": the week's agenda of visits, executive meetings and business reviews, and the accounts behind on them. */
export function CadencePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = readCadenceView(params);
  const update = (patch: Partial<CadenceView>) => setParams(writeCadenceView({ ...view, ...patch }), { replace: true });

  return (
    <>
      <PageHeader title={t("cadence.title")} description={t("cadence.subtitle")} />
      <Tabs value={view.tab} onChange={(tab) => update({ tab: tab === "overdue" ? "overdue" : "week" })} keepMounted={false}>
        <Tabs.List mb="lg">
          <Tabs.Tab value="week" leftSection={<IconCalendarWeek size={16} />}>{t("cadence.tabs.week")}</Tabs.Tab>
          <Tabs.Tab value="overdue" leftSection={<IconAlertTriangle size={16} />}>{t("cadence.tabs.overdue")}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="week">
          <MyWeekView week={view.week} onWeek={(week) => update({ week })} onShowOverdue={() => update({ tab: "overdue" })} />
        </Tabs.Panel>
        <Tabs.Panel value="overdue">
          <OverdueView filters={{ tier: view.tier, kind: view.kind }} onFilters={(filters) => update(filters)} onShowWeek={() => update({ tab: "week" })} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
