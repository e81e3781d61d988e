import { Badge, Card, Group, Stack, Text } from "@mantine/core";
import type { TSurveyDefinition } from "@openkam/contracts";
import { useTranslation } from "react-i18next";

/** The questions as a customer will read them, in one language. */
export function SurveyPreview({ definition, language }: { definition: TSurveyDefinition; language: "en" | "zh-CN" }) {
  const { t } = useTranslation();
  return (
    <Stack gap="sm">
      <Text fw={700} size="lg">{definition.title[language] || "—"}</Text>
      {definition.intro && <Text c="dimmed" size="sm" style={{ whiteSpace: "pre-wrap" }}>{definition.intro[language]}</Text>}
      {definition.questions.map((q, i) => (
        <Card key={`${q.id}-${i}`} withBorder radius="md" padding="sm">
          <Group justify="space-between" wrap="nowrap" align="flex-start">
            <Text size="sm" fw={600}>{i + 1}. {q.prompt[language] || "—"}{q.required ? " *" : ""}</Text>
            <Badge size="xs" variant="light">{t(`surveys.kinds.${q.kind}`)}</Badge>
          </Group>
          {q.kind === "nps" && <Text size="xs" c="dimmed" mt={4}>0 – 10 · {q.followUp[language]}</Text>}
          {q.kind === "csat" && <Text size="xs" c="dimmed" mt={4}>1 – 5</Text>}
          {q.kind === "scale" && <Text size="xs" c="dimmed" mt={4}>{q.min} – {q.max}</Text>}
          {(q.kind === "single_choice" || q.kind === "multiple_choice") && <Text size="xs" c="dimmed" mt={4}>{q.options.map((o) => o.label[language]).join(" · ")}</Text>}
        </Card>
      ))}
    </Stack>
  );
}
