import { useTranslation } from "react-i18next";

/** Minutes as "1 h 35 min" / "1 小时 35 分钟". */
export function Duration({ minutes }: { minutes: number }) {
  const { t } = useTranslation();
  return <>{formatDuration(minutes, t)}</>;
}

export function formatDuration(minutes: number, t: (key: string, options?: Record<string, unknown>) => string): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return t("effort.durationMinutes", { m });
  return m === 0 ? t("effort.durationHours", { h: h.toLocaleString() }) : t("effort.durationBoth", { h: h.toLocaleString(), m });
}
