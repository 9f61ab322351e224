import { useRef, useState, type KeyboardEvent } from 'react';

export interface TreeNode {
  id: string;
  label: string;
  children?: readonly TreeNode[];
}

export interface TreeProps {
  nodes: readonly TreeNode[];
  /** The highlighted leaf (e.g. the active tab's screen). */
  selectedId: string | null;
  /** A leaf was activated (click, Enter, Space). */
  onOpen: (id: string) => void;
  /** Groups expanded at first; default: all. */
  initiallyExpanded?: readonly string[];
  'aria-label'?: string;
}

interface Row {
  node: TreeNode;
  depth: number;
  parentId: string | null;
}

/** A navigation tree: groups expand and collapse, leaves open; arrow keys move like Windows Explorer. */
export function Tree({ nodes, selectedId, onOpen, initiallyExpanded, ...aria }: TreeProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(initiallyExpanded ?? nodes.map((n) => n.id)));
  const [focusId, setFocusId] = useState<string | null>(null);
  const container = useRef<HTMLUListElement>(null);

  const rows: Row[] = [];
  const walk = (list: readonly TreeNode[], depth: number, parentId: string | null) => {
    for (const node of list) {
      rows.push({ node, depth, parentId });
      if (node.children && expanded.has(node.id)) walk(node.children, depth + 1, node.id);
    }
  };
  walk(nodes, 0, null);

  const current = focusId && rows.some((r) => r.node.id === focusId) ? focusId : (selectedId ?? rows[0]?.node.id ?? null);

  const toggle = (id: string, open?: boolean) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });

  const focus = (id: string) => {
    setFocusId(id);
    container.current?.querySelector<HTMLElement>(`[data-node-id="${CSS.escape(id)}"]`)?.focus();
  };

  const onKey = (e: KeyboardEvent, index: number) => {
    const row = rows[index];
    if (!row) return;
    const isGroup = !!row.node.children;
    let handled = true;
    switch (e.key) {
      case 'ArrowDown': {
        const next = rows[index + 1];
        if (next) focus(next.node.id);
        break;
      }
      case 'ArrowUp': {
        const prev = rows[index - 1];
        if (prev) focus(prev.node.id);
        break;
      }
      case 'ArrowRight':
        if (isGroup && !expanded.has(row.node.id)) toggle(row.node.id, true);
        else if (isGroup) {
          const child = rows[index + 1];
          if (child) focus(child.node.id);
        }
        break;
      case 'ArrowLeft':
        if (isGroup && expanded.has(row.node.id)) toggle(row.node.id, false);
        else if (row.parentId) focus(row.parentId);
        break;
      case 'Home':
        if (rows[0]) focus(rows[0].node.id);
        break;
      case 'End': {
        const last = rows[rows.length - 1];
        if (last) focus(last.node.id);
        break;
      }
      case 'Enter':
      case ' ':
        if (isGroup) toggle(row.node.id);
        else onOpen(row.node.id);
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  };

  return (
    <ul className="tree" role="tree" ref={container} {...aria}>
      {rows.map((row, index) => {
        const isGroup = !!row.node.children;
        const isOpen = expanded.has(row.node.id);
        return (
          <li
            key={row.node.id}
            role="treeitem"
            data-node-id={row.node.id}
            className={`tree-item${isGroup ? ' is-group' : ' is-leaf'}${row.node.id === selectedId ? ' is-selected' : ''}`}
            style={{ paddingLeft: 8 + row.depth * 18 }}
            aria-level={row.depth + 1}
            aria-expanded={isGroup ? isOpen : undefined}
            aria-selected={isGroup ? undefined : row.node.id === selectedId}
            tabIndex={row.node.id === current ? 0 : -1}
            onFocus={() => setFocusId(row.node.id)}
            onClick={() => (isGroup ? toggle(row.node.id) : onOpen(row.node.id))}
            onKeyDown={(e) => onKey(e, index)}
          >
            <span className="tree-twisty" aria-hidden="true">
              {isGroup ? (isOpen ? '▾' : '▸') : ''}
            </span>
            <span className="tree-label" title={row.node.label}>
              {row.node.label}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
