import { Alert, Anchor, Group, Paper, Stack, Text, Title } from "@mantine/core";
import type { TStakeholderMap } from "@openkam/contracts";
import { IconAlertTriangle, IconCircleCheck } from "@tabler/icons-react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";

/** The gaps in our relationship with the account, each naming the people concerned. */
export function CoveragePanel({ map, onSelect }: { map: TStakeholderMap; onSelect: (contactId: string) => void }) {
  const { t } = useTranslation();
  const names = new Map(map.contacts.map((c) => [c.id, c.name]));
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby="coverage-title">
      <Title id="coverage-title" order={3} size="h5" mb="xs">{t("stakeholders.coverage")}</Title>
      {map.coverage.length === 0 ? (
        <Group gap="xs" c="teal.8"><IconCircleCheck size={18} /><Text size="sm">{t("stakeholders.noGaps")}</Text></Group>
      ) : (
        <Stack gap="xs">
          {map.coverage.map((w) => (
            <Alert key={w.code} color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t(`stakeholders.warnings.${w.code}.title`)} data-testid={`coverage-${w.code}`}>
              <Text size="sm">{t(`stakeholders.warnings.${w.code}.text`)}</Text>
              {w.contactIds.length > 0 && (
                <Text size="xs" mt={4}>
                  {w.contactIds.slice(0, 8).map((id, i) => (
                    <Fragment key={id}>
                      {i > 0 && ", "}
                      <Anchor component="button" type="button" size="xs" onClick={() => onSelect(id)}>{names.get(id) ?? "?"}</Anchor>
                    </Fragment>
                  ))}
                  {w.contactIds.length > 8 && ` +${w.contactIds.length - 8}`}
                </Text>
              )}
            </Alert>
          ))}
        </Stack>
      )}
    </Paper>
  );
}
