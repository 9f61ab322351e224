import { useCallback, useEffect, useState } from 'react';
import type { DialerQueue, DialerRules } from '../../../../electron/common/api/dialer';
import { call } from '../../../api';
import { usePrefixedT } from '../../../i18n/react';
import { Button, Dialog, DialogActions, FormMessage, Table, TextField, useSubmit, useToast } from '../../../ui';

const wholeOrNull = (v: string): number | null | undefined => (v.trim() === '' ? null : /^\d+$/.test(v.trim()) ? Number(v.trim()) : undefined);

/**
 * 队列规则 (CS managers): each queue's preview time, max attempts, retry wait, wrap-up time and
 * script, edited one queue at a time; the server checks the ranges and audits each change.
 */
export function QueueRules({ queueName, onSaved }: { queueName: (q: DialerQueue) => string; onSaved: () => void }) {
  const tx = usePrefixedT('dialer.');
  const toast = useToast();
  const [rules, setRules] = useState<DialerRules[]>([]);
  const [editing, setEditing] = useState<DialerRules | null>(null);
  const load = useCallback(() => void call('dialer.rules', {}).then(setRules, () => setRules([])), []);
  useEffect(load, [load]);
  return (
    <section className="dialer-rules" data-testid="dialer-rules">
      <h2>{tx('rules.title')}</h2>
      <Table
        aria-label={tx('rules.title')}
        rowKey={(r) => r.queue}
        rows={rules}
        columns={[
          { key: 'queue', header: tx('col.queue'), render: (r) => queueName(r.queue) },
          { key: 'preview', header: tx('col.preview'), render: (r) => (r.previewSeconds === null ? tx('preview.manual') : tx('preview.seconds', { n: String(r.previewSeconds) })) },
          { key: 'attempts', header: tx('col.attempts'), align: 'right', render: (r) => r.maxAttempts },
          { key: 'retry', header: tx('col.retry'), render: (r) => tx('retry.hours', { n: String(r.retryHours) }) },
          { key: 'wrap', header: tx('col.wrapUp'), render: (r) => (r.wrapUpSeconds === null ? tx('wrapUp.default') : tx('preview.seconds', { n: String(r.wrapUpSeconds) })) },
          {
            key: 'edit',
            header: '',
            render: (r) => (
              <Button size="small" onClick={() => setEditing(r)} data-testid={`dialer-rules-edit-${r.queue}`}>
                {tx('rules.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && (
        <RulesDialog
          rules={editing}
          title={`${tx('rules.title')} · ${queueName(editing.queue)}`}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            toast.success(tx('rules.saved'));
            load();
            onSaved();
          }}
        />
      )}
    </section>
  );
}

function RulesDialog({ rules, title, onClose, onSaved }: { rules: DialerRules; title: string; onClose: () => void; onSaved: () => void }) {
  const tx = usePrefixedT('dialer.');
  const [preview, setPreview] = useState(rules.previewSeconds === null ? '' : String(rules.previewSeconds));
  const [attempts, setAttempts] = useState(String(rules.maxAttempts));
  const [retry, setRetry] = useState(String(rules.retryHours));
  const [wrap, setWrap] = useState(rules.wrapUpSeconds === null ? '' : String(rules.wrapUpSeconds));
  const [script, setScript] = useState(rules.script);
  const { busy, error, setError, run } = useSubmit();
  const save = async () => {
    const previewSeconds = wholeOrNull(preview);
    const wrapUpSeconds = wholeOrNull(wrap);
    const maxAttempts = wholeOrNull(attempts);
    const retryHours = wholeOrNull(retry);
    if (previewSeconds === undefined || wrapUpSeconds === undefined || typeof maxAttempts !== 'number' || typeof retryHours !== 'number') return setError(tx('rules.invalid'));
    await run(async () => {
      await call('dialer.rules.save', { queue: rules.queue, previewSeconds, maxAttempts, retryHours, wrapUpSeconds, script });
      onSaved();
    });
  };
  return (
    <Dialog title={title} onClose={onClose} width={560} actions={<DialogActions onCancel={onClose} onSubmit={() => void save()} submitLabel={tx('rules.save')} busy={busy} testId="dialer-rules-save" />}>
      <TextField label={tx('rules.previewSeconds')} value={preview} onChange={setPreview} inputMode="numeric" data-testid="dialer-rules-preview" />
      <TextField label={tx('rules.maxAttempts')} value={attempts} onChange={setAttempts} inputMode="numeric" />
      <TextField label={tx('rules.retryHours')} value={retry} onChange={setRetry} inputMode="numeric" />
      <TextField label={tx('rules.wrapUpSeconds')} value={wrap} onChange={setWrap} inputMode="numeric" />
      <label className="field-label" htmlFor="dialer-script">
        {tx('rules.script')}
      </label>
      <textarea id="dialer-script" className="input" rows={4} maxLength={4000} value={script} onChange={(e) => setScript(e.target.value)} />
      <FormMessage>{error}</FormMessage>
    </Dialog>
  );
}
