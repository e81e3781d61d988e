import { Alert, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput, Title } from "@mantine/core";
import { EXAMPLE_SELECTION_RULE } from "@openkam/domain/analytics/selection-rules";
import { IconBulb, IconHistory, IconPlayerPlay, IconRefresh } from "@tabler/icons-react";
import { useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { useOutletContext, useSearchParams } from "react-router";
import { useFormSubmit } from "../../components/useFormSubmit";
import { formatDate } from "../../lib/format";
import { useSession } from "../auth/session-context";
import { ruleText } from "./condition-text";
import { formatCount } from "./identify-format";
import { createRun, useIdentifyCache, useLatestSelection } from "./identify.api";
import type { IdentifyOutlet } from "./IdentifyPage";
import { Figure, RunProgress, RunStatusBadge, SelectionSources } from "./parts";
import { RuleBuilder } from "./RuleBuilder";
import { fromRule, initialTree, toRule, validateTree, type GroupNode } from "./rule-tree";
import { RunResultsSection } from "./RunResultsSection";
import { useRunPage } from "./useRunPage";

/** The selection rule builder: build a rule, evaluate it as a run, read why each account passed, promote. */
export function RulesView() {
  const { t } = useTranslation();
  const { me } = useSession();
  const { canRun } = useOutletContext<IdentifyOutlet>();
  const [params, setParams] = useSearchParams();
  const runId = params.get("run") ?? "";
  const page = useRunPage(runId);
  const run = page.detail.data?.run;
  const cache = useIdentifyCache();
  // Opened without a run: the organization's standing selection, if there is one, to open and adjust.
  const { latest } = useLatestSelection(!runId);
  const submit = useFormSubmit();
  const [tree, setTree] = useState<GroupNode>(initialTree);
  const [asOf, setAsOf] = useState("");
  const [showErrors, setShowErrors] = useState(false);
  const loadedFrom = useRef<string | null>(null);
  const currency = run?.currency ?? me.organization.defaultCurrency;

  // Opening a selection run's link shows its rule, ready to adjust and evaluate again.
  useEffect(() => {
    if (run && run.kind === "selection" && loadedFrom.current !== run.id) {
      loadedFrom.current = run.id;
      setTree(fromRule(run.parameters.rule));
    }
  }, [run]);

  const errors = useMemo(() => validateTree(tree), [tree]);
  const preview = errors.size === 0 ? ruleText(t, toRule(tree), currency) : null;

  async function evaluate(event: FormEvent) {
    event.preventDefault();
    setShowErrors(true);
    if (errors.size > 0) return;
    await submit.run(async () => {
      const created = await createRun({ kind: "selection", ...(asOf ? { asOf } : {}), parameters: { rule: toRule(tree) } });
      loadedFrom.current = created.id;
      void cache.runsChanged();
      setParams({ run: created.id });
    });
  }

  const serverErrors = Object.entries(submit.errors);
  return (
    <Stack gap="md">
      {latest?.summary && (
        <Alert variant="light" color="blue" icon={<IconHistory size={18} />} title={t("identify.rules.latest.title")} data-testid="latest-selection">
          <Group justify="space-between" gap="xs" wrap="wrap">
            <Text size="sm">
              {t("identify.rules.latest.text", {
                date: formatDate(latest.asOf),
                selected: formatCount(latest.summary.selected),
                accounts: formatCount(latest.summary.selected + latest.summary.notSelected),
                rule: ruleText(t, latest.parameters.rule, latest.currency),
              })}
            </Text>
            <Button size="xs" variant="light" onClick={() => setParams({ run: latest.id })}>{t("identify.rules.latest.open")}</Button>
          </Group>
        </Alert>
      )}
      <Paper withBorder radius="md" p="md" component="form" onSubmit={(e: FormEvent) => void evaluate(e)} noValidate aria-labelledby="rule-builder-title">
        <Group justify="space-between" mb="xs" wrap="wrap">
          <Title order={2} size="h4" id="rule-builder-title">{t("identify.rules.title")}</Title>
          <Group gap="xs">
            <Button variant="subtle" size="xs" leftSection={<IconBulb size={14} />} onClick={() => { setTree(fromRule(EXAMPLE_SELECTION_RULE)); setShowErrors(false); }}>{t("identify.rules.example")}</Button>
            <Button variant="subtle" size="xs" color="gray" leftSection={<IconRefresh size={14} />} onClick={() => { setTree(initialTree()); setShowErrors(false); }}>{t("identify.rules.reset")}</Button>
          </Group>
        </Group>
        <Text size="sm" c="dimmed" mb="sm">{t("identify.rules.intro")}</Text>
        <RuleBuilder tree={tree} onChange={setTree} errors={showErrors ? errors : new Map()} currency={currency} />
        <Text size="sm" mt="sm" aria-live="polite">
          <Text span fw={600}>{t("identify.rules.preview")}: </Text>
          {preview ?? <Text span c="dimmed">{t("identify.rules.incomplete")}</Text>}
        </Text>
        {serverErrors.length > 0 && (
          <Alert color="red" mt="sm" title={t("identify.rules.rejected")} role="alert">
            {serverErrors.map(([field, message]) => <Text key={field} size="sm">{message}</Text>)}
          </Alert>
        )}
        <Group justify="space-between" mt="md" align="flex-end">
          <TextInput type="date" label={t("identify.form.asOf")} description={t("identify.form.asOfHint")} value={asOf} onChange={(e) => setAsOf(e.currentTarget.value)} w={220} />
          <Button type="submit" leftSection={<IconPlayerPlay size={16} />} loading={submit.busy} disabled={!canRun}>{t("identify.rules.evaluate")}</Button>
        </Group>
        {!canRun && <Text size="xs" c="dimmed" mt={4}>{t("identify.rules.readOnly")}</Text>}
      </Paper>

      {runId && run && run.kind === "selection" && (
        <Stack gap="sm">
          <Group gap="xs">
            <Title order={2} size="h4">{t("identify.rules.outcome")}</Title>
            <RunStatusBadge run={run} />
          </Group>
          <RunProgress run={run} />
          {run.status === "succeeded" && run.summary && (
            <>
              <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
                <Figure label={t("identify.selection.selected")} value={formatCount(run.summary.selected)} testId="selection-selected" />
                <Figure label={t("identify.selection.not_selected")} value={formatCount(run.summary.notSelected)} />
              </SimpleGrid>
              <SelectionSources run={run} />
              <RunResultsSection page={page} />
            </>
          )}
        </Stack>
      )}
    </Stack>
  );
}
