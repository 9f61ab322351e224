import type { OpportunityDetail, PurchaseIntent } from '../../../../electron/common/api/sales';
import { STAGES, stageIndex, type StageCode } from '../../../../electron/common/stages';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Dialog, FormMessage, SelectField, TextField, DialogActions } from '../../../ui';
import { useDictionary, withCurrent } from '../../dictionaries';
import { defaultNextActivity, dictLabelOf, nextActivityInput, NextActivityFields, useFormState } from './form-bits';
import { localToday } from '../../../../electron/common/dates';
import { OpportunityStaleNotice } from './stale';

/** The version a dialog saves on: the panel's, or the current one a refused stale save brought. */
const versionOf = (stale: { current: unknown } | null, detail: OpportunityDetail): number => ((stale?.current as OpportunityDetail | undefined) ?? detail).version;

/** The notice of a refused stale save, with the current opportunity next to the one the panel showed. */
const Stale = ({ stale, detail, mine }: { stale: { message: string; current: unknown } | null; detail: OpportunityDetail; mine?: Partial<OpportunityDetail> }) =>
  stale ? <OpportunityStaleNotice message={stale.message} opened={detail} current={stale.current as OpportunityDetail} mine={mine} /> : null;

const stageName = (code: string, locale: string) => {
  const s = STAGES.find((x) => x.code === code);
  return s ? (locale === 'en' ? s.en : s.zh) : code;
};

/**
 * A stage move that needs more than a click: moving back (the reason is required) or an
 * opportunity with no planned activity left (the next one is required).
 */
export function StageMoveDialog({ detail, target, onClose, onDone }: { detail: OpportunityDetail; target: StageCode; onClose: () => void; onDone: () => void }) {
  const { t, locale } = useI18n();
  const back = stageIndex(target) < stageIndex(detail.stage);
  const needsNext = detail.activities.planned === 0;
  const f = useFormState({ reason: '', next: defaultNextActivity() });
  const submit = () =>
    f.submit(
      ['reason', 'stage', 'nextActivity', 'nextActivity.type', 'nextActivity.plannedAt', 'nextActivity.subject'],
      async () => {
        await call('opportunities.changeStage', {
          id: detail.id,
          expectedVersion: versionOf(f.stale, detail),
          stage: target,
          ...(back ? { reason: f.v.reason.trim() } : {}),
          ...(needsNext ? { nextActivity: nextActivityInput(f.v.next) } : {}),
        });
        onDone();
      },
      'stage',
    );
  return (
    <Dialog
      title={t(back ? 'opp.stage.backTitle' : 'opp.stage.moveTitle', { from: stageName(detail.stage, locale), to: stageName(target, locale) })}
      onClose={onClose}
      width={560}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('common.ok')} busy={f.busy} testId="opp-stage-confirm" />}
    >
      {back && (
        <div className="field">
          <label className="field-label" htmlFor="opp-stage-reason">
            {t('opp.stage.reason')}
          </label>
          <textarea id="opp-stage-reason" className="opp-textarea" value={f.v.reason} maxLength={500} onChange={(e) => f.set('reason')(e.target.value)} autoFocus />
          {f.errors.reason && <div className="field-error" role="alert">{f.errors.reason}</div>}
        </div>
      )}
      {needsNext && <NextActivityFields value={f.v.next} onChange={f.set('next')} errors={f.errors} />}
      <Stale stale={f.stale} detail={detail} mine={{ stage: target }} />
      <FormMessage>{f.message}</FormMessage>
    </Dialog>
  );
}

const DELIVERY_FIELDS = ['model', 'vin', 'plate', 'price', 'deliveryDate', 'buyerIdNumber'];

/** 递交新车: the delivery form. The deal is saved even when the DMS export then fails (the panel shows the retry). */
export function DeliveryDialog({ detail, onClose, onDone }: { detail: OpportunityDetail; onClose: () => void; onDone: (r: { dmsStatus: string; dmsError: string | null }) => void }) {
  const { t, locale } = useI18n();
  const models = useDictionary('model');
  const f = useFormState({
    model: detail.model ?? '',
    vin: '',
    plate: '',
    price: detail.price != null ? String(detail.price) : '',
    deliveryDate: localToday(),
    buyerIdNumber: detail.customerIdNumber ?? '',
  });
  const { v, set, errors } = f;
  const submit = async () => {
    const local: Record<string, string> = {};
    for (const k of ['model', 'vin', 'price', 'deliveryDate', 'buyerIdNumber'] as const) if (!v[k].trim()) local[k] = t('common.required');
    f.setErrors(local);
    if (Object.keys(local).length) return;
    await f.submit(DELIVERY_FIELDS, async () => {
      const r = await call('opportunities.deliver', {
        id: detail.id,
        expectedVersion: versionOf(f.stale, detail),
        model: v.model,
        vin: v.vin.trim(),
        plate: v.plate.trim() || null,
        price: Number(v.price),
        deliveryDate: v.deliveryDate,
        buyerIdNumber: v.buyerIdNumber.trim(),
      });
      onDone(r);
    });
  };
  return (
    <Dialog
      title={t('opp.deliver.title', { name: detail.customerName })}
      onClose={onClose}
      width={620}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('opp.deliver.save')} busy={f.busy} testId="opp-deliver-save" />}
    >
      <div className="form-grid" data-testid="opp-deliver-form">
        <SelectField
          label={t('opp.f.model')}
          value={v.model}
          onChange={set('model')}
          options={[{ value: '', label: '—' }, ...withCurrent(models, v.model).map((d) => ({ value: d.code, label: dictLabelOf(d, locale) }))]}
          error={errors.model}
        />
        <TextField label="VIN" name="vin" value={v.vin} onChange={set('vin')} error={errors.vin} maxLength={17} autoFocus />
        <TextField label={t('opp.deliver.plate')} name="plate" value={v.plate} onChange={set('plate')} error={errors.plate} maxLength={10} />
        <TextField label={t('opp.f.price')} name="price" value={v.price} onChange={set('price')} error={errors.price} inputMode="decimal" maxLength={12} />
        <TextField label={t('opp.deliver.date')} name="deliveryDate" type="date" value={v.deliveryDate} max={localToday()} onChange={set('deliveryDate')} error={errors.deliveryDate} />
        <TextField
          label={detail.customerKind === 'company' ? t('opp.deliver.uscc') : t('opp.deliver.idNumber')}
          name="buyerIdNumber"
          value={v.buyerIdNumber}
          onChange={set('buyerIdNumber')}
          error={errors.buyerIdNumber}
          maxLength={18}
          hint={t('opp.deliver.idHint')}
        />
      </div>
      <Stale stale={f.stale} detail={detail} mine={{ status: 'won', model: v.model || null, price: v.price.trim() === '' ? null : Number(v.price) }} />
      <FormMessage>{f.message}</FormMessage>
    </Dialog>
  );
}

/** 放弃该机会: reason, competitor brand when a competitor was bought, a note. */
export function AbandonDialog({ detail, onClose, onDone }: { detail: OpportunityDetail; onClose: () => void; onDone: (followUpAt: number) => void }) {
  const { t, locale } = useI18n();
  // The server's list, in its order: every start fills an empty 'abandon_reason' kind with the
  // shipped reasons (ensureReferenceData), and it stores only a code the dictionary offers.
  const reasons = useDictionary('abandon_reason');
  const brands = useDictionary('brand');
  const f = useFormState({ reason: '', competitorBrand: '', note: '' });
  const { v, set, errors } = f;
  const submit = async () => {
    if (!v.reason) {
      f.setErrors({ reason: t('common.required') });
      return;
    }
    await f.submit(['reason', 'competitorBrand'], async () => {
      const r = await call('opportunities.abandon', { id: detail.id, expectedVersion: versionOf(f.stale, detail), reason: v.reason, competitorBrand: v.competitorBrand || null, note: v.note.trim() || null });
      onDone(r.followUpAt);
    });
  };
  return (
    <Dialog
      title={t('opp.abandon.title', { name: detail.customerName })}
      onClose={onClose}
      width={520}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('opp.abandon')} busy={f.busy} variant="danger" testId="opp-abandon-save" />}
    >
      <div className="form-grid" data-testid="opp-abandon-form">
        <SelectField
          label={t('opp.abandon.reason')}
          value={v.reason}
          onChange={set('reason')}
          options={[{ value: '', label: '—' }, ...reasons.map((d) => ({ value: d.code, label: dictLabelOf(d, locale) }))]}
          error={errors.reason}
        />
        {brands.length ? (
          <SelectField
            label={t('opp.abandon.competitor')}
            value={v.competitorBrand}
            onChange={set('competitorBrand')}
            options={[{ value: '', label: '—' }, ...brands.map((d) => ({ value: d.code, label: dictLabelOf(d, locale) }))]}
            error={errors.competitorBrand}
          />
        ) : (
          <TextField label={t('opp.abandon.competitor')} value={v.competitorBrand} onChange={set('competitorBrand')} error={errors.competitorBrand} maxLength={40} />
        )}
        <TextField label={t('opp.abandon.note')} value={v.note} onChange={set('note')} maxLength={500} />
      </div>
      <p className="muted small">{t('opp.abandon.hint')}</p>
      <Stale stale={f.stale} detail={detail} mine={{ status: 'abandoned' }} />
      <FormMessage>{f.message}</FormMessage>
    </Dialog>
  );
}

/** 购车意向: add or edit one of the customer's intents. */
export function IntentDialog({ customerId, opportunityId, intent, onClose, onDone }: { customerId: number; opportunityId: number; intent?: PurchaseIntent; onClose: () => void; onDone: () => void }) {
  const { t, locale } = useI18n();
  const models = useDictionary('model');
  const f = useFormState({
    model: intent?.model ?? '',
    quantity: String(intent?.quantity ?? 1),
    budget: intent?.budget != null ? String(intent.budget) : '',
    expectedDate: intent?.expectedDate ?? '',
    notes: intent?.notes ?? '',
  });
  const { v, set, errors } = f;
  const submit = () =>
    f.submit(['model', 'quantity', 'budget', 'expectedDate', 'notes'], async () => {
      const fields = {
        model: v.model,
        quantity: Math.max(1, Math.round(Number(v.quantity) || 1)),
        budget: v.budget.trim() ? Number(v.budget) : null,
        expectedDate: v.expectedDate || null,
        notes: v.notes.trim() || null,
      };
      if (intent) await call('intents.update', { id: intent.id, patch: fields });
      else await call('intents.create', { customerId, opportunityId, ...fields });
      onDone();
    });
  return (
    <Dialog
      title={t(intent ? 'opp.intent.edit' : 'opp.intent.new')}
      onClose={onClose}
      width={560}
      closeLabel={t('common.close')}
      actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('opp.save')} busy={f.busy} testId="opp-intent-save" />}
    >
      <div className="form-grid">
        <SelectField
          label={t('opp.f.model')}
          value={v.model}
          onChange={set('model')}
          options={[{ value: '', label: '—' }, ...withCurrent(models, v.model).map((d) => ({ value: d.code, label: dictLabelOf(d, locale) }))]}
          error={errors.model}
        />
        <TextField label={t('opp.intent.quantity')} value={v.quantity} onChange={set('quantity')} error={errors.quantity} inputMode="numeric" maxLength={3} />
        <TextField label={t('opp.intent.budget')} value={v.budget} onChange={set('budget')} error={errors.budget} inputMode="decimal" maxLength={12} />
        <TextField label={t('opp.intent.expectedDate')} type="date" value={v.expectedDate} onChange={set('expectedDate')} error={errors.expectedDate} />
        <TextField label={t('opp.intent.notes')} value={v.notes} onChange={set('notes')} error={errors.notes} maxLength={500} />
      </div>
      <FormMessage>{f.message}</FormMessage>
    </Dialog>
  );
}
