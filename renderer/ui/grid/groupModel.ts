import type { GridPage } from '../../../electron/common/api/grid';
import { call } from '../../api';
import type { QueryShape } from './datasource';

export type Key = string | number | null;

/** One open or closed group in the grouped view; its children are sub-groups or loaded rows. */
export interface GroupNode {
  path: Key[];
  label: string;
  count: number;
  expanded: boolean;
  loading: boolean;
  groups?: GroupNode[];
  rows?: Record<string, unknown>[];
  nextCursor?: string | null;
}

export const GROUP_PAGE = 100;

export type FlatRow =
  | { __id: string; __kind: 'group'; node: GroupNode; level: number }
  | { __id: string; __kind: 'more'; node: GroupNode; level: number }
  | ({ __id: string; __kind?: undefined } & Record<string, unknown>);

/** Fetches the groups under a path (or the first / next page of rows for a full path). */
export async function fetchLevel(shape: QueryShape, path: Key[], cursor?: string | null): Promise<GridPage> {
  return call('grid.query', { ...shape, groupKeys: path, limit: path.length < shape.groupBy.length ? 500 : GROUP_PAGE, ...(cursor ? { cursor } : {}) });
}

export function toNodes(page: GridPage, parent: Key[]): GroupNode[] {
  if (page.kind !== 'groups') return [];
  return page.groups.map((g) => ({ path: [...parent, g.key], label: g.label, count: g.count, expanded: false, loading: false }));
}

/** The visible rows: group rows, then (when open) their children, and a "more" row when a page is left. */
export function flatten(nodes: GroupNode[], level = 0, out: FlatRow[] = []): FlatRow[] {
  for (const n of nodes) {
    const pathId = JSON.stringify(n.path);
    out.push({ __id: `g:${pathId}`, __kind: 'group', node: n, level });
    if (!n.expanded) continue;
    if (n.groups) flatten(n.groups, level + 1, out);
    if (n.rows) {
      n.rows.forEach((r, i) => out.push({ ...r, __id: `r:${pathId}:${String(r.id ?? i)}` }));
      if (n.nextCursor) out.push({ __id: `m:${pathId}`, __kind: 'more', node: n, level: level + 1 });
    }
  }
  return out;
}
