import type { GridSelectionQuery } from '../../../electron/common/api/grid';
import type { Headline } from '../../../electron/common/api/analysis-headline';
import type { MonthlyHeadline, MonthlyReport, MonthlySection } from '../../../electron/common/api/analysis-monthly';
import { headlineLabel } from '../../../electron/common/api/analysis-monthly-texts';
import { useI18n, usePrefixedT } from '../../i18n/react';
import { rateText } from './SalesSection';

/** What a click on a figure asks for: its label and the lists it counts. */
export type OpenHeadline = (label: string, drill: GridSelectionQuery[]) => void;

const ARROW = { up: '↑', down: '↓', flat: '→' } as const;

/** A figure in its format; "—" when there is nothing to count. */
export function headlineValueText(v: number | null, format: Headline['format'], t: (k: 'secondsFormat' | 'daysFormat') => string): string {
  if (v === null) return '—';
  if (format === 'rate') return rateText(v);
  // Tenths of a second: a mean ring time moves by less than a second from month to month.
  if (format === 'seconds') return `${(Math.round(v * 10) / 10).toLocaleString()} ${t('secondsFormat')}`;
  if (format === 'days') return `${(Math.round(v * 10) / 10).toLocaleString()} ${t('daysFormat')}`;
  return v.toLocaleString();
}

/** The change against last month: a rate's in percentage points, the others' in %; "—" when there is none. */
export function headlineChangeText(h: Pick<MonthlyHeadline, 'change' | 'format'>, points: string): string {
  if (h.change === null) return '—';
  const n = Math.round(h.change * 1000) / 10;
  const signed = `${n > 0 ? '+' : ''}${n.toLocaleString()}`;
  return h.format === 'rate' ? `${signed} ${points}` : `${signed}%`;
}

/** good / bad / neutral: the arrow's colour (a rise in complaints is bad news). */
const mood = (h: MonthlyHeadline) => (h.direction === 'up' || h.direction === 'down' ? ((h.direction === 'up') === h.higherIsBetter ? 'good' : 'bad') : 'neutral');

function Tile({ topic, h, open }: { topic: MonthlySection['topic']; h: MonthlyHeadline; open?: OpenHeadline }) {
  const { locale } = useI18n();
  const m = usePrefixedT('anm.');
  const s = usePrefixedT('anms.');
  const label = headlineLabel(topic, h.key, locale);
  const value = headlineValueText(h.value, h.format, m);
  const id = `${topic}-${h.key}`;
  return (
    <div className="monthly-tile" data-testid={`tile-${id}`}>
      <div className="monthly-tile-label">{label}</div>
      <div className="monthly-tile-value">
        {open && h.value !== null && h.drill.length > 0 ? (
          <button type="button" className="link-button monthly-link" data-testid={`value-${id}`} title={s('drill.list')} onClick={() => open(label, h.drill)}>
            {value}
          </button>
        ) : (
          <span data-testid={`value-${id}`}>{value}</span>
        )}
      </div>
      <div className={`monthly-tile-change is-${mood(h)}`} data-testid={`change-${id}`}>
        {h.direction ? ARROW[h.direction] : '—'} {headlineChangeText(h, m('pointsFormat'))}
      </div>
      <div className="monthly-tile-previous">{s('previous', { value: headlineValueText(h.previous, h.format, m) })}</div>
    </div>
  );
}

/**
 * The report's sections as cards of headline tiles: value, the arrow against last month coloured by
 * whether that is good news, and last month's figure. With `open` every value is a link to its
 * records (the screen); without it the same page is plain text (the print copy).
 */
export function MonthlyReportView({ report, open }: { report: MonthlyReport; open?: OpenHeadline }) {
  const m = usePrefixedT('anm.');
  return (
    <div className="monthly-sections">
      {report.sections.map((sec) => (
        <section key={sec.topic} className="monthly-section" data-testid={`section-${sec.topic}`}>
          <h3>{m(`section.${sec.topic}`)}</h3>
          <div className="monthly-tiles">
            {sec.headlines.map((h) => (
              <Tile key={h.key} topic={sec.topic} h={h} open={open} />
            ))}
          </div>
        </section>
      ))}
      <p className="hint monthly-note">{m('note')}</p>
    </div>
  );
}
