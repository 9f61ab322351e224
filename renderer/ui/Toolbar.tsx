import type { ReactNode } from 'react';

/** The row above a screen's content: title on the left, actions on the right. */
export function Toolbar({ title, children, info }: { title?: ReactNode; info?: ReactNode; children?: ReactNode }) {
  return (
    <div className="toolbar">
      {title && <h2 className="toolbar-title">{title}</h2>}
      {info && <span className="toolbar-info">{info}</span>}
      <div className="toolbar-actions">{children}</div>
    </div>
  );
}
