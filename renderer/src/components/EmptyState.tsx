import type { ReactNode } from 'react';

/** An honest empty state: what this place is for and what to do first. */
export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2>{title}</h2>
      <div className="hint">{children}</div>
      {action}
    </section>
  );
}
