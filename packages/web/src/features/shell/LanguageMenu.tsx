import { Button, Menu } from "@mantine/core";
import type { TMe } from "@openkam/contracts";
import { IconLanguage } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api/client";
import { LANGUAGES, type Language } from "../../lib/i18n/detect-language";
import { setLanguage } from "../../lib/i18n/i18n";
import { ME_KEY } from "../auth/auth.api";

const NAMES: Record<Language, string> = { en: "English", "zh-CN": "简体中文" };

/** Switches the language at once and remembers it for the user (their profile) and this device. */
export function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const current = (LANGUAGES as readonly string[]).includes(i18n.language) ? (i18n.language as Language) : "en";

  async function choose(language: Language) {
    await setLanguage(language);
    const me = queryClient.getQueryData<TMe | null>(ME_KEY);
    if (!me) return;
    queryClient.setQueryData<TMe>(ME_KEY, { ...me, user: { ...me.user, locale: language } });
    // Older servers may lack the profile endpoint; the device still remembers the choice.
    await api.patch("/api/profile", { locale: language }).catch(() => undefined);
  }

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button variant="subtle" color="gray" size="compact-md" leftSection={<IconLanguage size={18} />} aria-label={t("shell.language")}>
          {NAMES[current]}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {LANGUAGES.map((language) => (
          <Menu.Item key={language} onClick={() => void choose(language)} fw={language === current ? 700 : undefined} lang={language}>
            {NAMES[language]}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
