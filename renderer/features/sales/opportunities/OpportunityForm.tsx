import type { OpportunityDetail, OpportunitySourceCode } from '../../../../electron/common/api/sales';
import { OPPORTUNITY_SOURCE_CODES, salesApi } from '../../../../electron/common/api/sales';
import { STAGES, type StageCode } from '../../../../electron/common/stages';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Dialog, FormMessage, SelectField, TextField, DialogActions } from '../../../ui';
import { useDictionary, withCurrent } from '../../dictionaries';
import { schemaFieldErrors } from '../../../ui/schema-errors';
import { SearchBox } from '../../../ui/SearchBox';
import { OpportunityStaleNotice } from './stale';
import { defaultNextActivity, dictLabelOf, nextActivityInput, NextActivityFields, useFormState, type NextActivityValue } from './form-bits';

const KNOWN = ['customerId', 'source', 'stage', 'model', 'price', 'expectedPurchaseDate', 'consultantId', 'nextActivity', 'nextActivity.type', 'nextActivity.plannedAt', 'nextActivity.subject'];

/**
 * New opportunity for an existing customer (picked with quick find unless given), or edit of an
 * open one: source, model, price, expected purchase date — and the next planned activity, which a
 * new opportunity always needs and an edit needs when none is left.
 */
export function OpportunityForm({
  detail,
  customer,
  onClose,
  onSaved,
}: {
  detail?: OpportunityDetail;
  customer?: { id: number; name: string };
  onClose: () => void;
  onSaved: (id: number) => void;
}) {
  const { t, locale } = useI18n();
  const models = useDictionary('model');
  const needsNext = !detail || detail.activities.planned === 0;
  const f = useFormState({
    customer: customer ?? (detail ? { id: detail.customerId, name: detail.customerName } : null),
    source: (detail?.source ?? 'showroom') as OpportunitySourceCode,
    stage: 'initial_contact' as StageCode,
    model: detail?.model ?? '',
    price: detail?.price != null ? String(detail.price) : '',
    expectedPurchaseDate: detail?.expectedPurchaseDate ?? '',
    next: defaultNextActivity(detail ? '' : t('opp.nextActivity.defaultSubject')) as NextActivityValue,
  });
  const { v, set, errors } = f;
  // After a refused stale save the next one is based on the current opportunity the refusal brought.
  const base = (f.stale?.current as OpportunityDetail | undefined) ?? detail;
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());

  const submit = async () => {
    if (!v.customer) {
      f.setErrors({ customerId: t('common.required') });
      return;
    }
    const customer = v.customer;
    const price = v.price.trim() === '' ? null : Number(v.price);
    const save = detail
      ? ({
          method: 'opportunities.update',
          input: {
            id: detail.id,
            expectedVersion: base!.version,
            patch: { source: v.source, model: opt(v.model), price, expectedPurchaseDate: opt(v.expectedPurchaseDate) },
            ...(needsNext ? { nextActivity: nextActivityInput(v.next) } : {}),
          },
        } as const)
      : ({
          method: 'opportunities.create',
          input: {
            customerId: customer.id,
            source: v.source,
            stage: v.stage,
            model: opt(v.model),
            price,
            expectedPurchaseDate: opt(v.expectedPurchaseDate),
            nextActivity: nextActivityInput(v.next),
          },
        } as const);
    // What the contract refuses (a price that is not a number, a time not picked) is shown under its
    // field before the round trip; the host's own refusals still come back through f.submit.
    const local = schemaFieldErrors(salesApi[save.method].input, save.input, { required: t('common.required'), invalid: t('opp.f.invalid'), keyOf: (p) => p.replace(/^patch\./, '') });
    if (Object.keys(local).length) return f.setErrors(local);
    await f.submit(KNOWN, async () => {
      if (save.method === 'opportunities.update') {
        await call(save.method, save.input);
        onSaved(save.input.id);
      } else {
        const r = await call(save.method, save.input);
        onSaved(r.id);
      }
    });
  };

  return (
    <Dialog
      title={detail ? t('opp.editTitle', { name: detail.customerName }) : t('opp.new')}
      onClose={onClose}
      width={640}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('opp.save')} busy={f.busy} testId="opp-save" />}
    >
      <div className="form-grid" data-testid="opp-form">
        {!detail && (
          <div className="opp-customer-pick">
            <span className="field-label">{t('opp.f.customer')}</span>
            {v.customer ? (
              <span data-testid="opp-customer">
                <b>{v.customer.name}</b>{' '}
                {!customer && (
                  <button type="button" className="link" onClick={() => set('customer')(null)}>
                    {t('opp.f.customerChange')}
                  </button>
                )}
              </span>
            ) : (
              <SearchBox onOpen={(h) => set('customer')({ id: h.id, name: h.name })} />
            )}
            {errors.customerId && <div className="field-error">{errors.customerId}</div>}
          </div>
        )}
        <SelectField
          label={t('opp.f.source')}
          value={v.source}
          onChange={set('source')}
          options={OPPORTUNITY_SOURCE_CODES.map((c) => ({ value: c, label: t(`opp.source.${c}`) }))}
          error={errors.source}
        />
        {!detail && (
          <SelectField
            label={t('opp.f.stage')}
            value={v.stage}
            onChange={set('stage')}
            options={STAGES.filter((s) => s.code !== 'delivery').map((s) => ({ value: s.code, label: `${locale === 'en' ? s.en : s.zh} ${s.probability}%` }))}
            error={errors.stage}
          />
        )}
        <SelectField
          label={t('opp.f.model')}
          value={v.model}
          onChange={set('model')}
          options={[{ value: '', label: '—' }, ...withCurrent(models, v.model).map((d) => ({ value: d.code, label: dictLabelOf(d, locale) }))]}
          error={errors.model}
        />
        <TextField label={t('opp.f.price')} value={v.price} onChange={set('price')} error={errors.price} inputMode="decimal" maxLength={12} />
        <TextField label={t('opp.f.expectedPurchaseDate')} type="date" value={v.expectedPurchaseDate} onChange={set('expectedPurchaseDate')} error={errors.expectedPurchaseDate} />
      </div>
      {needsNext && <NextActivityFields value={v.next} onChange={set('next')} errors={errors} />}
      {f.stale && detail && (
        <OpportunityStaleNotice
          message={f.stale.message}
          opened={detail}
          current={f.stale.current as OpportunityDetail}
          mine={{ source: v.source, model: opt(v.model), price: v.price.trim() === '' ? null : Number(v.price), expectedPurchaseDate: opt(v.expectedPurchaseDate) }}
        />
      )}
      <FormMessage>{f.message}</FormMessage>
    </Dialog>
  );
}
