import { useEffect, useState } from 'react';
import type { DuplicateGroup, MergeField, MergeSide } from '../../../electron/common/api/dedupe';
import { MERGE_FIELDS, MERGE_RECORD_TABLES, isBlankMergeValue } from '../../../electron/common/api/dedupe';
import { call } from '../../api';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { dictLabel, useDictionary } from '../dictionaries';
import { Button, Dialog, SelectField, Table, FormMessage, useSubmit } from '../../ui';
import { errorText } from '../../ui/errors';

type Pick = 'kept' | 'merged';

type Label = (f: MergeField, code: string) => string;

/** What a field shows: labels for codes, the consultant's name rather than the owner id, '—' for nothing. */
function shown(side: MergeSide, f: MergeField, label: Label = (_f, c) => c): string {
  if (f === 'ownerId') return side.ownerName ?? '—';
  const v = side.fields[f];
  return v === null || v === '' ? '—' : label(f, String(v));
}

/**
 * 合并客户: two customers of a group side by side (which one is kept can be swapped; a bigger group
 * picks the second one), a choice per differing field, the numbers, VINs and record counts that
 * will move, then dedupe.merge with both versions (a record changed meanwhile is refused).
 */
export function MergeDialog({ group, onClose, onMerged }: { group: DuplicateGroup; onClose: () => void; onMerged: (message: string) => void }) {
  const tx = usePrefixedT('dedupe.');
  const { t, locale } = useI18n();
  const sources = useDictionary('source');
  const occupations = useDictionary('occupation');
  const label: Label = (f, code) =>
    f === 'kind' && (code === 'individual' || code === 'company')
      ? t(`customer.kind.${code}`)
      : f === 'gender' && (code === 'male' || code === 'female' || code === 'other')
        ? t(`customer.gender.${code}`)
        : f === 'source'
          ? dictLabel(sources, code, locale)
          : f === 'occupation'
            ? dictLabel(occupations, code, locale)
            : code;
  const [keptId, setKeptId] = useState(group.members[0]!.id);
  const [mergedId, setMergedId] = useState(group.members[1]!.id);
  const [sides, setSides] = useState<{ kept: MergeSide; merged: MergeSide } | null>(null);
  const [pick, setPick] = useState<Partial<Record<MergeField, Pick>>>({});
  const { busy, error, setError, run } = useSubmit();

  useEffect(() => {
    setSides(null);
    setPick({});
    call('dedupe.compare', { keptId, mergedId }).then(setSides, (e) => setError(errorText(e)));
  }, [keptId, mergedId]);

  const choice = (f: MergeField): Pick => {
    if (pick[f]) return pick[f];
    // The server's rule when nothing is picked (merge.ts), shown as the preset choice.
    return isBlankMergeValue(sides?.kept.fields[f]) && !isBlankMergeValue(sides?.merged.fields[f]) ? 'merged' : 'kept';
  };

  const merge = async () => {
    if (!sides) return;
    await run(async () => {
      const r = await call('dedupe.merge', { keptId, mergedId, keptVersion: sides.kept.version, mergedVersion: sides.merged.version, pick });
      const moved = Object.entries(r.moved)
        .filter(([k]) => k !== 'customer_phones_dropped')
        .reduce((n, [, v]) => n + v, 0);
      onMerged(tx('merge.done', { name: shown(sides[choice('name')], 'name'), n: String(moved) }));
    });
  };

  const others = group.members.filter((m) => m.id !== keptId);
  const rows = sides ? MERGE_FIELDS.filter((f) => shown(sides.kept, f) !== '—' || shown(sides.merged, f) !== '—') : [];
  return (
    <Dialog
      title={tx('merge.title')}
      onClose={onClose}
      width={760}
      actions={
        <>
          <Button onClick={onClose}>{tx('merge.cancel')}</Button>
          <Button variant="danger" busy={busy} disabled={!sides} onClick={() => void merge()} data-testid="merge-submit">
            {tx('merge.submit')}
          </Button>
        </>
      }
    >
      <div className="merge-dialog" data-testid="merge-dialog">
        <div className="merge-who">
          <Button
            size="small"
            onClick={() => {
              setKeptId(mergedId);
              setMergedId(keptId);
            }}
            data-testid="merge-swap"
          >
            {tx('merge.swap')}
          </Button>
          {group.members.length > 2 && (
            <SelectField
              label={tx('merge.merged')}
              value={String(mergedId)}
              onChange={(v) => setMergedId(Number(v))}
              options={others.map((m) => ({ value: String(m.id), label: `${m.name} · ${m.phone ?? ''}` }))}
            />
          )}
        </div>
        {sides && (
          <Table
            aria-label={tx('merge.title')}
            rowKey={(f) => f}
            rows={rows}
            rowProps={(f) => ({ className: shown(sides.kept, f) !== shown(sides.merged, f) ? 'is-different' : undefined, 'data-testid': `merge-field-${f}` })}
            columns={[
              { key: 'field', header: tx('merge.field'), render: (f) => tx(`field.${f}`), width: 100 },
              ...(['kept', 'merged'] as const).map((which) => ({
                key: which,
                header: tx(`merge.${which}`),
                render: (f: MergeField) =>
                  shown(sides.kept, f) === shown(sides.merged, f) ? (
                    shown(sides[which], f, label)
                  ) : (
                    <label className="merge-pick">
                      <input type="radio" name={`pick-${f}`} checked={choice(f) === which} onChange={() => setPick({ ...pick, [f]: which })} data-testid={`pick-${f}-${which}`} />
                      {shown(sides[which], f, label)}
                    </label>
                  ),
              })),
            ]}
          />
        )}
        {sides && (
          <Table
            aria-label={tx('merge.records')}
            rowKey={(r) => r}
            rows={['phones', 'vins', 'records'] as const}
            columns={[
              { key: 'what', header: '', render: (r) => tx(`merge.${r}`), width: 100 },
              ...(['kept', 'merged'] as const).map((which) => ({
                key: which,
                header: tx(`merge.${which}`),
                render: (r: 'phones' | 'vins' | 'records') =>
                  r === 'records'
                    ? MERGE_RECORD_TABLES.filter((k) => sides[which].records[k])
                        .map((k) => `${tx(`records.${k}`)} ${sides[which].records[k]}`)
                        .join(' · ') || '—'
                    : sides[which][r].join(', ') || '—',
              })),
            ]}
          />
        )}
        <p className="merge-hint">{tx('merge.hint')}</p>
        <FormMessage>{error}</FormMessage>
      </div>
    </Dialog>
  );
}
