import { Badge, Group, Paper, Text } from "@mantine/core";
import { BUYING_ROLES } from "@openkam/domain/enums/index";
import { useTranslation } from "react-i18next";
import { ATTITUDES, attitudeCssColor, buyingRoleColor } from "./stakeholder-style";

/** What the colours, badges and marks on the cards mean. */
export function MapLegend() {
  const { t } = useTranslation();
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={t("stakeholders.legend")}>
      <Text size="xs" fw={600} tt="uppercase" c="dimmed" mb={4}>{t("stakeholders.legend")}</Text>
      <Group gap="xs" mb={6}>
        <Text size="xs">{t("contacts.fields.attitude")}:</Text>
        {ATTITUDES.map((a) => (
          <Group key={a} gap={4}>
            <span style={{ display: "inline-block", width: 12, height: 12, borderRadius: 2, background: attitudeCssColor(a) }} />
            <Text size="xs">{t(`enums.attitude.${a}`)}</Text>
          </Group>
        ))}
      </Group>
      <Group gap={4} mb={6}>
        <Text size="xs">{t("contacts.fields.buyingRole")}:</Text>
        {BUYING_ROLES.map((r) => <Badge key={r} size="xs" color={buyingRoleColor(r)}>{t(`enums.buyingRole.${r}`)}</Badge>)}
      </Group>
      <Text size="xs" c="dimmed">{t("stakeholders.legendMarks")}</Text>
    </Paper>
  );
}
