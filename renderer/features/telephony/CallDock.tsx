import { CallPanel, RingingPanel } from './CallPanels';
import type { Line, Softphone } from './softphone';
import type { LineInfo } from './softphone-context';

/** The corner of the window with a panel per line: ringing calls (answer holds the current one, decline), then the others. */
export function CallDock({ lines, phone, info, onOpen }: { lines: Line[]; phone: Softphone; info: (l: Line) => LineInfo | undefined; onOpen: (id: number, name: string) => void }) {
  return (
    <div className="tel-dock" aria-live="polite">
      {lines
        .filter((l) => l.state === 'ringing')
        .map((l) => (
          <RingingPanel
            key={l.id}
            line={l}
            lookup={info(l)?.lookup ?? null}
            onAnswer={() => {
              const active = phone.lines.find((x) => x.state === 'connected' && !x.held);
              if (active) void phone.setHold(active, true);
              void phone.answer(l);
            }}
            onDecline={() => void phone.decline(l)}
            onOpen={onOpen}
          />
        ))}
      {lines
        .filter((l) => l.state !== 'ringing')
        .map((l) => (
          <CallPanel key={l.id} line={l} info={info(l)} phone={phone} onOpen={onOpen} />
        ))}
    </div>
  );
}
