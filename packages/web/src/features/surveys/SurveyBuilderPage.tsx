import { Alert, Button, Card, Grid, Group, Menu, NumberInput, SegmentedControl, Select, Skeleton, Stack, Text, Title } from "@mantine/core";
import { SURVEY_QUESTION_KINDS } from "@openkam/domain/surveys/definition";
import type { TSurvey, TSurveyDefinition, TSurveyQuestion } from "@openkam/contracts";
import { IconPlus } from "@tabler/icons-react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate, useParams } from "react-router";
import { notifyFailed, notifySaved } from "../../components/notify";
import { PageHeader } from "../../components/PageHeader";
import { ApiError } from "../../lib/api/client";
import { BilingualInput, newQuestion, QuestionEditor } from "./QuestionEditor";
import { SurveyPreview } from "./SurveyPreview";
import { createSurvey, updateSurvey, useSurvey, useSurveysRefresh } from "./surveys.api";

function Builder({ survey }: { survey: TSurvey | null }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const refresh = useSurveysRefresh();
  const [definition, setDefinition] = useState<TSurveyDefinition>(() => survey?.definition ?? {
    title: { en: t("surveys.builder.defaultTitle", { lng: "en" }), "zh-CN": t("surveys.builder.defaultTitle", { lng: "zh-CN" }) },
    intro: null,
    questions: [newQuestion("nps", "nps", t), newQuestion("csat", "csat", t)],
  });
  const [defaultLanguage, setDefaultLanguage] = useState<"en" | "zh-CN">(survey?.defaultLanguage ?? (i18n.language === "zh-CN" ? "zh-CN" : "en"));
  const [validDays, setValidDays] = useState<number>(survey?.validDays ?? 30);
  const [preview, setPreview] = useState<"en" | "zh-CN">(i18n.language === "zh-CN" ? "zh-CN" : "en");
  const [problems, setProblems] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const questions = definition.questions;
  const setQuestions = (next: TSurveyQuestion[]) => setDefinition({ ...definition, questions: next });
  const nextId = (kind: string) => {
    let n = 1;
    while (questions.some((q) => q.id === `${kind.replace("_", "-")}${n === 1 ? "" : `-${n}`}`)) n++;
    return `${kind.replace("_", "-")}${n === 1 ? "" : `-${n}`}`;
  };

  const save = async () => {
    setSaving(true);
    setProblems([]);
    try {
      const saved = survey ? await updateSurvey(survey, { definition, defaultLanguage, validDays }) : await createSurvey({ definition, defaultLanguage, validDays });
      await refresh();
      notifySaved();
      void navigate(`/surveys/${saved.id}`);
    } catch (error) {
      if (error instanceof ApiError && Object.keys(error.fieldErrors).length > 0) setProblems(Object.entries(error.fieldErrors).map(([field, message]) => `${field}: ${message}`));
      else notifyFailed(error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <PageHeader
        title={survey ? t("surveys.builder.editTitle") : t("surveys.builder.newTitle")}
        description={survey && survey.invited > 0 ? t("surveys.builder.versionNote") : t("surveys.builder.subtitle")}
        actions={<>
          <Button variant="default" onClick={() => void navigate(survey ? `/surveys/${survey.id}` : "/surveys")}>{t("common.cancel")}</Button>
          <Button onClick={() => void save()} loading={saving}>{t("common.save")}</Button>
        </>}
      />
      {problems.length > 0 && <Alert color="red" mb="md" title={t("surveys.builder.problems")}>{problems.map((p) => <Text key={p} size="sm">{p}</Text>)}</Alert>}
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack>
            <Card withBorder radius="md">
              <Stack gap="xs">
                <BilingualInput label={t("surveys.builder.surveyTitle")} value={definition.title} onChange={(title) => setDefinition({ ...definition, title })} />
                <BilingualInput required={false} label={t("surveys.builder.intro")} value={definition.intro ?? { en: "", "zh-CN": "" }}
                  onChange={(intro) => setDefinition({ ...definition, intro: intro.en || intro["zh-CN"] ? intro : null })} />
                <Group grow>
                  <Select label={t("surveys.builder.defaultLanguage")} description={t("surveys.builder.defaultLanguageHint")} value={defaultLanguage} allowDeselect={false}
                    onChange={(v) => setDefaultLanguage((v ?? "en") as "en")} data={[{ value: "en", label: "English" }, { value: "zh-CN", label: "中文" }]} />
                  <NumberInput label={t("surveys.builder.validDays")} description={t("surveys.builder.validDaysHint")} min={1} max={365} value={validDays} onChange={(v) => setValidDays(Number(v) || 30)} />
                </Group>
              </Stack>
            </Card>
            {questions.map((q, i) => (
              <QuestionEditor
                key={`${q.id}-${i}`} question={q} index={i} count={questions.length}
                onChange={(next) => setQuestions(questions.map((x, k) => (k === i ? next : x)))}
                onRemove={() => setQuestions(questions.filter((_, k) => k !== i))}
                onMove={(delta) => {
                  const next = [...questions];
                  [next[i], next[i + delta]] = [next[i + delta]!, next[i]!];
                  setQuestions(next);
                }}
              />
            ))}
            <Menu>
              <Menu.Target><Button variant="light" leftSection={<IconPlus size={16} />} style={{ alignSelf: "flex-start" }}>{t("surveys.builder.addQuestion")}</Button></Menu.Target>
              <Menu.Dropdown>
                {SURVEY_QUESTION_KINDS.map((kind) => (
                  <Menu.Item key={kind} disabled={(kind === "nps" || kind === "csat") && questions.some((q) => q.kind === kind)}
                    onClick={() => setQuestions([...questions, newQuestion(kind, nextId(kind), t)])}>{t(`surveys.kinds.${kind}`)}</Menu.Item>
                ))}
              </Menu.Dropdown>
            </Menu>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Card withBorder radius="md" style={{ position: "sticky", top: 16 }}>
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h5">{t("surveys.builder.preview")}</Title>
              <SegmentedControl size="xs" value={preview} onChange={(v) => setPreview(v as "en")} aria-label={t("surveys.builder.previewLanguage")}
                data={[{ value: "en", label: "English" }, { value: "zh-CN", label: "中文" }]} />
            </Group>
            <SurveyPreview definition={definition} language={preview} />
          </Card>
        </Grid.Col>
      </Grid>
    </>
  );
}

/** Create a survey, or change one (a new version: invitations already sent keep theirs). */
export function SurveyBuilderPage() {
  const { id } = useParams();
  const survey = useSurvey(id ?? "");
  const [ready, setReady] = useState(!id);
  useEffect(() => {
    if (id && survey.data) setReady(true);
  }, [id, survey.data]);
  if (id && (!ready || !survey.data)) return <Skeleton height={400} />;
  return <Builder survey={id ? survey.data! : null} />;
}
