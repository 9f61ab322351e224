import type { KeyboardEvent, ReactNode } from 'react';

export interface TabItem {
  id: string;
  label: string;
}

export interface TabStripProps {
  tabs: readonly TabItem[];
  activeId: string | null;
  onSelect: (id: string) => void;
  onClose?: (id: string) => void;
  closeLabel?: (tab: TabItem) => string;
  'aria-label'?: string;
}

/** A strip of tabs, each closable (× button, middle click, Ctrl+W / Ctrl+F4 on the tab). */
export function TabStrip({ tabs, activeId, onSelect, onClose, closeLabel, ...aria }: TabStripProps) {
  const onKey = (e: KeyboardEvent, index: number) => {
    const tab = tabs[index];
    if (!tab) return;
    let next: TabItem | undefined;
    if (e.key === 'ArrowRight') next = tabs[(index + 1) % tabs.length];
    else if (e.key === 'ArrowLeft') next = tabs[(index - 1 + tabs.length) % tabs.length];
    else if (onClose && (e.key === 'Delete' || (e.ctrlKey && (e.key === 'w' || e.key === 'F4')))) {
      e.preventDefault();
      onClose(tab.id);
      return;
    }
    if (next) {
      e.preventDefault();
      onSelect(next.id);
      document.getElementById(tabDomId(next.id))?.focus();
    }
  };
  return (
    <div className="tabstrip" role="tablist" {...aria}>
      {tabs.map((tab, i) => {
        const active = tab.id === activeId;
        return (
          <div key={tab.id} className={`tab${active ? ' is-active' : ''}`}>
            <button
              id={tabDomId(tab.id)}
              type="button"
              role="tab"
              className="tab-label"
              aria-selected={active}
              aria-controls={tabPanelDomId(tab.id)}
              tabIndex={active ? 0 : -1}
              onClick={() => onSelect(tab.id)}
              onAuxClick={(e) => {
                if (e.button === 1 && onClose) onClose(tab.id);
              }}
              onKeyDown={(e) => onKey(e, i)}
            >
              {tab.label}
            </button>
            {onClose && (
              <button
                type="button"
                className="tab-close"
                tabIndex={-1}
                aria-label={closeLabel ? closeLabel(tab) : `× ${tab.label}`}
                title={closeLabel ? closeLabel(tab) : undefined}
                onClick={() => onClose(tab.id)}
              >
                ×
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}

export const tabDomId = (id: string) => `tab-${id.replace(/[^\w-]/g, '_')}`;
export const tabPanelDomId = (id: string) => `tabpanel-${id.replace(/[^\w-]/g, '_')}`;

/** The content of one tab; inactive panels stay mounted (their state survives switching) but hidden. */
export function TabPanel({ id, active, children }: { id: string; active: boolean; children: ReactNode }) {
  return (
    <div className="tabpanel" role="tabpanel" id={tabPanelDomId(id)} aria-labelledby={tabDomId(id)} hidden={!active}>
      {children}
    </div>
  );
}
