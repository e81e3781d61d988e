import { Tabs } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";

/** The two pages of the KPI area, as tabs under one navigation entry. */
export function KpisTabs({ current }: { current: "library" | "scorecards" }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Tabs value={current} onChange={(v) => void navigate(v === "scorecards" ? "/kpis/scorecards" : "/kpis")} mb="md">
      <Tabs.List>
        <Tabs.Tab value="library">{t("kpis.library")}</Tabs.Tab>
        <Tabs.Tab value="scorecards">{t("kpis.scorecards")}</Tabs.Tab>
      </Tabs.List>
    </Tabs>
  );
}
