import { forwardRef, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SearchHit } from '../../electron/common/api/customers';
import { call } from '../api';
import { useI18n } from '../i18n/react';
import { LatestQuery } from './latest-query';
import { nationalDigits, phoneDigits } from '../../electron/common/phone';
import { errorText } from './errors';

/**
 * Marks the fragment inside a value: case-insensitive, full-width input read as half-width (as the
 * server does), spaces ignored when the value has none (粤B 123 in 粤B12345); for phone numbers the
 * digits alone are compared, so 0013 or 138-0013 marks the digits inside "138 0013 8000", and a
 * whole number typed with +86 marks the national number.
 */
export function highlight(value: string, q: string, digitsOnly = false): ReactNode {
  let needle = q.normalize('NFKC').trim();
  if (!needle) return value;
  let start = value.toLowerCase().indexOf(needle.toLowerCase());
  if (start < 0 && !digitsOnly && /\s/.test(needle)) {
    needle = needle.replace(/\s+/g, '');
    start = value.toLowerCase().indexOf(needle.toLowerCase());
  }
  let end = start + needle.length;
  if (start < 0 && digitsOnly) {
    let digits = phoneDigits(needle) ?? '';
    const positions: number[] = [];
    for (let i = 0; i < value.length; i++) if (/\d/.test(value[i] as string)) positions.push(i);
    const valueDigits = positions.map((p) => value[p]).join('');
    // a country code typed in front of a number shown without it (the phone module's rule)
    if (!valueDigits.includes(digits)) digits = nationalDigits(needle, false) ?? '';
    const at = digits ? valueDigits.indexOf(digits) : -1;
    if (at >= 0) {
      // map the match in the digits back onto the formatted value
      start = positions[at] as number;
      end = (positions[at + digits.length - 1] as number) + 1;
    }
  }
  if (start < 0) return value;
  return (
    <>
      {value.slice(0, start)}
      <mark>{value.slice(start, end)}</mark>
      {value.slice(end)}
    </>
  );
}

/** Quick find: answers while typing (customers.search), arrows move in the list, Enter / click opens the card. */
export const SearchBox = forwardRef<HTMLInputElement, { onOpen: (hit: SearchHit) => void; onQueryChange?: (q: string) => void }>(function SearchBox({ onOpen, onQueryChange }, ref) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const [hits, setHits] = useState<SearchHit[] | null>(null);
  const [active, setActive] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // Enter pressed before the hits for the typed text arrived (a quick typist, or hits still showing
  // an earlier prefix): the card opens when the answer for what was typed comes back, never the
  // first hit of a stale list.
  const typed = useRef('');
  const enterPending = useRef(false);
  const [hitsFor, setHitsFor] = useState<string | null>(null);
  const onOpenRef = useRef(onOpen);
  onOpenRef.current = onOpen;
  // One search in flight at a time, the newest text next (see LatestQuery: no debounce pause).
  const [finder] = useState(
    () =>
      new LatestQuery<SearchHit[]>(
        (text) => call('customers.search', { q: text, limit: 20 }),
        (text, r) => {
          setHits(r);
          setHitsFor(text);
          setActive(0);
          setError(null);
          if (enterPending.current && text === typed.current) {
            enterPending.current = false;
            if (r[0]) {
              onOpenRef.current(r[0]);
              setHits(null);
            }
          }
        },
        (_text, e) => {
          enterPending.current = false;
          setError(errorText(e));
        },
      ),
  );

  useEffect(() => {
    const text = q.trim();
    typed.current = text;
    if (!text) {
      setHits(null);
      enterPending.current = false;
    }
    finder.ask(text || null);
  }, [q, finder]);

  const open = (hit: SearchHit | undefined) => {
    if (!hit) return;
    onOpen(hit);
    setHits(null);
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && hits?.length) {
      e.preventDefault();
      setActive((a) => Math.min(hits.length - 1, a + 1));
    } else if (e.key === 'ArrowUp' && hits?.length) {
      e.preventDefault();
      setActive((a) => Math.max(0, a - 1));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (hits && hitsFor === q.trim()) open(hits[active]);
      else if (q.trim()) enterPending.current = true;
    } else if (e.key === 'Escape') setHits(null);
  };

  return (
    <div className="cust-search">
      <input
        ref={ref}
        type="search"
        className="input"
        role="combobox"
        aria-expanded={!!hits}
        aria-controls="cust-search-list"
        aria-label={t('customer.search')}
        placeholder={t('customer.searchPlaceholder')}
        value={q}
        maxLength={100}
        onChange={(e) => {
          setQ(e.target.value);
          onQueryChange?.(e.target.value);
        }}
        onKeyDown={onKey}
        onBlur={() => setTimeout(() => setHits(null), 200)}
      />
      {error && <div className="cust-search-pop muted small">{error}</div>}
      {hits && (
        <ul className="cust-search-pop" id="cust-search-list" role="listbox" aria-label={t('customer.searchResults')}>
          {hits.length === 0 && <li className="muted small">{t('customer.noMatch')}</li>}
          {hits.map((h, i) => (
            <li
              key={h.id}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'is-active' : ''}
              data-testid="search-hit"
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => open(h)}
              onMouseEnter={() => setActive(i)}
            >
              <b>{h.matched === 'name' ? highlight(h.name, q) : h.name}</b>
              <span>{h.phone ? (h.matched === 'phone' ? highlight(h.phone, q, true) : h.phone) : ''}</span>
              <span>{h.plate ? (h.matched === 'plate' ? highlight(h.plate, q) : h.plate) : ''}</span>
              <span className="mono small">{h.vin ? (h.matched === 'vin' ? highlight(h.vin, q) : h.vin) : ''}</span>
              <span className="muted small">{[h.city, h.ownerName].filter(Boolean).join(' · ')}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
