// List rows put names side by side ("platform · company", "company · title"); when two are the same
// name the row says it twice ("Meta · Meta"), which reads as a fault and costs a screen reader's time.

const key = (name: string) => name.normalize('NFKC').trim().toLocaleLowerCase();

/** The names given, without empty ones and without a name (ignoring case and spacing) already shown. */
export function distinctNames(names: ReadonlyArray<string | null | undefined>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const name of names) {
    if (!name || !name.trim() || seen.has(key(name))) continue;
    seen.add(key(name));
    out.push(name);
  }
  return out;
}

/** True when two names are the same name as a reader sees it. */
export const sameName = (a: string | null | undefined, b: string | null | undefined): boolean => Boolean(a && b && key(a) === key(b));
