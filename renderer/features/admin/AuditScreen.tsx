import { useCallback, useEffect, useState } from 'react';
import type { AuditRow, UserRow } from '../../../electron/common/api';
import { call } from '../../api';
import { formatDateTime, isMessageKey } from '../../i18n';
import { useI18n } from '../../i18n/react';
import { Button, FormMessage, Table, Toolbar, type Column } from '../../ui';
import { errorText } from '../../ui/errors';
import { useRecordRequest } from '../../shell/navigation';

const LIMIT = 100;

type ExportsFilter = { from: string; to: string; minRows: number };

// Fields that say nothing to a reader of the log (or only that a secret exists).
const HIDDEN_FIELDS = new Set(['id', 'passwordHash', 'createdAt', 'updatedAt', 'failedLogins', 'lockedUntil', 'teamId']);

/** A short, readable summary of what was recorded: `key: value; …` (secrets are redacted on the server already). */
function summarize(row: AuditRow): string {
  const v = row.after ?? row.before;
  if (v == null) return '';
  let text: string;
  if (typeof v === 'object' && !Array.isArray(v)) {
    text = Object.entries(v as Record<string, unknown>)
      .filter(([k, val]) => val != null && val !== '' && val !== '[redacted]' && !HIDDEN_FIELDS.has(k))
      .map(([k, val]) => `${k}: ${typeof val === 'object' ? JSON.stringify(val) : String(val)}`)
      .join('; ');
  } else text = typeof v === 'string' ? v : JSON.stringify(v);
  return text.length > 140 ? `${text.slice(0, 137)}…` : text;
}

/** 系统管理 → 审计日志: the latest audit rows. */
export function AuditScreen() {
  const { t } = useI18n();
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  const [names, setNames] = useState<Map<number, string>>(new Map());
  const [error, setError] = useState<string | null>(null);
  // 审核自查 check 8 opens the log on the period's exports above the limit (the server filters).
  const [exports, setExports] = useState<ExportsFilter | null>(null);
  useRecordRequest('admin.audit', (r) => {
    if (r.kind !== 'filter') return;
    const { from, to, minRows } = r.filter;
    if (typeof from === 'string' && typeof to === 'string' && typeof minRows === 'number') setExports({ from, to, minRows });
  });

  const load = useCallback(async () => {
    try {
      setRows(await call('admin.audit.list', { limit: LIMIT, ...(exports ? { action: 'export', ...exports } : {}) }));
      setError(null);
    } catch (e) {
      setError(errorText(e));
    }
    // Names for the user column; a role that may read the log but not the user list sees numbers.
    try {
      const users: UserRow[] = await call('admin.users.list', {});
      setNames(new Map(users.map((u) => [u.id, `${u.displayName} (${u.username})`])));
    } catch {
      // keep ids
    }
  }, [exports]);

  useEffect(() => {
    void load();
  }, [load]);

  const label = (prefix: 'audit.action' | 'audit.entity', value: string) => {
    const key = `${prefix}.${value}`;
    return isMessageKey(key) ? t(key) : value;
  };

  const columns: Column<AuditRow>[] = [
    { key: 'at', header: t('audit.col.time'), render: (r) => formatDateTime(r.at), width: 160, nowrap: true },
    { key: 'user', header: t('audit.col.user'), render: (r) => (r.userId == null ? t('audit.system') : (names.get(r.userId) ?? `#${r.userId}`)), width: 200 },
    { key: 'action', header: t('audit.col.action'), render: (r) => label('audit.action', r.action), width: 110 },
    { key: 'entity', header: t('audit.col.entity'), render: (r) => label('audit.entity', r.entity), width: 90 },
    { key: 'entityId', header: t('audit.col.entityId'), render: (r) => r.entityId ?? '', width: 70 },
    { key: 'detail', header: t('audit.col.detail'), render: (r) => <span className="small" title={summarize(r)}>{summarize(r)}</span> },
  ];

  return (
    <div className="screen">
      <Toolbar title={t('nav.admin.audit')} info={t('audit.latest', { n: LIMIT })}>
        <Button onClick={() => void load()}>{t('common.refresh')}</Button>
      </Toolbar>
      {exports && (
        <p className="muted" style={{ margin: '4px 0' }} data-testid="audit-filtered">
          {t('audit.filtered', { from: exports.from, to: exports.to, rows: exports.minRows.toLocaleString('en-US') })}{' '}
          <Button size="small" onClick={() => setExports(null)}>
            {t('audit.showAll')}
          </Button>
        </p>
      )}
      <FormMessage>{error}</FormMessage>
      {rows ? (
        <Table columns={columns} rows={rows} rowKey={(r) => r.id} empty={t('audit.empty')} aria-label={t('nav.admin.audit')} />
      ) : (
        !error && <p className="muted">{t('common.loading')}</p>
      )}
    </div>
  );
}
