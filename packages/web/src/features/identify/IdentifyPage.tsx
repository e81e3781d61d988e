import { Button, Group, Tabs } from "@mantine/core";
import { IconPlayerPlay, IconPlus } from "@tabler/icons-react";
import { useCallback, useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Outlet, useLocation, useNavigate } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { useSession } from "../auth/session-context";
import { IdentificationModal } from "./IdentificationModal";
import { NewAnalysisModal } from "./NewAnalysisModal";
import type { FormKind } from "./run-form";

const TABS = [
  { value: "overview", path: "/identify" },
  { value: "runs", path: "/identify/runs" },
  { value: "compare", path: "/identify/compare" },
  { value: "rules", path: "/identify/rules" },
] as const;

/** Roles whose runs the API accepts (viewers and members read only). */
const CAN_RUN = new Set(["admin", "director", "account_manager"]);

export interface IdentifyOutlet {
  openNewAnalysis: (kind?: FormKind) => void;
  canRun: boolean;
}

function tabOf(pathname: string): (typeof TABS)[number]["value"] {
  const match = [...TABS].reverse().find((tab) => pathname === tab.path || pathname.startsWith(`${tab.path}/`));
  return match?.value ?? "overview";
}

/** "Identify": finding the key accounts, with one URL per view (overview, runs, a run, comparison, rules). */
export function IdentifyPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const [modal, setModal] = useState<{ opened: boolean; kind: FormKind }>({ opened: false, kind: "matrix" });
  const [identifying, setIdentifying] = useState(false);
  const canRun = CAN_RUN.has(me.role);
  const openNewAnalysis = useCallback((kind?: FormKind) => setModal((m) => ({ opened: true, kind: kind ?? m.kind })), []);
  const context = useMemo<IdentifyOutlet>(() => ({ openNewAnalysis, canRun }), [openNewAnalysis, canRun]);
  const tab = tabOf(pathname);

  return (
    <>
      <PageHeader
        title={t("identify.title")}
        description={t("identify.subtitle")}
        actions={canRun && (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconPlayerPlay size={16} />} onClick={() => setIdentifying(true)}>{t("identify.runIdentification")}</Button>
            <Button leftSection={<IconPlus size={16} />} onClick={() => openNewAnalysis()}>{t("identify.newAnalysis")}</Button>
          </Group>
        )}
      />
      <Tabs value={tab} onChange={(v) => void navigate(TABS.find((x) => x.value === v)?.path ?? "/identify")} keepMounted={false}>
        <Tabs.List mb="lg">
          {TABS.map((x) => <Tabs.Tab key={x.value} value={x.value}>{t(`identify.tabs.${x.value}`)}</Tabs.Tab>)}
        </Tabs.List>
        {TABS.map((x) => <Tabs.Panel key={x.value} value={x.value}>{x.value === tab && <Outlet context={context} />}</Tabs.Panel>)}
      </Tabs>
      {canRun && <NewAnalysisModal opened={modal.opened} initialKind={modal.kind} onClose={() => setModal((m) => ({ ...m, opened: false }))} />}
      {canRun && <IdentificationModal opened={identifying} onClose={() => setIdentifying(false)} />}
    </>
  );
}
