// Chromium's date fields take typing one part at a time (month, then day, then year in an
// American layout), starting from the part the caret is in: a full date typed into the middle
// ("2026-10-15" with the caret on the day) lands scrambled. Every date field of the app also
// accepts the whole date typed in one go, wherever the caret is, in ISO order (YYYY-MM-DD, with
// or without the dashes): the native handling runs as usual, and once the last digit of a full,
// real date is in, the field is set to that date. Picking from the calendar is unchanged.

const FULL_DATE = /^(\d{4})-?(\d{2})-?(\d{2})$/;
/** Keys typed further apart than this start a new date. */
const PAUSE_MS = 2_000;

/** The ISO date a typed sequence spells, if it is a full date that exists on the calendar. */
export function typedDate(typed: string): string | null {
  const match = FULL_DATE.exec(typed);
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  const iso = `${year}-${month}-${day}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) && Number(year) >= 1000 ? iso : null;
}

/** Sets a field's value the way typing would, so React and form libraries see the change. */
function setAsTyped(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

export function acceptTypedDates(): void {
  let field: HTMLInputElement | null = null;
  let typed = '';
  let last = 0;
  document.addEventListener(
    'keydown',
    (event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement) || target.type !== 'date' || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!/^[\d-]$/.test(event.key)) {
        typed = '';
        return;
      }
      if (target !== field || event.timeStamp - last > PAUSE_MS) typed = '';
      field = target;
      last = event.timeStamp;
      typed = (typed + event.key).slice(-10);
      // Also the last 8 digits alone: a date typed after stray digits still counts.
      const iso = typedDate(typed) ?? typedDate(typed.replace(/-/g, '').slice(-8));
      if (!iso) return;
      typed = '';
      // After the browser has applied this key to its part of the field.
      setTimeout(() => {
        if (target.value !== iso) setAsTyped(target, iso);
      }, 0);
    },
    { capture: true },
  );
}
