import { Badge, Group, Text, Tooltip } from "@mantine/core";
import { Handle, Position, type Node, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { useTranslation } from "react-i18next";
import { initials } from "../../lib/initials";
import type { MapContact } from "./stakeholders.api";
import { NODE_HEIGHT, NODE_WIDTH } from "./stakeholder-layout";
import { attitudeCssColor, buyingRoleColor } from "./stakeholder-style";

export type ContactNodeData = { contact: MapContact; dropTarget: boolean };
export type ContactFlowNode = Node<ContactNodeData, "contact">;

/** One contact's card; memoised, so a change to one contact renders one card, not two hundred. */
export const ContactNode = memo(function ContactNode({ data, selected }: NodeProps<ContactFlowNode>) {
  const { t } = useTranslation();
  const c = data.contact;
  const ring = data.dropTarget ? "0 0 0 3px var(--mantine-color-blue-5)" : selected ? "0 0 0 2px var(--mantine-color-blue-7)" : undefined;
  return (
    <div
      data-testid={`stakeholder-node-${c.id}`}
      aria-label={c.name}
      style={{
        width: NODE_WIDTH, height: NODE_HEIGHT, boxSizing: "border-box", padding: "8px 10px", borderRadius: 8,
        background: "var(--mantine-color-body)", border: "1px solid var(--mantine-color-default-border)",
        borderLeft: `6px solid ${attitudeCssColor(c.attitude)}`, boxShadow: ring, overflow: "hidden",
      }}
    >
      <Handle type="target" position={Position.Top} isConnectable={false} style={{ opacity: 0 }} />
      <Text fw={650} size="sm" lineClamp={1}>{c.name}</Text>
      <Text size="xs" c="dimmed" lineClamp={1}>{c.title ?? "—"}</Text>
      <Group gap={4} mt={4} wrap="nowrap">
        {c.buyingRole && <Badge size="xs" color={buyingRoleColor(c.buyingRole)}>{t(`enums.buyingRole.${c.buyingRole}`)}</Badge>}
        <Text size="xs" c="dimmed" title={t("stakeholders.influence")}>
          {c.influence === null ? t("stakeholders.influenceUnknown") : `${"●".repeat(c.influence)}${"○".repeat(5 - c.influence)}`}
        </Text>
      </Group>
      <Group gap={4} mt={6} wrap="nowrap">
        {c.relationships.length === 0 ? (
          <Text size="xs" c="red.8">{t("stakeholders.noOwner")}</Text>
        ) : (
          c.relationships.slice(0, 4).map((r) => (
            <Tooltip key={r.userId} label={t("stakeholders.ownerTooltip", { name: r.userName, strength: r.strength })}>
              <Badge size="sm" variant="light" color="blue" radius="sm">{initials(r.userName)}·{r.strength}</Badge>
            </Tooltip>
          ))
        )}
        {c.relationships.length > 4 && <Text size="xs" c="dimmed">+{c.relationships.length - 4}</Text>}
      </Group>
      <Handle type="source" position={Position.Bottom} isConnectable={false} style={{ opacity: 0 }} />
    </div>
  );
});
