import { useCallback, useEffect, useState } from 'react';
import type { DedupeStatus, DuplicateGroup, DuplicateRuleCode } from '../../../electron/common/api/dedupe';
import { DUPLICATE_RULES } from '../../../electron/common/api/dedupe';
import { call } from '../../api';
import { formatDateTime } from '../../i18n';
import { usePrefixedT } from '../../i18n/react';
import { Button, Pager, SelectField, Table, Toolbar, useToast } from '../../ui';
import { errorText } from '../../ui/errors';
import { MergeDialog } from './MergeDialog';
import './dedupe.css';

const PAGE = 50;

/**
 * 客户去重: the groups the last scan found, a page at a time, filtered by rule; 重新查找 scans again
 * in the background; each group opens the side-by-side merge or is marked 不是重复.
 */
export function DedupeScreen() {
  const tx = usePrefixedT('dedupe.');
  const toast = useToast();
  const [status, setStatus] = useState<DedupeStatus | null>(null);
  const [rule, setRule] = useState<'' | DuplicateRuleCode>('');
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ total: number; rows: DuplicateGroup[] } | null>(null);
  const [merging, setMerging] = useState<DuplicateGroup | null>(null);

  const load = useCallback(() => {
    call('dedupe.status', {}).then(setStatus, (e) => toast.show(errorText(e), 'error'));
    call('dedupe.groups', { ...(rule ? { rule } : {}), offset, limit: PAGE }).then(setPage, (e) => toast.show(errorText(e), 'error'));
  }, [rule, offset, toast]);
  useEffect(load, [load]);

  // While a scan runs, ask how it stands every second; the list reloads when it is done.
  useEffect(() => {
    if (!status?.scanning) return;
    const timer = setInterval(() => {
      call('dedupe.status', {}).then((s) => {
        if (!s.scanning) load();
        else setStatus(s);
      }, () => undefined);
    }, 1000);
    return () => clearInterval(timer);
  }, [status?.scanning, load]);

  const scan = () => call('dedupe.scan', {}).then(setStatus, (e) => toast.show(errorText(e), 'error'));
  const dismiss = (g: DuplicateGroup) =>
    call('dedupe.dismiss', { groupId: g.id }).then(
      () => {
        toast.show(tx('dismissed'), 'success');
        load();
      },
      (e) => toast.show(errorText(e), 'error'),
    );

  const total = page?.total ?? 0;
  return (
    <div className="screen dedupe-screen" data-testid="dedupe-screen">
      <Toolbar title={tx('title')}>
        <span className="dedupe-status" data-testid="dedupe-status">
          {status?.scanning ? tx('scanning') : status?.lastScanAt ? tx('status.last', { at: formatDateTime(status.lastScanAt), n: String(status.groups) }) : tx('status.never')}
        </span>
        <Button variant="primary" size="small" busy={status?.scanning} onClick={() => void scan()} data-testid="dedupe-scan">
          {tx('scan')}
        </Button>
      </Toolbar>
      <div className="dedupe-body">
        <div className="dedupe-filter">
          <SelectField
            label={tx('rule')}
            value={rule}
            onChange={(r) => {
              setRule(r);
              setOffset(0);
            }}
            options={[{ value: '' as const, label: tx('rule.all') }, ...DUPLICATE_RULES.map((r) => ({ value: r, label: tx(`rule.${r}`) }))]}
            data-testid="dedupe-rule"
          />
        </div>
        <Table
          aria-label={tx('title')}
          rowKey={(g) => g.id}
          rows={page?.rows ?? []}
          empty={tx('none')}
          rowProps={(g) => ({ 'data-testid': `dedupe-group-${g.id}` })}
          columns={[
            { key: 'rule', header: tx('col.rule'), render: (g) => tx(`rule.${g.rule}`), width: 130, nowrap: true },
            { key: 'key', header: tx('col.key'), render: (g) => (g.rule === 'phone' ? g.key.replace(/^86/, '') : g.key), width: 170, nowrap: true },
            {
              key: 'members',
              header: tx('col.members'),
              render: (g) => (
                <ul className="dedupe-members">
                  {g.members.map((m) => (
                    <li key={m.id}>
                      {tx('member', { name: m.name, phone: m.phone ?? '—', owner: m.ownerName ?? '—', vehicles: String(m.vehicles), created: formatDateTime(m.createdAt).slice(0, 10) })}
                    </li>
                  ))}
                </ul>
              ),
            },
            {
              key: 'actions',
              header: tx('col.actions'),
              width: 170,
              render: (g) => (
                <span className="dedupe-actions">
                  <Button size="small" onClick={() => setMerging(g)} data-testid={`dedupe-merge-${g.id}`}>
                    {tx('merge')}
                  </Button>
                  <Button size="small" onClick={() => void dismiss(g)} data-testid={`dedupe-dismiss-${g.id}`}>
                    {tx('dismiss')}
                  </Button>
                </span>
              ),
            },
          ]}
        />
        <Pager offset={offset} pageSize={PAGE} total={total} onOffset={setOffset} range={(p) => tx('page', p)} />
      </div>
      {merging && (
        <MergeDialog
          group={merging}
          onClose={() => setMerging(null)}
          onMerged={(message) => {
            setMerging(null);
            toast.show(message, 'success');
            load();
          }}
        />
      )}
    </div>
  );
}
