import "@mantine/dropzone/styles.css";
import { Alert, Badge, Button, Group, Paper, Radio, ScrollArea, SegmentedControl, Select, Stack, Stepper, Table, Text, VisuallyHidden } from "@mantine/core";
import { Dropzone } from "@mantine/dropzone";
import type { TImport, TImportPreview } from "@openkam/contracts";
import { IMPORT_ENTITIES, IMPORT_MODES } from "@openkam/domain/enums/index";
import { IconAlertTriangle, IconCheck, IconFileSpreadsheet, IconInfoCircle, IconPlayerPlay, IconTestPipe, IconUpload, IconX } from "@tabler/icons-react";
import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router";
import { notifyFailed } from "../../components/notify";
import { isFinished, previewImport, startImport, useImport, type ImportEntity, type ImportMode } from "./imports.api";
import { ImportProgress, RejectionsTable } from "./ImportStatus";
import { assignField, canRunImport, estimateRows, initialMapping, mappingGaps, mappingPayload, type Mapping } from "./mapping-state";

const ACCEPT = {
  "text/csv": [".csv"],
  "text/plain": [".csv", ".txt"],
  "application/vnd.ms-excel": [".csv"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": [".xlsx"],
};
const MAX_BYTES = 50 * 1024 * 1024;

async function countRows(file: File): Promise<number | null> {
  if (!/\.(csv|txt)$/i.test(file.name) || file.size > MAX_BYTES) return null;
  return estimateRows(await file.text());
}

/** Upload → preview and map columns → dry run or import. The real run continues on the import's own page. */
export function ImportWizard() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [step, setStep] = useState(0);
  const [entity, setEntity] = useState<ImportEntity>("accounts");
  const [file, setFile] = useState<File | null>(null);
  const [totalRows, setTotalRows] = useState<number | null>(null);
  const [preview, setPreview] = useState<TImportPreview | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [mode, setMode] = useState<ImportMode>("all-or-nothing");
  const [loading, setLoading] = useState<"preview" | "dry" | "run" | null>(null);
  const [rejected, setRejected] = useState<string | null>(null);
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const dryRun = useImport(dryRunId);
  const fieldName = (f: string) => t(`imports.fields.${f}`, { defaultValue: f });
  const fieldLabel = (f: string) => `${fieldName(f)} (${f})`;

  async function choose(files: File[]) {
    const chosen = files[0];
    if (!chosen) return;
    setRejected(null);
    setLoading("preview");
    try {
      const result = await previewImport(chosen, entity);
      setFile(chosen);
      setPreview(result);
      setMapping(initialMapping(result.headers, result.guessedMapping));
      setTotalRows(await countRows(chosen));
      setDryRunId(null);
      setStep(1);
    } catch (error) {
      notifyFailed(error, t("imports.previewFailed"));
    } finally {
      setLoading(null);
    }
  }

  async function run(asDryRun: boolean) {
    if (!file || !runnable) return;
    setLoading(asDryRun ? "dry" : "run");
    try {
      const created: TImport = await startImport({ file, entity, mode, dryRun: asDryRun, mapping: mappingPayload(mapping) });
      void queryClient.invalidateQueries({ queryKey: ["imports", "list"] });
      if (asDryRun) setDryRunId(created.id);
      else await navigate(`/imports/${created.id}`, { state: { totalRows } });
    } catch (error) {
      notifyFailed(error, t("imports.startFailed"));
    } finally {
      setLoading(null);
    }
  }

  function reset() {
    setStep(0);
    setFile(null);
    setPreview(null);
    setMapping({});
    setDryRunId(null);
  }

  const required = new Set(preview?.requiredFields ?? []);
  const { requiredMissing, optionalMissing } = preview ? mappingGaps(mapping, preview.fields, preview.requiredFields) : { requiredMissing: [], optionalMissing: [] };
  const mappedCount = Object.values(mapping).filter(Boolean).length;
  const runnable = preview !== null && canRunImport(mapping, preview.requiredFields);
  const mapped = new Set(Object.values(mapping));
  const requiredAlert = requiredMissing.length > 0 && (
    <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t("imports.requiredMissingTitle")} data-testid="required-missing">
      {t("imports.requiredMissing", { fields: requiredMissing.map(fieldName).join(", ") })}
    </Alert>
  );

  return (
    <Paper withBorder radius="md" p="lg">
      <Stepper active={step} onStepClick={(s) => s < step && setStep(s)} size="sm" mb="lg">
        <Stepper.Step label={t("imports.steps.upload")} description={t("imports.steps.uploadHint")} />
        <Stepper.Step label={t("imports.steps.map")} description={t("imports.steps.mapHint")} />
        <Stepper.Step label={t("imports.steps.run")} description={t("imports.steps.runHint")} />
      </Stepper>

      {step === 0 && (
        <Stack>
          <div>
            <Text size="sm" fw={500} mb={4} id="import-entity-label">{t("imports.entity")}</Text>
            <SegmentedControl
              aria-labelledby="import-entity-label"
              value={entity}
              onChange={(v) => setEntity(v as ImportEntity)}
              data={IMPORT_ENTITIES.map((e) => ({ value: e, label: t(`imports.entities.${e}`) }))}
            />
          </div>
          <Dropzone
            onDrop={(files) => void choose(files)}
            onReject={(r) => setRejected(r[0]?.errors[0]?.code === "file-too-large" ? t("imports.tooLarge") : t("imports.wrongType"))}
            accept={ACCEPT}
            maxSize={MAX_BYTES}
            maxFiles={1}
            multiple={false}
            loading={loading === "preview"}
            aria-label={t("imports.dropLabel")}
          >
            <Group justify="center" gap="xl" mih={160} style={{ pointerEvents: "none" }}>
              <Dropzone.Accept><IconUpload size={48} stroke={1.5} /></Dropzone.Accept>
              <Dropzone.Reject><IconX size={48} stroke={1.5} /></Dropzone.Reject>
              <Dropzone.Idle><IconFileSpreadsheet size={48} stroke={1.5} /></Dropzone.Idle>
              <div>
                <Text size="lg" inline>{t("imports.dropTitle")}</Text>
                <Text size="sm" c="dimmed" inline mt={7} display="block">{t("imports.dropText")}</Text>
              </div>
            </Group>
          </Dropzone>
          {rejected && <Alert color="red" icon={<IconX size={18} />}>{rejected}</Alert>}
        </Stack>
      )}

      {step === 1 && preview && (
        <Stack>
          <Group justify="space-between">
            <Text size="sm">{t("imports.mapIntro", { file: file?.name ?? "", count: preview.headers.length, mapped: mappedCount })}</Text>
            <Badge variant="light">{t(`imports.entities.${entity}`)}</Badge>
          </Group>
          {preview.requiredFields.length > 0 && (
            <Group gap={6} data-testid="required-fields">
              <Text size="sm" fw={500}>{t("imports.requiredFields")}</Text>
              {preview.requiredFields.map((f) => (
                <Badge
                  key={f}
                  color={mapped.has(f) ? "teal" : "red"}
                  variant={mapped.has(f) ? "light" : "outline"}
                  leftSection={mapped.has(f) ? <IconCheck size={12} /> : undefined}
                >
                  {fieldName(f)}
                  <VisuallyHidden>{t(mapped.has(f) ? "imports.requiredMapped" : "imports.requiredUnmapped")}</VisuallyHidden>
                </Badge>
              ))}
            </Group>
          )}
          <Table.ScrollContainer minWidth={640}>
            <Table verticalSpacing="xs" data-testid="column-mapping">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t("imports.column")}</Table.Th>
                  <Table.Th>{t("imports.sample")}</Table.Th>
                  <Table.Th w={300}>{t("imports.field")}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.headers.map((header, i) => (
                  <Table.Tr key={`${header}-${i}`}>
                    <Table.Td fw={500}>
                      {header}
                      {mapping[header] && required.has(mapping[header]) && <Badge ml={6} size="xs" color="teal" variant="light">{t("imports.required")}</Badge>}
                    </Table.Td>
                    <Table.Td><Text size="xs" c="dimmed" lineClamp={1}>{preview.rows.slice(0, 3).map((r) => r[i] ?? "").filter(Boolean).join(" · ") || "—"}</Text></Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t("imports.fieldFor", { column: header })}
                        placeholder={t("imports.ignore")}
                        data={preview.fields.map((f) => ({ value: f, label: required.has(f) ? `${fieldLabel(f)} · ${t("imports.required")}` : fieldLabel(f) }))}
                        value={mapping[header] ?? null}
                        onChange={(f) => setMapping((m) => assignField(m, header, f))}
                        clearable
                        searchable
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {requiredAlert}
          {optionalMissing.length > 0 && (
            <Alert color="gray" icon={<IconInfoCircle size={18} />}>
              {t("imports.unmapped", { fields: optionalMissing.map(fieldName).join(", ") })}
            </Alert>
          )}
          <Text size="sm" fw={600}>{t("imports.previewTitle", { count: preview.rows.length })}</Text>
          <ScrollArea type="auto">
            <Table withTableBorder withColumnBorders striped fz="xs" data-testid="preview-rows">
              <Table.Thead>
                <Table.Tr>{preview.headers.map((h, i) => <Table.Th key={i} style={{ whiteSpace: "nowrap" }}>{h}{mapping[h] && <Text span c="dimmed" fz="xs"> → {mapping[h]}</Text>}</Table.Th>)}</Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {preview.rows.map((row, r) => <Table.Tr key={r}>{preview.headers.map((_, c) => <Table.Td key={c} style={{ whiteSpace: "nowrap" }}>{row[c] ?? ""}</Table.Td>)}</Table.Tr>)}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Group justify="space-between">
            <Button variant="default" onClick={reset}>{t("imports.otherFile")}</Button>
            <Button onClick={() => setStep(2)} disabled={mappedCount === 0}>{t("common.next")}</Button>
          </Group>
        </Stack>
      )}

      {step === 2 && (
        <Stack>
          <Radio.Group label={t("imports.mode")} value={mode} onChange={(v) => setMode(v as ImportMode)}>
            <Stack gap="xs" mt="xs">
              {IMPORT_MODES.map((m) => <Radio key={m} value={m} label={t(`imports.modes.${m}`)} description={t(`imports.modeHints.${m}`)} />)}
            </Stack>
          </Radio.Group>
          <Text size="sm" c="dimmed">{t("imports.dryRunHint")}</Text>
          {requiredAlert}
          {dryRun.data && (
            <Paper withBorder radius="md" p="md" bg="var(--mantine-color-default-hover)">
              <Text fw={600} mb="sm">{t("imports.dryRunResult")}</Text>
              <ImportProgress item={dryRun.data} totalRows={totalRows} />
              <div style={{ marginTop: 12 }}><RejectionsTable item={dryRun.data} /></div>
            </Paper>
          )}
          <Group justify="space-between">
            <Button variant="default" onClick={() => setStep(1)}>{t("common.previous")}</Button>
            <Group gap="xs">
              <Button variant="light" leftSection={<IconTestPipe size={16} />} loading={loading === "dry" || (dryRun.data !== undefined && !isFinished(dryRun.data))} disabled={!runnable} onClick={() => void run(true)}>{t("imports.dryRun")}</Button>
              <Button leftSection={<IconPlayerPlay size={16} />} loading={loading === "run"} disabled={!runnable} onClick={() => void run(false)}>{t("imports.run")}</Button>
            </Group>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
