import { useState, type FormEvent, type ReactNode } from 'react';

export interface FormProps {
  /** Runs on submit (Enter or the submit button); the form is disabled while it runs. */
  onSubmit: () => unknown;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
}

/** A form that submits once at a time and never reloads the page. */
export function Form({ onSubmit, children, className, ...aria }: FormProps) {
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      await onSubmit();
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className={`form${className ? ` ${className}` : ''}`} onSubmit={submit} noValidate aria-busy={busy || undefined} {...aria}>
      <fieldset className="form-body" disabled={busy}>
        {children}
      </fieldset>
    </form>
  );
}

/** A message for the whole form (a refused login, a server error). */
export function FormMessage({ kind = 'error', children }: { kind?: 'error' | 'info'; children: ReactNode }) {
  if (!children) return null;
  return (
    <div className={`form-message form-message-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {children}
    </div>
  );
}

export function FormActions({ children }: { children: ReactNode }) {
  return <div className="form-actions">{children}</div>;
}
