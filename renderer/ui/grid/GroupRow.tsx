import type { ICellRendererParams } from 'ag-grid-community';
import type { FlatRow, GroupNode } from './groupModel';

// Separate from DataGrid because ag-grid makes this row itself (a full-width cell renderer) and
// hands it only its row and the grid's context: it must not close over DataGrid's render.

/** What a group row reads from ag-grid's context (made once per grid, see use-header-context.ts). */
export interface GroupRowContext {
  toggle: (n: GroupNode) => void;
  more: (n: GroupNode) => void;
  moreLabel: string;
}

/** A group's row (▸ name (count), click opens or closes it) or an open group's "load more" row. */
export function GroupRow(p: ICellRendererParams<FlatRow>) {
  const d = p.data;
  const ctx = p.context as GroupRowContext;
  if (!d || !d.__kind) return null;
  const node = d.node as GroupNode;
  const level = d.level as number;
  if (d.__kind === 'more')
    return (
      <div className="dg-grouprow" style={{ paddingLeft: 12 + level * 20 }}>
        <button type="button" className="link" onClick={() => ctx.more(node)}>
          {ctx.moreLabel}
        </button>
      </div>
    );
  return (
    <div className="dg-grouprow" data-testid="group-row" data-level={level} style={{ paddingLeft: 8 + level * 20 }} onClick={() => ctx.toggle(node)}>
      <span className="dg-twisty">{node.loading ? '…' : node.expanded ? '▾' : '▸'}</span>
      <b>{node.label}</b>
      <span className="dg-count">({node.count.toLocaleString()})</span>
    </div>
  );
}
