import { Center, Loader } from "@mantine/core";
import { useTranslation } from "react-i18next";

/** A whole screen waiting: the session being checked, or a page's code on the first visit to its URL. */
export function PageLoading() {
  const { t } = useTranslation();
  return <Center mih="100vh"><Loader aria-label={t("common.loading")} /></Center>;
}
