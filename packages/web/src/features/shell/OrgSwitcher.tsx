import { Button, Menu, Text } from "@mantine/core";
import { IconCheck, IconSelector } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { notifyFailed } from "../../components/notify";
import { useSession } from "../auth/session-context";

/** Shows the organization; people in several can switch here. */
export function OrgSwitcher() {
  const { t } = useTranslation();
  const { me, switchOrganization } = useSession();
  if (me.organizations.length < 2) return <Text size="sm" c="dimmed" visibleFrom="sm" truncate maw={220}>{me.organization.name}</Text>;
  return (
    <Menu position="bottom-start">
      <Menu.Target>
        <Button variant="default" size="compact-sm" rightSection={<IconSelector size={14} />} aria-label={t("shell.switchOrganization")} maw={240}>
          <Text size="sm" truncate>{me.organization.name}</Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t("shell.organizations")}</Menu.Label>
        {me.organizations.map((org) => (
          <Menu.Item
            key={org.id}
            rightSection={org.id === me.organization.id ? <IconCheck size={14} /> : null}
            onClick={() => void switchOrganization(org.id).catch((e: unknown) => notifyFailed(e))}
          >
            {org.name}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
