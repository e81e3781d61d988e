import { Tabs } from "@mantine/core";
import { canAdministerOrg } from "@openkam/domain/access/roles";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { PageHeader } from "../../components/PageHeader";
import { useSession } from "../auth/session-context";
import { OrganizationPanel } from "./OrganizationPanel";
import { ProfilePanel } from "./ProfilePanel";
import { TokensPanel } from "./TokensPanel";
import { UsersPanel } from "./UsersPanel";
import { ServiceLevelsPanel } from "../service/ServiceLevelsPanel";

export function SettingsPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const navigate = useNavigate();
  const admin = canAdministerOrg(me.role);
  const tabs = ["profile", ...(admin ? ["users", "organization"] : []), "tokens", "service"];
  const { tab: param } = useParams();
  const tab = param && tabs.includes(param) ? param : "profile";
  return (
    <>
      <PageHeader title={t("settings.title")} />
      <Tabs value={tab} onChange={(v) => void navigate(`/settings/${v ?? "profile"}`, { replace: true })} keepMounted={false}>
        <Tabs.List mb="lg">
          {tabs.map((name) => <Tabs.Tab key={name} value={name}>{t(`settings.tabs.${name}`)}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="profile"><ProfilePanel /></Tabs.Panel>
        {admin && <Tabs.Panel value="users"><UsersPanel /></Tabs.Panel>}
        {admin && <Tabs.Panel value="organization"><OrganizationPanel /></Tabs.Panel>}
        <Tabs.Panel value="tokens"><TokensPanel /></Tabs.Panel>
        <Tabs.Panel value="service"><ServiceLevelsPanel /></Tabs.Panel>
      </Tabs>
    </>
  );
}
