import { useCallback } from 'react';
import type { Scope } from '../../../../electron/common/api/grid';
import { useNavigation } from '../../../shell/navigation';
import { SessionDataGrid } from '../../../ui/grid';

const COLUMNS = ['name', 'phone', 'ownerName', 'vehicleModel', 'city', 'createdAt'];

/**
 * 无计划客户: customers with an open opportunity and no planned follow-up at all, on the DataGrid
 * (the customers list with the server's 'noPlan' rule pinned) in a scope — a consultant's own in
 * 跟踪计划, a manager's team in 机会检查. A row opens the card, where the next follow-up is planned.
 */
export function NoPlanCustomers({ scope, scopes, onScopeChange }: { scope: Scope; scopes?: readonly Scope[]; onScopeChange?: (s: Scope) => void }) {
  const { openCustomer } = useNavigation();
  const onOpenRow = useCallback(
    (row: Record<string, unknown>) => {
      const id = Number(row.id);
      if (Number.isInteger(id) && id > 0) openCustomer(id, typeof row.name === 'string' ? row.name : undefined);
    },
    [openCustomer],
  );
  return (
    <SessionDataGrid
      dataset="customers"
      scope={scope}
      preset="noPlan"
      initialColumns={COLUMNS}
      onOpenRow={onOpenRow}
      scopes={scopes}
      onScopeChange={onScopeChange}
    />
  );
}
