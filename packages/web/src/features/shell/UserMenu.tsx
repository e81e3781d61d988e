import { Avatar, Menu, UnstyledButton } from "@mantine/core";
import { IconLogout, IconSettings } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useSession } from "../auth/session-context";
import { initials } from "../../lib/initials";

export function UserMenu() {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <UnstyledButton aria-label={t("shell.userMenu", { name: me.user.name })}>
          <Avatar size={32} radius="xl" color="blue" variant="filled">{initials(me.user.name)}</Avatar>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.user.email} · {t(`enums.role.${me.role}`)}</Menu.Label>
        <Menu.Item component={Link} to="/settings/profile" leftSection={<IconSettings size={16} />}>{t("nav.settings")}</Menu.Item>
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={() => void signOut()}>{t("auth.signOut")}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
