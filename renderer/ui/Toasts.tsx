import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';

export type ToastKind = 'info' | 'success' | 'error';

interface Toast {
  id: number;
  kind: ToastKind;
  text: string;
}

export interface ToastApi {
  show: (text: string, kind?: ToastKind) => void;
  error: (text: string) => void;
  success: (text: string) => void;
}

const ToastContext = createContext<ToastApi | null>(null);
const LIFETIME_MS: Record<ToastKind, number> = { info: 4000, success: 4000, error: 8000 };

/** Short messages in the bottom-left corner (the bottom right is the softphone's); errors stay longer and can be dismissed. */
export function ToastProvider({ children, dismissLabel = '×' }: { children: ReactNode; dismissLabel?: string }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((x) => x.id !== id)), []);
  const show = useCallback(
    (text: string, kind: ToastKind = 'info') => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-4), { id, kind, text }]);
      setTimeout(() => dismiss(id), LIFETIME_MS[kind]);
    },
    [dismiss],
  );
  const api = useMemo<ToastApi>(() => ({ show, error: (t) => show(t, 'error'), success: (t) => show(t, 'success') }), [show]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((x) => (
          <div key={x.id} className={`toast toast-${x.kind}`} role={x.kind === 'error' ? 'alert' : undefined}>
            <span className="toast-text">{x.text}</span>
            <button type="button" className="toast-dismiss" aria-label={dismissLabel} onClick={() => dismiss(x.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const v = useContext(ToastContext);
  if (!v) throw new Error('useToast() outside <ToastProvider>');
  return v;
}
