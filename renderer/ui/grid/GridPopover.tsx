import type { ConditionGroup } from '../../../electron/common/api/grid';
import { useI18n } from '../../i18n/react';
import { ColumnChooser } from './ColumnChooser';
import { ColumnMenu } from './ColumnMenu';
import { ConditionEditor } from './ConditionEditor';
import { cleanGroup, colLabel } from './filterModel';
import type { GridQueryState } from './use-grid-query';

// Separate from DataGrid because the grid shows at most one popover at a time (a header's menu, a
// column's filter, 高级查找, 选择列), and each of them changes the query the same way: what the
// user built is cleaned (conditions without operands dropped) before it replaces the old part.

export type Popover = { kind: 'menu'; colId: string; x: number; y: number } | { kind: 'filter'; colId: string; x?: number; y?: number } | { kind: 'advanced' } | { kind: 'chooser' } | null;

export interface GridPopoverProps {
  pop: Popover;
  setPop: (p: Popover) => void;
  query: Pick<GridQueryState, 'colMap' | 'filter' | 'setFilter' | 'groupBy' | 'setGroupBy' | 'visible' | 'setVisible'>;
  /** The grid's width, to keep a column's filter inside it. */
  gridWidth: () => number | undefined;
}

export function GridPopover({ pop, setPop, query, gridWidth }: GridPopoverProps) {
  const { t, locale } = useI18n();
  const { colMap, filter, setFilter, groupBy, setGroupBy, visible, setVisible } = query;
  const close = () => setPop(null);
  const menuCol = pop && 'colId' in pop ? colMap.get(pop.colId) : undefined;

  /** One column's filter replaces that column's previous one (a column has one group of conditions). */
  const setColumnFilter = (colId: string, g: ConditionGroup | null) => {
    const cleaned = g ? cleanGroup(g, colMap) : null;
    const others = filter.columns.filter((x) => x.conditions[0]?.col !== colId);
    setFilter({ ...filter, columns: cleaned ? [...others, cleaned] : others });
    close();
  };
  const setAdvanced = (g: ConditionGroup | null) => {
    setFilter({ ...filter, advanced: g ? cleanGroup(g, colMap) : null });
    close();
  };

  if (pop?.kind === 'menu' && menuCol)
    return (
      <ColumnMenu
        col={menuCol}
        x={pop.x}
        y={pop.y}
        groupBy={groupBy}
        visibleCount={visible.length}
        onFilter={() => setPop({ kind: 'filter', colId: menuCol.id, x: pop.x, y: pop.y })}
        onGroupBy={() => {
          setGroupBy([...groupBy, menuCol.id]);
          close();
        }}
        onHide={() => {
          setVisible(visible.filter((v) => v !== menuCol.id));
          close();
        }}
        onClose={close}
      />
    );
  if (pop?.kind === 'filter' && menuCol)
    return (
      <div className="dg-pop-anchor" style={pop.x !== undefined ? { left: Math.max(0, Math.min(pop.x - 200, (gridWidth() ?? 800) - 420)), top: pop.y } : undefined}>
        <ConditionEditor
          title={t('grid.filterOf', { name: colLabel(menuCol, menuCol.id, locale) })}
          columns={[menuCol]}
          initial={filter.columns.find((g) => g.conditions[0]?.col === menuCol.id) ?? null}
          onApply={(g) => setColumnFilter(menuCol.id, g)}
          onCancel={close}
        />
      </div>
    );
  if (pop?.kind === 'advanced')
    return (
      <div className="dg-pop-anchor">
        <ConditionEditor title={t('grid.advanced')} columns={[...colMap.values()].filter((c) => c.filterable)} initial={filter.advanced ?? null} onApply={setAdvanced} onCancel={close} />
      </div>
    );
  if (pop?.kind === 'chooser')
    return (
      <div className="dg-pop-anchor">
        <ColumnChooser all={[...colMap.values()]} visible={visible} onChange={setVisible} onClose={close} />
      </div>
    );
  return null;
}
