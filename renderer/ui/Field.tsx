import { forwardRef, useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  children: ReactNode;
}

/** Label above, control, then either the error (red, announced) or a hint. */
function FieldFrame({ id, label, error, hint, children }: FieldFrameProps) {
  return (
    <div className={`field${error ? ' has-error' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children}
      {error ? (
        <div className="field-error" id={`${id}-msg`} role="alert">
          {error}
        </div>
      ) : hint ? (
        <div className="field-hint" id={`${id}-msg`}>
          {hint}
        </div>
      ) : null}
    </div>
  );
}

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value'> {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
  hint?: ReactNode;
}

export const TextField = forwardRef<HTMLInputElement, TextFieldProps>(function TextField(
  { label, value, onChange, error, hint, id, type = 'text', className, ...rest },
  ref,
) {
  const autoId = useId();
  const fieldId = id ?? `f${autoId}`;
  return (
    <FieldFrame id={fieldId} label={label} error={error} hint={hint}>
      <input
        {...rest}
        ref={ref}
        id={fieldId}
        type={type}
        className={`input${className ? ` ${className}` : ''}`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error || hint ? `${fieldId}-msg` : undefined}
      />
    </FieldFrame>
  );
});

/** A password input: never autocompleted into other fields, never spell-checked. */
export const PasswordField = forwardRef<HTMLInputElement, Omit<TextFieldProps, 'type'>>(function PasswordField(props, ref) {
  return <TextField autoComplete="current-password" spellCheck={false} {...props} ref={ref} type="password" />;
});

export interface SelectFieldProps<V extends string> extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value'> {
  label: ReactNode;
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
  error?: string | null;
  hint?: ReactNode;
}

export function SelectField<V extends string>({ label, value, onChange, options, error, hint, id, ...rest }: SelectFieldProps<V>) {
  const autoId = useId();
  const fieldId = id ?? `f${autoId}`;
  return (
    <FieldFrame id={fieldId} label={label} error={error} hint={hint}>
      <select
        {...rest}
        id={fieldId}
        className="input"
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        aria-invalid={error ? true : undefined}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}
