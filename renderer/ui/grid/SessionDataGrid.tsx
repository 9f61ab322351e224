import { forwardRef, useCallback } from 'react';
import type { Scope } from '../../../electron/common/api/grid';
import { useSessionInfo } from '../../features/auth';
import { DataGrid, type DataGridHandle, type DataGridProps } from './DataGrid';

/** What a screen gives the grid; what the signed-in user may do with it comes from the session. */
export interface SessionDataGridProps extends Omit<DataGridProps, 'role' | 'canExport'> {
  /**
   * The scopes the screen's picker offers this user. A saved view that asks for another scope
   * (one saved by a manager and shared, say) leaves the scope as it is; without this list every
   * view's scope is handed to onScopeChange.
   */
  scopes?: readonly Scope[];
}

/**
 * The DataGrid of a screen inside the main window: the user's role (whose saved views it lists)
 * and 导出 only with the 'export' permission (the server checks again) are read from the session
 * here, once, instead of in every screen (and DrillDownDialog). DataGrid itself stays free of the
 * session, so it and its parts mount in component tests without a session provider.
 */
export const SessionDataGrid = forwardRef<DataGridHandle, SessionDataGridProps>(function SessionDataGrid({ scopes, onScopeChange, ...props }, ref) {
  const session = useSessionInfo();
  const offered = useCallback(
    (s: Scope) => {
      if (!scopes || scopes.includes(s)) onScopeChange?.(s);
    },
    [scopes, onScopeChange],
  );
  return <DataGrid ref={ref} {...props} role={session.user.role} canExport={session.permissions.includes('export')} onScopeChange={onScopeChange ? offered : undefined} />;
});
