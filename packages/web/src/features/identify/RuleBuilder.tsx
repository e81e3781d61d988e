import { ActionIcon, Button, Checkbox, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, TagsInput, Text, TextInput, Tooltip } from "@mantine/core";
import { IconPlus, IconSitemap, IconTrash } from "@tabler/icons-react";
import { useTranslation } from "react-i18next";
import { valueText } from "./condition-text";
import {
  addChild, canNest, changeField, changeOp, choicesOf, fieldKind, newCondition, newGroup, opsFor, removeNode, RULE_FIELDS, updateNode,
  type ConditionNode, type GroupNode, type RuleError, type RuleField, type RuleNode, type RuleOp,
} from "./rule-tree";

interface Props {
  tree: GroupNode;
  onChange: (tree: GroupNode) => void;
  /** Problems by node id, shown once the user tried to evaluate. */
  errors: Map<string, RuleError>;
  currency: string;
}

const DEPTH_COLORS = ["blue", "grape", "teal", "orange", "pink", "cyan"];

/** The unit shown beside a number: money in the organization's currency, growth in percent. */
function unitOf(field: RuleField, currency: string): string | null {
  if (field === "revenue12m" || field === "clv") return currency;
  return field === "revenueGrowthYoy" ? "%" : null;
}

function ValueInput({ node, currency, error, onChange }: { node: ConditionNode; currency: string; error?: string; onChange: (value: string | string[]) => void }) {
  const { t } = useTranslation();
  const kind = fieldKind(node.field);
  const label = t("identify.rules.value");
  const common = { "aria-label": label, error, size: "sm" as const, style: { flex: "1 1 200px" } };
  const choiceLabel = (value: string) => valueText(t, node.field, value, currency);
  if (kind === "choice") {
    const data = choicesOf(node.field).map((value) => ({ value, label: choiceLabel(value) }));
    return Array.isArray(node.value)
      ? <MultiSelect {...common} data={data} value={node.value} onChange={onChange} placeholder={t("identify.rules.pickValues")} searchable />
      : <Select {...common} data={data} value={node.value || null} onChange={(v) => onChange(v ?? "")} placeholder={t("identify.rules.pickValue")} searchable />;
  }
  if (Array.isArray(node.value)) {
    return <TagsInput {...common} value={node.value} onChange={onChange} placeholder={t("identify.rules.typeValues")} />;
  }
  const unit = kind === "number" ? unitOf(node.field, currency) : null;
  return (
    <TextInput
      {...common}
      value={node.value}
      onChange={(e) => onChange(e.currentTarget.value)}
      inputMode={kind === "number" ? "decimal" : undefined}
      placeholder={t(`identify.rules.placeholders.${node.field}`)}
      rightSection={unit ? <Text size="xs" c="dimmed">{unit}</Text> : undefined}
      rightSectionWidth={unit ? 44 : undefined}
    />
  );
}

function ConditionRow({ node, root, onChange, errors, currency }: { node: ConditionNode } & Props & { root: GroupNode }) {
  const { t } = useTranslation();
  const replace = (next: ConditionNode) => onChange(updateNode(root, node.id, () => next));
  const error = errors.get(node.id);
  return (
    <Group gap="xs" align="flex-start" wrap="wrap" data-testid="rule-condition">
      <Select
        aria-label={t("identify.rules.field")}
        data={RULE_FIELDS.map((f) => ({ value: f, label: t(`identify.rules.fields.${f}`) }))}
        value={node.field}
        onChange={(v) => v && replace(changeField(node, v as RuleField))}
        allowDeselect={false}
        searchable
        size="sm"
        w={210}
      />
      <Select
        aria-label={t("identify.rules.operator")}
        data={opsFor(node.field).map((op) => ({ value: op, label: t(`identify.rules.opNames.${op}`) }))}
        value={node.op}
        onChange={(v) => v && replace(changeOp(node, v as RuleOp))}
        allowDeselect={false}
        size="sm"
        w={170}
      />
      <ValueInput node={node} currency={currency} error={error ? t(`identify.rules.errors.${error}`) : undefined} onChange={(value) => replace({ ...node, value })} />
      <Checkbox
        mt={8}
        label={t("identify.rules.not")}
        checked={node.negated}
        onChange={(e) => replace({ ...node, negated: e.currentTarget.checked })}
      />
      <Tooltip label={t("identify.rules.removeCondition")}>
        <ActionIcon variant="subtle" color="red" mt={4} aria-label={t("identify.rules.removeCondition")} onClick={() => onChange(removeNode(root, node.id))}>
          <IconTrash size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

function GroupBox({ node, root, depth, ...props }: { node: GroupNode; root: GroupNode; depth: number } & Props) {
  const { t } = useTranslation();
  const { onChange, errors } = props;
  const set = (change: (g: GroupNode) => GroupNode) => onChange(updateNode(root, node.id, (n) => change(n as GroupNode)));
  const error = errors.get(node.id);
  const isRoot = node.id === root.id;
  const color = DEPTH_COLORS[depth % DEPTH_COLORS.length];
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      style={{ borderLeft: `4px solid var(--mantine-color-${color}-5)` }}
      role="group"
      aria-label={isRoot ? t("identify.rules.rootGroup") : t("identify.rules.nestedGroup", { depth })}
      data-testid="rule-group"
    >
      <Group justify="space-between" mb="xs" wrap="wrap" gap="xs">
        <Group gap="sm">
          <SegmentedControl
            size="xs"
            aria-label={t("identify.rules.combine")}
            value={node.mode}
            onChange={(v) => set((g) => ({ ...g, mode: v as GroupNode["mode"] }))}
            data={[{ value: "all", label: t("identify.rules.all") }, { value: "any", label: t("identify.rules.any") }]}
          />
          <Checkbox size="xs" label={t("identify.rules.negateGroup")} checked={node.negated} onChange={(e) => set((g) => ({ ...g, negated: e.currentTarget.checked }))} />
        </Group>
        <Group gap="xs">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onChange(addChild(root, node.id, newCondition()))}>{t("identify.rules.addCondition")}</Button>
          <Button size="xs" variant="default" leftSection={<IconSitemap size={14} />} disabled={!canNest(root, node.id)} onClick={() => onChange(addChild(root, node.id, newGroup(node.mode === "all" ? "any" : "all", [newCondition()])))}>
            {t("identify.rules.addGroup")}
          </Button>
          {!isRoot && (
            <Tooltip label={t("identify.rules.removeGroup")}>
              <ActionIcon variant="subtle" color="red" aria-label={t("identify.rules.removeGroup")} onClick={() => onChange(removeNode(root, node.id))}>
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          )}
        </Group>
      </Group>
      <Stack gap="xs">
        {node.children.map((child: RuleNode, i) => (
          <div key={child.id}>
            {i > 0 && <Text size="xs" fw={700} c={color} mb={4}>{t(node.mode === "all" ? "identify.rules.andWord" : "identify.rules.orWord")}</Text>}
            {child.type === "group"
              ? <GroupBox node={child} root={root} depth={depth + 1} {...props} />
              : <ConditionRow node={child} root={root} {...props} />}
          </div>
        ))}
        {error && <Text size="xs" c="red" role="alert">{t(`identify.rules.errors.${error}`)}</Text>}
      </Stack>
    </Paper>
  );
}

/** Nested all / any / not groups of conditions, edited in place; every control has a label and works from the keyboard. */
export function RuleBuilder(props: Props) {
  return <GroupBox node={props.tree} root={props.tree} depth={0} {...props} />;
}
