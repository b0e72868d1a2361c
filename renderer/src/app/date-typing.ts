// Chromium's date and date-and-time fields take typing one part at a time (month, then day, then
// year in an American layout), starting from the part the caret is in: a full date typed into the
// middle ("2026-10-15" with the caret on the day) lands scrambled, and pasting does nothing. Every
// such field of the app also accepts a whole date, typed in one go wherever the caret is or pasted:
// in ISO order (YYYY-MM-DD, dashes optional) or with separators in the user's own order
// ("30/11/2026", "30.11.2026"; month first where the locale writes it so), and in a date-and-time
// field with a time after it ("2026-11-30 14:05"). The native handling runs as usual; once the
// last key of a full, real date is in, the field is set to it. Picking from the calendar is unchanged.
// Where the user's locale counts years in the Buddhist era (Thai), a typed year such as 2569 is that
// era's and is stored as 2026, and the field says so; a year that could be either era by a wide
// margin is refused with an explanation rather than stored 543 years off.
import i18next from 'i18next';
import { userLocale } from '../i18n/locale-format';

const ISO_DATE = /^(\d{4})-?(\d{2})-?(\d{2})$/;
/** Day and month in the locale's order, with a separator that says where each part ends. */
const SEPARATED_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4})$/;
const TIME = /^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$/;
/** Keys typed further apart than this start a new date. */
const PAUSE_MS = 2_000;
/** Enough for "2026-11-30 14:05:59" with a few stray keys before it. */
const BUFFER = 24;
const TYPED_KEY = /^[\d\-/.: T]$/;

export interface TypedDateTime {
  /** YYYY-MM-DD, in the Common Era. */
  date: string;
  /** HH:MM, when a time was given. */
  time: string | null;
  /** The Buddhist-era year as typed, when the date was read in that era. */
  buddhistYear?: number;
}

/** A date whose year could be either era: refused, and the user told why. */
export interface AmbiguousYear {
  ambiguousYear: number;
}

const pad = (n: string) => n.padStart(2, '0');

/** Buddhist-era years run 543 ahead of the Common Era: 2569 BE is 2026 CE. */
const BUDDHIST_ERA_OFFSET = 543;
/** From this year on a Buddhist-era locale reads the year as Buddhist era (2400 BE is 1857 CE). */
const BUDDHIST_FROM = 2400;
/** Up to this year it reads it as Common Era: as a Buddhist-era year it would be 1657 CE or before. */
const COMMON_UNTIL = 2200;

/** Whether the locale counts years in the Buddhist era, as Thai does. */
export function usesBuddhistEra(locale: string): boolean {
  try {
    return new Intl.DateTimeFormat(locale).resolvedOptions().calendar === 'buddhist';
  } catch {
    return false;
  }
}

type YearReading = { year: number; buddhist: boolean } | AmbiguousYear;

/** The Common Era year a typed year stands for in this locale. */
export function readYear(typed: number, locale: string | undefined): YearReading {
  if (!locale || !usesBuddhistEra(locale) || typed <= COMMON_UNTIL) return { year: typed, buddhist: false };
  if (typed >= BUDDHIST_FROM) return { year: typed - BUDDHIST_ERA_OFFSET, buddhist: true };
  return { ambiguousYear: typed };
}

type DateReading = { date: string; buddhistYear?: number } | AmbiguousYear | null;

/** The ISO date for these parts, if that day exists on the calendar (of the year's era in this locale). */
function realDate(yearText: string, month: string, day: string, locale?: string): DateReading {
  const reading = readYear(Number(yearText), locale);
  // Only a day that exists on the calendar is worth asking about.
  if ('ambiguousYear' in reading) return realDate(yearText, month, day) && reading;
  const year = String(reading.year).padStart(4, '0');
  const iso = `${year}-${pad(month)}-${pad(day)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(iso) || reading.year < 1000) return null;
  return reading.buddhist ? { date: iso, buddhistYear: Number(yearText) } : { date: iso };
}

const isoDateReading = (typed: string, locale?: string): DateReading => {
  const match = ISO_DATE.exec(typed);
  if (!match) return null;
  const [, year, month, day] = match as unknown as [string, string, string, string];
  return realDate(year, month, day, locale);
};

/** The ISO date a typed sequence spells in ISO order, if it is a full date that exists on the calendar. */
export function typedDate(typed: string): string | null {
  const reading = isoDateReading(typed);
  return reading && 'date' in reading ? reading.date : null;
}

/** Whether the user's locale writes the month before the day (en-US does; most of the world does not). */
export function monthFirst(locale: string): boolean {
  try {
    const parts = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(Date.UTC(2026, 10, 30)));
    return parts.findIndex((p) => p.type === 'month') < parts.findIndex((p) => p.type === 'day');
  } catch {
    return false;
  }
}

function separatedDate(text: string, locale: string): DateReading {
  const match = SEPARATED_DATE.exec(text);
  if (!match) return null;
  const [, first, , second, year] = match as unknown as [string, string, string, string, string];
  // A part over 12 can only be the day, whatever the locale's order.
  const dayFirst = Number(first) > 12 || (Number(second) <= 12 && !monthFirst(locale));
  return dayFirst ? realDate(year, second, first, locale) : realDate(year, first, second, locale);
}

function typedTime(text: string): string | null {
  const match = TIME.exec(text);
  if (!match) return null;
  const [, hours, minutes] = match as unknown as [string, string, string];
  return Number(hours) <= 23 && Number(minutes) <= 59 ? `${pad(hours)}:${minutes}` : null;
}

/**
 * A whole date, and a time if one follows it, in any of the accepted forms: "2026-11-30",
 * "20261130", "30/11/2026", "2026-11-30 14:05", "2026-11-30T14:05:00", "30/11/2026 14:05".
 * Digits alone are read in ISO order only: typed into the native parts they may be any order.
 */
export function parseDateTime(text: string, locale: string): TypedDateTime | null {
  const reading = readDateTime(text, locale);
  return reading && 'date' in reading ? reading : null;
}

/** As parseDateTime, and says when the year could be either era. */
export function readDateTime(text: string, locale: string): TypedDateTime | AmbiguousYear | null {
  const [datePart = '', timePart, ...rest] = text.trim().split(/[ T]+/);
  if (rest.length > 0) return null;
  const reading = isoDateReading(datePart, locale) ?? separatedDate(datePart, locale);
  if (!reading) return null;
  if (timePart !== undefined && !typedTime(timePart)) return null;
  if ('ambiguousYear' in reading) return reading;
  const time = timePart === undefined ? null : typedTime(timePart);
  return reading.buddhistYear === undefined ? { date: reading.date, time } : { date: reading.date, time, buddhistYear: reading.buddhistYear };
}

/** The value for a field of this type, keeping a date-and-time field's time when only a date was given. */
export function fieldValue(type: 'date' | 'datetime-local', typed: TypedDateTime, current: string): string {
  if (type === 'date') return typed.date;
  const time = typed.time ?? (/T(\d{2}:\d{2})/.exec(current)?.[1] ?? '00:00');
  return `${typed.date}T${time}`;
}

/** The longest end of what was typed that reads as a date (stray keys before it do not count). */
function dateAtEnd(typed: string, locale: string): TypedDateTime | AmbiguousYear | null {
  for (let start = 0; start < typed.length; start++) {
    const found = readDateTime(typed.slice(start), locale);
    if (found) return found;
  }
  // ISO digits typed after stray digits ("77" then "20261130") still count; only when nothing but
  // digits and dashes was typed, so the parts of a day-first date are never read as ISO.
  return /^[\d-]+$/.test(typed) ? readDateTime(typed.replace(/\D/g, '').slice(-8), locale) : null;
}

/**
 * Tells the user how a typed year was read, beside the field (its validity message for a refused
 * year, so the browser shows it and screen readers read it; a status line for a converted one).
 */
function explainYear(input: HTMLInputElement, reading: TypedDateTime | AmbiguousYear): void {
  if ('ambiguousYear' in reading) {
    const year = reading.ambiguousYear;
    const now = new Date().getFullYear() + BUDDHIST_ERA_OFFSET;
    input.setCustomValidity(i18next.t('common:dates.ambiguousYear', { year, common: year - BUDDHIST_ERA_OFFSET, buddhist: year + BUDDHIST_ERA_OFFSET, now }));
    input.reportValidity();
    // Whatever the user does next in the field (typing on, picking a day) answers the question.
    input.addEventListener('input', () => input.setCustomValidity(''), { once: true });
    return;
  }
  input.setCustomValidity('');
  if (reading.buddhistYear === undefined) return;
  const note = i18next.t('common:dates.buddhistYear', { typed: reading.buddhistYear, year: reading.buddhistYear - BUDDHIST_ERA_OFFSET });
  input.title = note;
  eraStatus().textContent = note;
}

/** One polite status line, outside the React tree, for how a typed year was read. */
function eraStatus(): HTMLElement {
  let status = document.getElementById('date-era-status');
  if (!status) {
    status = document.createElement('p');
    status.id = 'date-era-status';
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    document.body.append(status);
  }
  return status;
}

type DateInput = HTMLInputElement & { type: 'date' | 'datetime-local' };
const isDateInput = (target: EventTarget | null): target is DateInput => target instanceof HTMLInputElement && (target.type === 'date' || target.type === 'datetime-local');

/** Sets a field's value the way typing would, so React and form libraries see the change. */
function setAsTyped(input: HTMLInputElement, value: string): void {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/**
 * After Chromium applied a key to the part under the caret: a year typed into the field's own year
 * part is read as a whole typed date's is, so 2569 there is stored as 2026 too, and a year that
 * could be either era puts back the value from before the typing (`settled`).
 */
function readFieldYear(input: DateInput, settled: string, locale: string): void {
  if (!usesBuddhistEra(locale)) return;
  const year = Number(/^(\d{4})-/.exec(input.value)?.[1] ?? 0);
  if (year <= COMMON_UNTIL) return;
  const reading = readDateTime(input.value, locale);
  if (reading && 'date' in reading) {
    explainYear(input, reading);
    setAsTyped(input, fieldValue(input.type, reading, input.value));
    return;
  }
  // Either era, or a day the Buddhist-era year's Common Era year lacks (29 February 2568).
  refuseYear(input, settled, reading ?? { ambiguousYear: year });
}

/** Puts back the value from before the typing, then says why (putting it back clears the message). */
function refuseYear(input: DateInput, settled: string, reading: AmbiguousYear): void {
  if (input.value !== settled) setAsTyped(input, settled);
  explainYear(input, reading);
}

/** `locale` is the interface's (its day/month order and era), not the browser's. */
export function acceptTypedDates(locale: () => string = userLocale): void {
  let field: HTMLInputElement | null = null;
  let typed = '';
  let last = 0;
  /** The field's value when the current typing began: what a refused year goes back to. */
  let settled = '';
  document.addEventListener(
    'keydown',
    (event) => {
      const target = event.target;
      if (!isDateInput(target) || event.ctrlKey || event.metaKey || event.altKey) return;
      if (!TYPED_KEY.test(event.key)) {
        typed = '';
        return;
      }
      if (target !== field || event.timeStamp - last > PAUSE_MS) typed = '';
      if (!typed) settled = target.value;
      // A space between the date and the time would open Chromium's calendar, which then takes
      // the keys of the time; within a date being typed it is only a separator.
      if ((event.key === ' ' || event.key === 'T') && typed) event.preventDefault();
      field = target;
      last = event.timeStamp;
      typed = (typed + event.key).slice(-BUFFER);
      const found = dateAtEnd(typed, locale());
      const before = settled;
      if (!found) {
        setTimeout(() => readFieldYear(target, before, locale()), 0);
        return;
      }
      if ('ambiguousYear' in found) {
        // Chromium has put this key into a part of the field, which may now hold half a date.
        setTimeout(() => refuseYear(target, before, found), 0);
        return;
      }
      explainYear(target, found);
      // A date-and-time field waits for the time that may follow the date; a complete one ends the sequence.
      if (target.type === 'date' || found.time) typed = '';
      // After the browser has applied this key to its part of the field.
      setTimeout(() => {
        const value = fieldValue(target.type, found, target.value);
        if (target.value !== value) setAsTyped(target, value);
      }, 0);
    },
    { capture: true },
  );
  document.addEventListener(
    'paste',
    (event) => {
      const target = event.target;
      if (!isDateInput(target)) return;
      const found = readDateTime(event.clipboardData?.getData('text/plain') ?? '', locale());
      if (!found) return;
      event.preventDefault();
      explainYear(target, found);
      if ('ambiguousYear' in found) return;
      setAsTyped(target, fieldValue(target.type, found, target.value));
    },
    { capture: true },
  );
}
