import { Badge, Paper, Stack, Text, Title } from "@mantine/core";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";

export type Light = "green" | "amber" | "red" | null;
export const LIGHT_COLOR: Record<"green" | "amber" | "red", string> = { green: "teal", amber: "yellow", red: "red" };

/** A share in whole percent, or a dash when there was nothing to measure. */
export const share = (value: number | null | undefined) => (value === null || value === undefined ? "—" : `${value}%`);

/** A traffic light as a small badge with its meaning written out, never colour alone. */
export function LightBadge({ light, label }: { light: Light; label?: string }) {
  const { t } = useTranslation();
  if (light === null) return <Text span size="xs" c="dimmed">—</Text>;
  return <Badge size="sm" variant="light" color={LIGHT_COLOR[light]} aria-label={label ? `${label}: ${t(`reports.lights.${light}`)}` : undefined}>{t(`reports.lights.${light}`)}</Badge>;
}

/** One section of a report: a numbered heading, so a meeting can say "item 3", and its content or what is missing. */
export function Section({ n, title, children, empty, testId }: { n: number; title: string; children?: ReactNode; empty?: string | null; testId?: string }) {
  return (
    <Paper withBorder radius="md" p="lg" data-testid={testId} component="section" aria-labelledby={testId ? `${testId}-title` : undefined}>
      <Title order={2} size="h4" mb="sm" id={testId ? `${testId}-title` : undefined}>
        <Text span c="dimmed" fw={500} mr={8}>{n}.</Text>{title}
      </Title>
      {empty ? <Text size="sm" c="dimmed">{empty}</Text> : <Stack gap="sm">{children}</Stack>}
    </Paper>
  );
}

/** A large figure with its label, for reading out. */
export function Figure({ label, value, hint }: { label: string; value: ReactNode; hint?: ReactNode }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Text size="xs" c="dimmed" tt="uppercase" fw={600}>{label}</Text>
      <Text size="xl" fw={700} mt={2}>{value}</Text>
      {hint && <Text size="xs" c="dimmed">{hint}</Text>}
    </Paper>
  );
}
