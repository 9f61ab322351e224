import type { ReactNode } from 'react';

/**
 * Label / value pairs of a record (the customer card's profile, an opportunity's details and deal);
 * an empty value shows as a muted dash so a missing field reads as missing, not as a layout gap.
 */
export function DetailList({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="card-dl">
      {items.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v === null || v === undefined || v === '' ? <span className="muted">—</span> : v}</dd>
        </div>
      ))}
    </dl>
  );
}
