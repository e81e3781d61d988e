import { ActionIcon, Alert, Button, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Skeleton, Stack, Table, Text, Title, VisuallyHidden } from "@mantine/core";
import type { TKpiDefinition } from "@openkam/contracts";
import type { KpiKey } from "@openkam/domain/kpis/registry";
import { DEFAULT_SCORECARD_CONFIG, kpisNotOnCard, type ScorecardConfig } from "@openkam/domain/kpis/scorecard";
import { IconRestore, IconTrash } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { notifyFailed, notifySaved } from "../../components/notify";
import { formatDateTime } from "../../lib/format";
import { configIssues } from "./config-issues";
import { localised } from "./kpi-format";
import { putScorecardConfig, useKpiDefinitions, useKpisRefresh, useScorecardConfig } from "./kpis.api";

/** Mantine's error red on white is below 4.5:1: the message in the darker red text shade, the value in the normal text color. */
const READABLE_ERRORS = { error: { color: "var(--mantine-color-red-text)" }, input: { color: "var(--mantine-color-text)" } };

const asNumber = (v: number | string) => (typeof v === "number" ? v : v.trim() === "" ? Number.NaN : Number(v));

function Editor({ initial, version, definitions, onClose }: { initial: ScorecardConfig; version: number; definitions: readonly TKpiDefinition[]; onClose: () => void }) {
  const { t } = useTranslation();
  const refresh = useKpisRefresh();
  const [draft, setDraft] = useState<ScorecardConfig>(() => structuredClone(initial));
  const [saving, setSaving] = useState(false);
  const issues = configIssues(draft);
  const issueOf = (field: string) => issues.get(field);
  const nameOf = (key: KpiKey) => localised(definitions.find((d) => d.key === key)?.name ?? { en: key, "zh-CN": key });
  const update = (change: (c: ScorecardConfig) => void) => setDraft((current) => {
    const next = structuredClone(current);
    change(next);
    return next;
  });
  const unused = kpisNotOnCard(draft);

  async function save() {
    setSaving(true);
    try {
      await putScorecardConfig({ ...draft, version });
      await refresh();
      notifySaved(t("kpis.config.saved"));
      onClose();
    } catch (error) {
      notifyFailed(error);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">{t("kpis.config.help")}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NumberInput styles={READABLE_ERRORS}
          label={t("kpis.config.greenFrom")} min={0} max={100} value={draft.thresholds.green} error={issueOf("thresholds.green")}
          onChange={(v) => update((c) => { c.thresholds.green = asNumber(v); })}
        />
        <NumberInput styles={READABLE_ERRORS}
          label={t("kpis.config.amberFrom")} min={0} max={100} value={draft.thresholds.amber} error={issueOf("thresholds.amber")}
          onChange={(v) => update((c) => { c.thresholds.amber = asNumber(v); })}
        />
      </SimpleGrid>
      {issueOf("perspectives") && <Alert color="red" variant="light">{issueOf("perspectives")}</Alert>}
      {draft.perspectives.map((p, pi) => (
        <Paper key={p.key} withBorder radius="md" p="sm">
          <Group justify="space-between" align="flex-end" mb="xs">
            <Title order={3} size="h5">{t(`kpis.perspectives.${p.key}`)}</Title>
            <NumberInput styles={READABLE_ERRORS}
              label={t("kpis.config.perspectiveWeight")} w={160} min={0} value={p.weight} error={issueOf(`perspectives.${pi}.weight`)}
              onChange={(v) => update((c) => { c.perspectives[pi]!.weight = asNumber(v); })}
            />
          </Group>
          {issueOf(`perspectives.${pi}.kpis`) && <Text size="sm" c="red" mb="xs">{issueOf(`perspectives.${pi}.kpis`)}</Text>}
          <Table verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t("kpis.kpi")}</Table.Th>
                <Table.Th w={130}>{t("kpis.target")}</Table.Th>
                <Table.Th w={100}>{t("kpis.config.weight")}</Table.Th>
                <Table.Th w={120}>{t("kpis.config.tolerance")}</Table.Th>
                <Table.Th w={40}><VisuallyHidden>{t("kpis.config.remove")}</VisuallyHidden></Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {p.kpis.map((k, ki) => {
                const at = `perspectives.${pi}.kpis.${ki}`;
                const name = nameOf(k.key);
                return (
                  <Table.Tr key={k.key}>
                    <Table.Td>
                      <Text size="sm">{name}</Text>
                      {issueOf(`${at}.key`) && <Text size="xs" c="red">{issueOf(`${at}.key`)}</Text>}
                    </Table.Td>
                    <Table.Td>
                      <NumberInput styles={READABLE_ERRORS} aria-label={t("kpis.config.targetOf", { name })} value={k.target} error={issueOf(`${at}.target`)}
                        onChange={(v) => update((c) => { c.perspectives[pi]!.kpis[ki]!.target = asNumber(v); })} />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput styles={READABLE_ERRORS} aria-label={t("kpis.config.weightOf", { name })} min={0} value={k.weight} error={issueOf(`${at}.weight`)}
                        onChange={(v) => update((c) => { c.perspectives[pi]!.kpis[ki]!.weight = asNumber(v); })} />
                    </Table.Td>
                    <Table.Td>
                      <NumberInput styles={READABLE_ERRORS} aria-label={t("kpis.config.toleranceOf", { name })} min={0} value={k.tolerance} error={issueOf(`${at}.tolerance`)}
                        onChange={(v) => update((c) => { c.perspectives[pi]!.kpis[ki]!.tolerance = asNumber(v); })} />
                    </Table.Td>
                    <Table.Td>
                      <ActionIcon variant="subtle" color="red" aria-label={t("kpis.config.removeNamed", { name })}
                        onClick={() => update((c) => { c.perspectives[pi]!.kpis.splice(ki, 1); })}>
                        <IconTrash size={16} />
                      </ActionIcon>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
          {unused.length > 0 && (
            <Select
              mt="xs" w={300} size="xs" placeholder={t("kpis.config.addKpi")} aria-label={t("kpis.config.addKpiTo", { perspective: t(`kpis.perspectives.${p.key}`) })} value={null}
              data={unused.map((key) => ({ value: key, label: nameOf(key) }))}
              onChange={(key) => key && update((c) => { c.perspectives[pi]!.kpis.push({ key: key as KpiKey, target: 0, weight: 1, tolerance: 0 }); })}
            />
          )}
        </Paper>
      ))}
      <Group justify="space-between">
        <Button variant="subtle" leftSection={<IconRestore size={16} />} onClick={() => setDraft(structuredClone(DEFAULT_SCORECARD_CONFIG))}>{t("kpis.config.resetDefault")}</Button>
        <Group gap="xs">
          <Button variant="default" onClick={onClose}>{t("common.cancel")}</Button>
          <Button onClick={() => void save()} loading={saving} disabled={issues.size > 0}>{t("common.save")}</Button>
        </Group>
      </Group>
    </Stack>
  );
}

/** The director's scorecard configuration: targets, weights, tolerances and score thresholds, saved as a new version. */
export function ScorecardConfigEditor({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const config = useScorecardConfig();
  const definitions = useKpiDefinitions();
  const c = config.data;
  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={t("kpis.config.title")}>
      {c && (
        <Text size="xs" c="dimmed" mb="sm">
          {c.isDefault ? t("kpis.config.usingDefault") : t("kpis.config.versionInfo", { version: c.version, date: formatDateTime(c.updatedAt) })}
        </Text>
      )}
      {!c || !definitions.data ? <Stack><Skeleton height={60} /><Skeleton height={200} /></Stack>
        : <Editor initial={c.config} version={c.version} definitions={definitions.data} onClose={onClose} />}
    </Modal>
  );
}
