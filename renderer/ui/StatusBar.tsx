import type { ReactNode } from 'react';

/** The strip along the bottom of the main window. Items on the left, `end` items pushed right. */
export function StatusBar({ children, end }: { children: ReactNode; end?: ReactNode }) {
  return (
    <footer className="statusbar" role="contentinfo">
      <div className="statusbar-start">{children}</div>
      {end && <div className="statusbar-end">{end}</div>}
    </footer>
  );
}

export function StatusItem({ children, title, className }: { children: ReactNode; title?: string; className?: string }) {
  return (
    <span className={`status-item${className ? ` ${className}` : ''}`} title={title}>
      {children}
    </span>
  );
}
