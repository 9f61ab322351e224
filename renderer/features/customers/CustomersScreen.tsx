import { useCallback, useEffect, useRef, useState } from 'react';
import type { Scope } from '../../../electron/common/api/grid';
import type { MessageKey } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { useNavigation } from '../../shell/navigation';
import { Button, Toolbar } from '../../ui';
import { SessionDataGrid, type DataGridHandle, type DataGridSelection, ScopePicker, useListScope } from '../../ui/grid';
import { useSessionInfo } from '../auth';
import { ReassignButton } from '../sales';
import { audienceOf, SmsButton } from '../sms';
import { CustomerForm } from './CustomerForm';
import { SearchBox } from '../../ui/SearchBox';

/** A customer list on the shared DataGrid, with quick find and "new customer". */
function CustomersList({ title, preferred, only }: { title: MessageKey; preferred: Scope; only?: Scope[] }) {
  const { t } = useI18n();
  const { openCustomer } = useNavigation();
  const { scopes: allowed, scope, setScope } = useListScope(preferred, only);
  const [creating, setCreating] = useState(false);
  const [selection, setSelection] = useState<DataGridSelection>({ selection: null, count: 0 });
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<DataGridHandle>(null);

  // Ctrl+F focuses the search box of the visible list (not the browser's find bar), wherever the focus is.
  useEffect(() => {
    const onKeyDown = (e: globalThis.KeyboardEvent) => {
      const input = searchRef.current;
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 'f' || !input || input.offsetParent === null) return;
      if (document.querySelector('.dialog-backdrop, [role="dialog"][aria-modal="true"]')) return;
      e.preventDefault();
      input.focus();
      input.select();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
  const onOpenRow = useCallback(
    (row: Record<string, unknown>) => {
      const id = Number(row.id);
      if (Number.isInteger(id) && id > 0) openCustomer(id, typeof row.name === 'string' ? row.name : undefined);
    },
    [openCustomer],
  );

  return (
    <div className="screen screen-fill">
      <Toolbar title={t(title)} info={selection.count > 0 ? t('grid.selected', { n: selection.count.toLocaleString() }) : undefined}>
        <SearchBox ref={searchRef} onOpen={(h) => openCustomer(h.id, h.name)} />
        {scope && <ScopePicker scopes={allowed} value={scope} onChange={setScope} />}
        <ReassignButton
          selection={selection}
          onDone={() => {
            gridRef.current?.clearSelection();
            gridRef.current?.refresh();
          }}
        />
        <SmsButton audience={audienceOf(selection.selection, selection.count)} onDone={() => gridRef.current?.clearSelection()} />
        <Button variant="primary" onClick={() => setCreating(true)}>
          {t('customer.new')}
        </Button>
      </Toolbar>
      {scope && (
        <SessionDataGrid
          ref={gridRef}
          dataset="customers"
          scope={scope}
          onOpenRow={onOpenRow}
          onSelectionChange={setSelection}
          scopes={allowed}
          onScopeChange={setScope}
        />
      )}
      {creating && (
        <CustomerForm
          onClose={() => setCreating(false)}
          onSaved={(id, name) => {
            setCreating(false);
            gridRef.current?.refresh();
            openCustomer(id, name);
          }}
        />
      )}
    </div>
  );
}

/** 销售管理 → 我的客户: a consultant's own customers; managers may switch to their team or everyone. */
export function MyCustomersScreen() {
  const { user } = useSessionInfo();
  const manager = ['salesManager', 'serviceManager', 'generalManager', 'admin'].includes(user.role);
  return <CustomersList title="nav.sales.myCustomers" preferred={manager ? 'team' : 'mine'} only={manager ? undefined : ['mine']} />;
}

/** 客服管理 → 客户查询: every customer, for roles with customers.viewAll. */
export function AllCustomersScreen() {
  return <CustomersList title="nav.service.customerQuery" preferred="all" only={['all']} />;
}
