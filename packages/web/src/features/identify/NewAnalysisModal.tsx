import { Alert, Anchor, Button, Group, Modal, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from "@mantine/core";
import { IconInfoCircle } from "@tabler/icons-react";
import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate } from "react-router";
import { notifySaved } from "../../components/notify";
import { useFormSubmit } from "../../components/useFormSubmit";
import { createRun, useIdentifyCache } from "./identify.api";
import { buildRunRequest, defaultRunForm, FORM_KINDS, type FormKind, type RunFormErrors, type RunFormValues } from "./run-form";

type Four = RunFormValues["recency"];

/** Where the API reports each input's problems (body paths of the contract). */
const SERVER_FIELDS: Record<string, string> = {
  asOf: "asOf",
  lookbackDays: "parameters.lookbackDays",
  cutoffA: "parameters.cutoffs.a",
  cutoffB: "parameters.cutoffs.b",
  contribution: "parameters.thresholds.contribution",
  growth: "parameters.thresholds.growth",
  calibrationEnd: "parameters.calibrationEnd",
  horizon: "parameters.horizon",
  discountRate: "parameters.discountRate",
  forecastHorizon: "parameters.horizon",
  holdout: "parameters.holdout",
};

/** Starts an analysis: the inputs of the chosen kind, checked before sending; the run then appears with its live status. */
export function NewAnalysisModal({ opened, initialKind, onClose }: { opened: boolean; initialKind: FormKind; onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const cache = useIdentifyCache();
  const [values, setValues] = useState<RunFormValues>(() => defaultRunForm(initialKind));
  const [errors, setErrors] = useState<RunFormErrors>({});
  const submit = useFormSubmit();

  useEffect(() => {
    if (opened) {
      setValues((v) => ({ ...v, kind: initialKind }));
      setErrors({});
    }
  }, [opened, initialKind]);

  const set = <K extends keyof RunFormValues>(key: K, value: RunFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const serverError = (field: string) => {
    const name = SERVER_FIELDS[field];
    return name ? submit.errors[name] : undefined;
  };
  const error = (field: string) => {
    const e = errors[field];
    return e ? t(e.key, e.values) : serverError(field);
  };
  // Server messages for fields the form has no input for still reach the user.
  const unplaced = Object.entries(submit.errors).filter(([name]) => !Object.values(SERVER_FIELDS).includes(name));
  const setFour = (field: "recency" | "frequency" | "monetary", index: number, value: string) =>
    setValues((v) => {
      const next = [...v[field]] as Four;
      next[index] = value;
      return { ...v, [field]: next };
    });

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const { request, errors: found } = buildRunRequest(values);
    setErrors(found);
    if (!request) return;
    await submit.run(async () => {
      const run = await createRun(request);
      notifySaved(t("identify.form.started", { kind: t(`identify.kinds.${run.kind}`) }));
      void cache.runsChanged();
      onClose();
      void navigate(`/identify/runs/${run.id}`);
    });
  }

  const number = (field: keyof RunFormValues & string, label: string, props: { min?: number; max?: number; step?: number; suffix?: string; description?: string; placeholder?: string } = {}) => (
    <NumberInput
      label={label}
      value={values[field] as string | number}
      onChange={(v) => set(field, v as never)}
      error={error(field)}
      allowDecimal={props.step !== 1}
      hideControls={props.step === undefined}
      {...props}
    />
  );

  return (
    <Modal opened={opened} onClose={onClose} title={t("identify.form.title")} size="lg">
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack gap="sm">
          <Select
            label={t("identify.form.kind")}
            data={FORM_KINDS.map((k) => ({ value: k, label: t(`identify.kinds.${k}`) }))}
            value={values.kind}
            onChange={(v) => v && set("kind", v as FormKind)}
            allowDeselect={false}
            data-autofocus
          />
          <Text size="sm" c="dimmed">{t(`identify.kindHints.${values.kind}`)}</Text>
          <TextInput
            type="date"
            label={t("identify.form.asOf")}
            description={t("identify.form.asOfHint")}
            value={values.asOf}
            onChange={(e) => set("asOf", e.currentTarget.value)}
            error={error("asOf")}
          />

          {(values.kind === "rfm" || values.kind === "pareto") && number("lookbackDays", t("identify.form.lookbackDays"), { min: 1, max: 3650, step: 1, description: t("identify.form.lookbackHint") })}

          {values.kind === "rfm" && (
            <>
              <SegmentedControl
                aria-label={t("identify.form.scoring")}
                value={values.scoring}
                onChange={(v) => set("scoring", v as RunFormValues["scoring"])}
                data={[{ value: "quintiles", label: t("identify.form.quintiles") }, { value: "thresholds", label: t("identify.form.thresholds") }]}
              />
              <Text size="xs" c="dimmed">{t(values.scoring === "quintiles" ? "identify.form.quintilesHint" : "identify.form.thresholdsHint")}</Text>
              {values.scoring === "thresholds" && (["recency", "frequency", "monetary"] as const).map((field) => (
                <div key={field}>
                  <Text size="sm" fw={500}>{t(`identify.form.thresholdsOf.${field}`)}</Text>
                  <SimpleGrid cols={4} spacing="xs">
                    {values[field].map((v, i) => (
                      <TextInput
                        key={i}
                        aria-label={t("identify.form.thresholdN", { field: t(`identify.form.thresholdsOf.${field}`), n: i + 1 })}
                        inputMode="decimal"
                        value={v}
                        onChange={(e) => setFour(field, i, e.currentTarget.value)}
                        error={error(`${field}.${i}`) ? true : undefined}
                      />
                    ))}
                  </SimpleGrid>
                  {(error(field) ?? [0, 1, 2, 3].map((i) => error(`${field}.${i}`)).find(Boolean)) && (
                    <Text size="xs" c="red" role="alert">{error(field) ?? [0, 1, 2, 3].map((i) => error(`${field}.${i}`)).find(Boolean)}</Text>
                  )}
                </div>
              ))}
            </>
          )}

          {values.kind === "pareto" && (
            <SimpleGrid cols={2} spacing="sm">
              {number("cutoffA", t("identify.form.cutoffA"), { min: 1, max: 100, suffix: "%", description: t("identify.form.cutoffAHint") })}
              {number("cutoffB", t("identify.form.cutoffB"), { min: 0, max: 99, suffix: "%", description: t("identify.form.cutoffBHint") })}
            </SimpleGrid>
          )}

          {values.kind === "matrix" && (
            <>
              <SimpleGrid cols={2} spacing="sm">
                {number("contribution", t("identify.form.contribution"), { min: 0, max: 100, suffix: "%", placeholder: t("identify.form.median"), description: t("identify.form.contributionHint") })}
                {number("growth", t("identify.form.growth"), { min: 0, max: 1, placeholder: t("identify.form.median"), description: t("identify.form.growthHint") })}
              </SimpleGrid>
              <Text size="xs" c="dimmed">{t("identify.form.matrixHint")}</Text>
            </>
          )}

          {values.kind === "clv" && (
            <>
              <SimpleGrid cols={2} spacing="sm">
                <TextInput type="date" label={t("identify.form.calibrationEnd")} description={t("identify.form.calibrationEndHint")} value={values.calibrationEnd} onChange={(e) => set("calibrationEnd", e.currentTarget.value)} error={error("calibrationEnd")} />
                <Select
                  label={t("identify.form.timeUnit")}
                  data={(["day", "week", "month"] as const).map((u) => ({ value: u, label: t(`identify.timeUnits.${u}`) }))}
                  value={values.timeUnit}
                  onChange={(v) => v && set("timeUnit", v as RunFormValues["timeUnit"])}
                  allowDeselect={false}
                />
              </SimpleGrid>
              <SimpleGrid cols={2} spacing="sm">
                {number("horizon", t("identify.form.horizon"), { min: 1, max: 260, step: 1, description: t("identify.form.horizonHint", { unit: t(`identify.timeUnits.${values.timeUnit}`) }) })}
                {number("discountRate", t("identify.form.discountRate"), { min: 0, max: 100, suffix: "%", description: t("identify.form.discountRateHint", { unit: t(`identify.timeUnits.${values.timeUnit}`) }) })}
              </SimpleGrid>
            </>
          )}

          {values.kind === "forecast" && (
            <SimpleGrid cols={2} spacing="sm">
              {number("forecastHorizon", t("identify.form.forecastHorizon"), { min: 1, max: 24, step: 1, description: t("identify.form.forecastHorizonHint") })}
              {number("holdout", t("identify.form.holdout"), { min: 0, max: 12, step: 1, description: t("identify.form.holdoutHint") })}
            </SimpleGrid>
          )}

          {unplaced.length > 0 && (
            <Alert color="red" role="alert" title={t("identify.form.rejected")}>
              {unplaced.map(([name, message]) => <Text key={name} size="sm">{name}: {message}</Text>)}
            </Alert>
          )}
          <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
            {t("identify.form.selectionNote")} <Anchor component={Link} to="/identify/rules" onClick={onClose} size="sm" underline="always">{t("identify.tabs.rules")}</Anchor>
          </Alert>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
            <Button type="submit" loading={submit.busy}>{t("identify.form.run")}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
