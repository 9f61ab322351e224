import { useRef, useState } from 'react';
import type { CustomerCard } from '../../../electron/common/api/customers';
import { call, upload } from '../../api';
import { useI18n } from '../../i18n/react';
import { Button, useToast } from '../../ui';
import { errorText } from '../../ui/errors';

/**
 * The signed consent form's scan or photo on the customer card: 查看 opens it in a new window (a
 * blob of what the server sends, nothing kept in the browser), 上传 attaches a JPG / PNG / PDF and
 * replaces the one before. The server checks the kind and size and who may see the customer.
 */
export function ConsentProof({ card, onChanged }: { card: CustomerCard; onChanged: () => void }) {
  const { t } = useI18n();
  const toast = useToast();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const view = async () => {
    try {
      const f = await call('customers.consentFile.get', { customerId: card.id });
      const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
      const url = URL.createObjectURL(new Blob([bytes], { type: f.mime }));
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      toast.error(errorText(e));
    }
  };

  const attach = async (file: File | undefined) => {
    if (!file) return;
    setBusy(true);
    try {
      await call('customers.consentFile.attach', { customerId: card.id, uploadId: await upload(file) });
      toast.success(t('customer.consentFile.saved'));
      onChanged();
    } catch (e) {
      toast.error(errorText(e));
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }} data-testid="consent-proof">
      {card.consentFile ? (
        <Button size="small" onClick={() => void view()} data-testid="consent-file-view">
          {t('customer.consentFile.view')}
        </Button>
      ) : (
        <span className="muted">{t('customer.consentFile.none')}</span>
      )}
      <Button size="small" busy={busy} onClick={() => input.current?.click()}>
        {card.consentFile ? t('customer.consentFile.replace') : t('customer.consentFile.upload')}
      </Button>
      <input ref={input} type="file" accept="image/jpeg,image/png,application/pdf" hidden data-testid="consent-file-input" aria-label={t('customer.consentFile.upload')} onChange={(e) => void attach(e.target.files?.[0])} />
    </span>
  );
}
