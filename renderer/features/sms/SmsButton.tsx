import { useState } from 'react';
import { Button } from '../../ui';
import { useSessionInfo } from '../auth';
import { useSmsT } from './messages';
import { SmsSendDialog, type SmsAudience } from './SmsSendDialog';

/**
 * 发短信 for a grid toolbar (the selected rows or "all N matching") or a customer card (one
 * customer). Shown with the 'sms.send' permission; the server checks it again.
 */
export function SmsButton({ audience, onDone, size }: { audience: SmsAudience; onDone?: () => void; size?: 'small' }) {
  const st = useSmsT();
  const session = useSessionInfo();
  const [open, setOpen] = useState(false);
  if (!session.permissions.includes('sms.send')) return null;
  return (
    <>
      <Button size={size} onClick={() => setOpen(true)} disabled={audience.count === 0} data-testid="sms-button">
        {st('button')}
      </Button>
      {open && (
        <SmsSendDialog
          audience={audience}
          onClose={() => {
            setOpen(false);
            onDone?.();
          }}
        />
      )}
    </>
  );
}
