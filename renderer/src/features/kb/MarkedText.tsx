import type { ReactNode } from 'react';
import type { MarkedText as MarkedTextValue } from '@shared/api/kb';

/** Text with its matched words in <mark>: built from ranges, so nothing in it is ever parsed as HTML. */
export function MarkedText({ value }: { value: MarkedTextValue }) {
  const parts: ReactNode[] = [];
  let at = 0;
  for (const [start, end] of value.marks) {
    if (start > at) parts.push(value.text.slice(at, start));
    parts.push(<mark key={start}>{value.text.slice(start, end)}</mark>);
    at = end;
  }
  if (at < value.text.length) parts.push(value.text.slice(at));
  return <>{parts}</>;
}
