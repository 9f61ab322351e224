import type { ReactNode } from 'react';
import type { Dataset } from '../../../../electron/common/api/grid';
import type { MessageKey } from '../../../i18n';
import { Button, FormMessage, Toolbar } from '../../../ui';
import { ScopePicker, SessionDataGrid } from '../../../ui/grid';
import { audienceOf, SmsButton } from '../../sms';
import type { RangeListState } from './use-range-list';

export interface RangeListProps {
  list: RangeListState;
  /** The range fields before 查看 (dates, or 专项保养's km band). */
  range: ReactNode;
  viewLabel: string;
  viewTestId: string;
  /** 查看 once the scopes are known. */
  onView: () => void;
  /** The scope picker's noun (我的提醒 / 全部回访). */
  noun: MessageKey;
  /** What the server counted, after the scope picker. */
  counts?: ReactNode;
  dataset: Dataset;
  /** The server's rule for the applied range; no grid before the first answer. */
  preset: string | null;
  /** A new tab or scope is a new grid (its views, sort and selection start again). */
  gridKey: string;
  onOpenRow: (row: Record<string, unknown>) => void;
  /** The list's own actions, in the grid's toolbar beside the selection they act on. */
  actions: ReactNode;
}

/**
 * A list on a server rule for a range (提醒服务, 销售回访 / 维修回访): the toolbar with the range, 查看,
 * the scope and the counts, the message line, and the session's DataGrid on the applied rule.
 */
export function RangeList(p: RangeListProps) {
  const { list } = p;
  return (
    <>
      <Toolbar>
        {p.range}
        <Button variant="primary" onClick={() => list.ready && p.onView()} data-testid={p.viewTestId}>
          {p.viewLabel}
        </Button>
        <ScopePicker scopes={list.scopes} value={list.scope} onChange={list.setScope} noun={p.noun} />
        {p.counts}
      </Toolbar>
      <FormMessage>{list.message}</FormMessage>
      {p.preset && (
        <SessionDataGrid
          key={p.gridKey}
          ref={list.grid}
          dataset={p.dataset}
          scope={list.scope}
          preset={p.preset}
          onOpenRow={p.onOpenRow}
          onSelectionChange={list.setSelection}
          scopes={list.scopes}
          onScopeChange={list.setScope}
          actions={p.actions}
        />
      )}
    </>
  );
}

/** 发短信 to the ticked rows, or to every row of the applied rule when none is ticked. */
export function RangeListSms({ list, dataset, preset }: { list: RangeListState; dataset: Dataset; preset: string }) {
  return (
    <SmsButton
      size="small"
      audience={audienceOf(list.selection.selection, list.selection.count, { dataset, scope: list.scope, filter: { columns: [], preset } })}
      onDone={() => list.grid.current?.clearSelection()}
    />
  );
}
