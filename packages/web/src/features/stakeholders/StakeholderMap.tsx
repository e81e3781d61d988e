import "@xyflow/react/dist/style.css";
import {
  Background, Controls, MiniMap, ReactFlow, ReactFlowProvider, useNodesState, useReactFlow,
  type Edge, type NodeMouseHandler, type NodeTypes, type OnNodeDrag,
} from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ContactNode, type ContactFlowNode } from "./ContactNode";
import type { MapContact } from "./stakeholders.api";
import { layoutKey, layoutStakeholders, type Position } from "./stakeholder-layout";
import { attitudeCssColor } from "./stakeholder-style";

const NODE_TYPES: NodeTypes = { contact: ContactNode };

interface Props {
  contacts: readonly MapContact[];
  selectedId: string | null;
  onSelect: (id: string | null) => void;
  /** A card dropped onto another: the first now reports to the second. */
  onReportsTo: (contactId: string, managerId: string) => void;
}

export function StakeholderMap(props: Props) {
  return (
    <ReactFlowProvider>
      <FlowCanvas {...props} />
    </ReactFlowProvider>
  );
}

function FlowCanvas({ contacts, selectedId, onSelect, onReportsTo }: Props) {
  const { t } = useTranslation();
  const { getIntersectingNodes } = useReactFlow<ContactFlowNode>();
  const [dropTarget, setDropTarget] = useState<string | null>(null);

  // Laid out again only when a reporting line or the set of contacts changes.
  const key = layoutKey(contacts);
  const latest = useRef(contacts);
  latest.current = contacts;
  const positions = useMemo(() => layoutStakeholders(latest.current), [key]);

  // Node objects are reused while their contact (kept identical by the query's structural sharing),
  // place, selection and drop highlight are, so the memoised cards skip rendering.
  const cache = useRef(new Map<string, { contact: MapContact; position: Position; selected: boolean; dropTarget: boolean; node: ContactFlowNode }>());
  const computed = useMemo(() => {
    const next = new Map<string, { contact: MapContact; position: Position; selected: boolean; dropTarget: boolean; node: ContactFlowNode }>();
    const nodes = contacts.map((contact) => {
      const position = positions.get(contact.id) ?? { x: 0, y: 0 };
      const selected = contact.id === selectedId;
      const isTarget = contact.id === dropTarget;
      const old = cache.current.get(contact.id);
      const node = old && old.contact === contact && old.position === position && old.selected === selected && old.dropTarget === isTarget
        ? old.node
        : { id: contact.id, type: "contact" as const, position, selected, data: { contact, dropTarget: isTarget }, ariaLabel: contact.name };
      next.set(contact.id, { contact, position, selected, dropTarget: isTarget, node });
      return node;
    });
    cache.current = next;
    return nodes;
  }, [contacts, positions, selectedId, dropTarget]);

  const [nodes, setNodes, onNodesChange] = useNodesState<ContactFlowNode>(computed);
  useEffect(() => setNodes(computed), [computed, setNodes]);

  const edges = useMemo<Edge[]>(() => {
    const ids = new Set(contacts.map((c) => c.id));
    return contacts
      .filter((c) => c.reportsToContactId && ids.has(c.reportsToContactId))
      .map((c) => ({ id: `${c.reportsToContactId}->${c.id}`, source: c.reportsToContactId!, target: c.id, type: "smoothstep", focusable: false }));
  }, [contacts]);

  const targetOf = useCallback((node: ContactFlowNode) => getIntersectingNodes(node).find((n) => n.id !== node.id)?.id ?? null, [getIntersectingNodes]);

  const onNodeDrag: OnNodeDrag<ContactFlowNode> = useCallback((_event, node) => {
    const target = targetOf(node);
    setDropTarget((current) => (current === target ? current : target));
  }, [targetOf]);

  const onNodeDragStop: OnNodeDrag<ContactFlowNode> = useCallback((_event, node) => {
    const target = targetOf(node);
    setDropTarget(null);
    // The card goes back to its place in the chart; a new line moves it once saved.
    setNodes(computed);
    if (target && target !== node.data.contact.reportsToContactId) onReportsTo(node.id, target);
  }, [targetOf, setNodes, computed, onReportsTo]);

  const onNodeClick: NodeMouseHandler<ContactFlowNode> = useCallback((_event, node) => onSelect(node.id), [onSelect]);

  return (
    <div style={{ height: "min(70vh, 720px)", minHeight: 420 }} aria-label={t("stakeholders.mapLabel")} role="region">
      <ReactFlow<ContactFlowNode>
        nodes={nodes}
        edges={edges}
        nodeTypes={NODE_TYPES}
        onNodesChange={onNodesChange}
        onNodeClick={onNodeClick}
        onNodeDrag={onNodeDrag}
        onNodeDragStop={onNodeDragStop}
        onPaneClick={() => onSelect(null)}
        nodesConnectable={false}
        elementsSelectable
        fitView
        fitViewOptions={{ padding: 0.25 }}
        // Low enough for fit view to show a whole chart of a few hundred people at once.
        minZoom={0.02}
        maxZoom={1.5}
      >
        <Background gap={24} />
        <Controls showInteractive={false} />
        <MiniMap<ContactFlowNode> pannable zoomable nodeColor={(n) => attitudeCssColor(n.data.contact.attitude)} ariaLabel={t("stakeholders.minimap")} />
      </ReactFlow>
    </div>
  );
}
