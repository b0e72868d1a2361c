// @vitest-environment jsdom
// Date and date-and-time fields take a whole date typed in one go or pasted, in ISO order or the
// user's own day/month order, with a time after it in a date-and-time field; the listeners run on
// real input elements and set the value the form sees.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { acceptTypedDates, fieldValue, monthFirst, parseDateTime } from '../../../renderer/src/app/date-typing';

let locale = 'en-GB';
beforeAll(() => acceptTypedDates(() => locale));
afterEach(() => {
  document.body.innerHTML = '';
  locale = 'en-GB';
});

function field(type: 'date' | 'datetime-local', value = ''): { input: HTMLInputElement; changes: string[] } {
  const input = document.createElement('input');
  input.type = type;
  input.value = value;
  document.body.append(input);
  const changes: string[] = [];
  input.addEventListener('change', () => changes.push(input.value));
  return { input, changes };
}

async function typeInto(input: HTMLInputElement, text: string): Promise<void> {
  for (const key of text) input.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
  await new Promise((resolve) => setTimeout(resolve, 5));
}

function paste(input: HTMLInputElement, text: string): Event {
  const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: { getData(type: string): string } };
  event.clipboardData = { getData: (type) => (type === 'text/plain' ? text : '') };
  input.dispatchEvent(event);
  return event;
}

describe('reading a whole date', () => {
  it('reads ISO dates and times, and day/month in the locale’s order with separators', () => {
    expect(parseDateTime('2026-11-30 14:05', 'en-GB')).toEqual({ date: '2026-11-30', time: '14:05' });
    expect(parseDateTime('2026-11-30T14:05:00', 'en-GB')).toEqual({ date: '2026-11-30', time: '14:05' });
    expect(parseDateTime('30/11/2026', 'en-GB')).toEqual({ date: '2026-11-30', time: null });
    expect(parseDateTime('30.11.2026 9:15', 'de-DE')).toEqual({ date: '2026-11-30', time: '09:15' });
    expect(parseDateTime('01/02/2026', 'en-GB')?.date).toBe('2026-02-01');
    expect(parseDateTime('01/02/2026', 'en-US')?.date).toBe('2026-01-02');
    // A part over 12 is the day whatever the locale.
    expect(parseDateTime('30/11/2026', 'en-US')?.date).toBe('2026-11-30');
    expect(parseDateTime(' 2026-11-30 ', 'en-GB')?.date).toBe('2026-11-30');
  });

  it('refuses days and times that do not exist, and text that is not one date', () => {
    for (const text of ['31/11/2026', '2026-02-29', '2026-11-30 24:00', '2026-11-30 14:60', '2026-11-30 14', '30/11/26', '15102026', 'tomorrow', '2026-11-30 14:05 extra', '']) {
      expect(parseDateTime(text, 'en-GB'), text).toBeNull();
    }
  });

  it('knows which locales write the month first', () => {
    expect(monthFirst('en-US')).toBe(true);
    expect(monthFirst('en-GB')).toBe(false);
    expect(monthFirst('vi-VN')).toBe(false);
  });

  it('keeps a date-and-time field’s time when only a date is given', () => {
    expect(fieldValue('datetime-local', { date: '2026-11-30', time: null }, '2026-01-02T09:30')).toBe('2026-11-30T09:30');
    expect(fieldValue('datetime-local', { date: '2026-11-30', time: null }, '')).toBe('2026-11-30T00:00');
    expect(fieldValue('date', { date: '2026-11-30', time: '14:05' }, '')).toBe('2026-11-30');
  });
});

describe('typing and pasting into the fields', () => {
  it('sets a date-and-time field from a date and time typed in one go', async () => {
    const { input, changes } = field('datetime-local', '2026-01-02T09:30');
    await typeInto(input, '2026-11-30 14:05');
    expect(input.value).toBe('2026-11-30T14:05');
    expect(changes.at(-1)).toBe('2026-11-30T14:05');

    // The space after the date separates it from the time instead of opening the calendar.
    const space = new KeyboardEvent('keydown', { key: ' ', bubbles: true, cancelable: true });
    await typeInto(input, '2026-11-30');
    input.dispatchEvent(space);
    expect(space.defaultPrevented).toBe(true);
  });

  it('sets a date-and-time field from a day-first date, keeping its time', async () => {
    const { input } = field('datetime-local', '2026-01-02T09:30');
    await typeInto(input, '30/11/2026');
    expect(input.value).toBe('2026-11-30T09:30');
  });

  it('sets a date field from a day-first date typed after stray keys, and from ISO digits after stray digits', async () => {
    const { input } = field('date');
    await typeInto(input, '7730/11/2026');
    expect(input.value).toBe('2026-11-30');
    const other = field('date');
    await typeInto(other.input, '7720261130');
    expect(other.input.value).toBe('2026-11-30');
  });

  it('takes a pasted date or date and time, and leaves a paste that is not a date to the browser', () => {
    const when = field('datetime-local', '2026-01-02T09:30');
    const pasted = paste(when.input, '30/11/2026 14:05');
    expect(pasted.defaultPrevented).toBe(true);
    expect(when.input.value).toBe('2026-11-30T14:05');
    expect(when.changes).toEqual(['2026-11-30T14:05']);

    const due = field('date');
    paste(due.input, '2026-11-30T14:05:00');
    expect(due.input.value).toBe('2026-11-30');
    const refused = paste(due.input, '31/11/2026');
    expect(refused.defaultPrevented).toBe(false);
    expect(due.input.value).toBe('2026-11-30');
  });

  it('reads the month first where the user’s locale writes it so', async () => {
    locale = 'en-US';
    const { input } = field('date');
    await typeInto(input, '11/03/2026');
    expect(input.value).toBe('2026-11-03');
  });

  it('leaves fields that are not dates alone', async () => {
    const text = document.createElement('input');
    document.body.append(text);
    const spy = vi.fn();
    text.addEventListener('change', spy);
    await typeInto(text, '2026-11-30');
    expect(spy).not.toHaveBeenCalled();
  });
});
