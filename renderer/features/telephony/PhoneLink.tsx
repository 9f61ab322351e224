import type { ICellRendererParams } from 'ag-grid-community';
import { dialNumber, formatPhone } from '../../../electron/common/phone';
import { useTelT } from './i18n';
import { requestDial } from './dial';

/**
 * A phone number that calls when clicked (click-to-call). Shows the number in the one readable
 * form; masked numbers (138****8000) are shown but cannot be dialled.
 */
export function PhoneLink({ number, display, customerId, taskId }: { number: string; display?: string; customerId?: number; taskId?: number }) {
  const tt = useTelT();
  const shown = display ?? formatPhone(number) ?? number;
  if (number.includes('*')) return <span className="mono">{shown}</span>;
  return (
    <button
      type="button"
      className="link mono phone-link"
      data-testid="phone-link"
      title={tt('link.call', { number: shown })}
      onClick={(e) => {
        e.stopPropagation();
        requestDial({ number: dialNumber(number), customerId, taskId });
      }}
    >
      {shown}
    </button>
  );
}

/** The grid's cell for phone columns (`phone: true` in a data set). */
export function PhoneCell(p: ICellRendererParams) {
  const v = p.valueFormatted ?? (p.value == null ? '' : String(p.value as string));
  if (!v) return null;
  return <PhoneLink number={String(p.value as string)} display={v} />;
}
