import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { DictionaryKindRow } from '../../../electron/common/api/dictionaries';
import type { ConditionGroup } from '../../../electron/common/api/grid';
import { call } from '../../api';
import { isMessageKey } from '../../i18n';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { Button, FormMessage, Toolbar, useToast } from '../../ui';
import { SessionDataGrid, type DataGridHandle } from '../../ui/grid';
import { EntryDialog, type EntryDraft } from './EntryDialog';
import './dictionaries.css';
import { errorText } from '../../ui/errors';

/**
 * 系统管理 → 数据字典: the lists on the left with how many items each offers; the chosen list's
 * items on the right in the shared DataGrid (sort, filter, export); 新增项目 and a double-click to
 * edit. A list whose codes the program fixes (跟进方式) takes new names and order only.
 */
export function DictionariesScreen() {
  const { t, locale } = useI18n();
  const tx = usePrefixedT('dicts.');
  const toast = useToast();
  const grid = useRef<DataGridHandle>(null);
  const [kinds, setKinds] = useState<DictionaryKindRow[] | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<EntryDraft | null>(null);

  const listName = useCallback((k: string) => {
    const key = `dicts.kind.${k}`;
    return isMessageKey(key) ? t(key) : k;
  }, [t]);

  const loadKinds = useCallback(async () => {
    try {
      const rows = await call('admin.dictionaries.kinds', {});
      setKinds(rows);
      // 客户来源 first: the list a dealer edits most.
      setKind((k) => k ?? (rows.some((r) => r.kind === 'source') ? 'source' : (rows[0]?.kind ?? null)));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
  }, []);
  useEffect(() => {
    void loadKinds();
  }, [loadKinds]);

  const current = kinds?.find((k) => k.kind === kind) ?? null;
  const baseFilter = useMemo<ConditionGroup[]>(() => (kind ? [{ join: 'and', conditions: [{ col: 'kind', op: 'equals', value: kind }] }] : []), [kind]);

  const openRow = useCallback(
    (row: Record<string, unknown>) => {
      if (!kind) return;
      setEditing({ id: Number(row.id), kind, code: String(row.code), zh: String(row.zh), en: String(row.en), sort: Number(row.sort), active: row.active === true });
    },
    [kind],
  );
  const add = () => {
    if (!kind) return;
    setEditing({ id: null, kind, code: '', zh: '', en: '', sort: ((current?.items ?? 0) + 1) * 10, active: true });
  };

  return (
    <div className="screen dicts-screen" data-testid="dictionaries-screen">
      <Toolbar title={t('nav.admin.dictionaries')} info={kind ? tx('openHint') : tx('pick')}>
        <Button variant="primary" onClick={add} disabled={!current || current.fixedCodes}>
          {tx('add')}
        </Button>
      </Toolbar>
      <FormMessage>{error}</FormMessage>
      <div className="dicts-body">
        <nav className="dicts-kinds" aria-label={tx('lists')}>
          <ul role="listbox" aria-label={tx('lists')}>
            {[...(kinds ?? [])].sort((a, b) => listName(a.kind).localeCompare(listName(b.kind), locale)).map((k) => (
              <li key={k.kind} role="option" aria-selected={k.kind === kind} className={k.kind === kind ? 'selected' : undefined} onClick={() => setKind(k.kind)}>
                <span className="dicts-kind-name">{listName(k.kind)}</span>
                <span className="dicts-kind-count muted">{tx('items', { active: k.active, items: k.items })}</span>
                {k.fixedCodes && <span className="dicts-kind-fixed muted">{tx('fixed')}</span>}
              </li>
            ))}
          </ul>
        </nav>
        <div className="dicts-grid">
          {kind && (
            <SessionDataGrid
              key={kind}
              ref={grid}
              dataset="dictionaries"
              scope="mine"
              baseFilter={baseFilter}
              initialColumns={kind === 'model' ? ['code', 'zh', 'en', 'sort', 'intervals', 'active'] : ['code', 'zh', 'en', 'sort', 'active']}
              onOpenRow={openRow}
            />
          )}
        </div>
      </div>
      {editing && (
        <EntryDialog
          draft={editing}
          listName={listName(editing.kind)}
          onClose={() => setEditing(null)}
          onSaved={(row) => {
            setEditing(null);
            toast.success(tx('saved', { name: row.zh }));
            grid.current?.refresh();
            void loadKinds();
          }}
        />
      )}
    </div>
  );
}
