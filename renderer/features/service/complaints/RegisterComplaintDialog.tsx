import { useEffect, useState } from 'react';
import type { SearchHit, VehicleView } from '../../../../electron/common/api/customers';
import { call } from '../../../api';
import { useI18n } from '../../../i18n/react';
import { Dialog, DialogActions, Form, FormMessage, SelectField, TextField } from '../../../ui';
import { useDictionary } from '../../dictionaries';
import { errorText, fieldErrors, fieldProblems } from '../../../ui/errors';

/** 登记投诉: customer (quick find), vehicle, source, category, description, optional assignee. */
export function RegisterComplaintDialog({ onClose, onSaved }: { onClose: () => void; onSaved: (id: number) => void }) {
  const { t, locale } = useI18n();
  const sources = useDictionary('complaint_source');
  const categories = useDictionary('complaint_category');
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[]>([]);
  const [customer, setCustomer] = useState<SearchHit | null>(null);
  const [vehicles, setVehicles] = useState<VehicleView[]>([]);
  const [vehicleId, setVehicleId] = useState('');
  const [source, setSource] = useState('');
  const [category, setCategory] = useState('');
  const [description, setDescription] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [assignees, setAssignees] = useState<{ id: number; name: string }[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});

  useEffect(() => {
    call('complaints.assignees', {}).then(setAssignees, () => setAssignees([]));
  }, []);
  useEffect(() => {
    if (customer || q.trim().length < 1) return setHits([]);
    let live = true;
    call('customers.search', { q: q.trim(), limit: 8 }).then((h) => live && setHits(h), () => undefined);
    return () => {
      live = false;
    };
  }, [q, customer]);
  useEffect(() => {
    if (!customer) return setVehicles([]);
    call('customers.get', { id: customer.id }).then((c) => setVehicles(c.vehicles), () => setVehicles([]));
  }, [customer]);

  const label = (d: { zh: string; en: string }) => (locale === 'en' ? d.en : d.zh);
  const submit = async () => {
    const missing: Record<string, string> = {};
    if (!customer) missing.customerId = t('cw.required');
    if (!source) missing.source = t('cw.required');
    if (!category) missing.category = t('cw.required');
    if (!description.trim()) missing.description = t('cw.required');
    setFields(missing);
    if (Object.keys(missing).length || !customer) return;
    setBusy(true);
    setError(null);
    try {
      const c = await call('complaints.create', {
        customerId: customer.id,
        vehicleId: vehicleId ? Number(vehicleId) : null,
        source,
        category,
        description,
        assigneeId: assigneeId ? Number(assigneeId) : null,
      });
      onSaved(c.id);
    } catch (e) {
      setError(errorText(e));
      if (fieldProblems(e).length) setFields(fieldErrors(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog title={t('cw.complaint.register')} onClose={onClose} width={560} actions={<DialogActions onCancel={onClose} onSubmit={() => void submit()} submitLabel={t('cw.save')} busy={busy} testId="complaint-save" />}>
      <Form onSubmit={submit}>
        {customer ? (
          <div className="field">
            <span className="field-label">{t('cw.customer')}</span>
            <div>
              <strong data-testid="complaint-customer">{customer.name}</strong> {customer.phone ?? ''}{' '}
              <button type="button" className="link" onClick={() => setCustomer(null)}>
                {t('cw.change')}
              </button>
            </div>
          </div>
        ) : (
          <>
            <TextField label={t('cw.customer')} value={q} onChange={setQ} placeholder={t('cw.customer.find')} error={fields.customerId} data-testid="complaint-customer-q" />
            <ul className="cw-hits">
              {hits.map((h) => (
                <li key={h.id}>
                  <button type="button" className="link" onClick={() => setCustomer(h)} data-testid="complaint-customer-hit">
                    {h.name} {h.phone ?? ''} {h.plate ?? ''}
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
        <SelectField label={t('cw.vehicle')} value={vehicleId} onChange={setVehicleId} options={[{ value: '', label: '—' }, ...vehicles.map((v) => ({ value: String(v.id), label: `${v.plate ?? ''} ${v.vin}` }))]} error={fields.vehicleId} />
        <SelectField label={t('cw.source')} value={source} onChange={setSource} options={[{ value: '', label: '—' }, ...sources.map((d) => ({ value: d.code, label: label(d) }))]} error={fields.source} data-testid="complaint-source" />
        <SelectField label={t('cw.category')} value={category} onChange={setCategory} options={[{ value: '', label: '—' }, ...categories.map((d) => ({ value: d.code, label: label(d) }))]} error={fields.category} data-testid="complaint-category" />
        <TextField label={t('cw.description')} value={description} onChange={setDescription} error={fields.description} data-testid="complaint-description" />
        <SelectField label={t('cw.assignee')} value={assigneeId} onChange={setAssigneeId} options={[{ value: '', label: '—' }, ...assignees.map((a) => ({ value: String(a.id), label: a.name }))]} error={fields.assigneeId} />
        <FormMessage>{error}</FormMessage>
      </Form>
    </Dialog>
  );
}
