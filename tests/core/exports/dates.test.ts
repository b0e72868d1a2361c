// Dates in exports and reports are written for the reader, in their locale, never as ISO stamps:
// a calendar day stays the same day in every time zone, and a system that names no language gets
// day-month-year English.
import { describe, expect, it } from 'vitest';
import { displayDate, displayDateTime, exportLocale } from '../../../electron/core/exports/document';

describe('dates in exports', () => {
  it('writes days and moments in the given locale, with no ISO timestamp', () => {
    expect(displayDate('2026-11-20', 'en-GB')).toBe('20 November 2026');
    expect(displayDate('2026-11-20', 'vi')).toBe('20 tháng 11, 2026');
    expect(displayDate('2026-11-20', 'id')).toBe('20 November 2026');
    expect(displayDate('2026-11-20', 'th')).toContain('พฤศจิกายน');
    expect(displayDateTime('2026-11-28T12:32:00.000Z', 'en-GB')).toBe('28 November 2026 at 12:32 UTC');
    for (const locale of ['en-GB', 'en-US', 'vi', 'th', 'zh-CN', 'my', 'km']) {
      expect(displayDateTime('2026-11-28T12:32:00.000Z', locale)).not.toMatch(/\d{4}-\d{2}-\d{2}|T\d{2}:/);
    }
  });

  it('keeps a calendar day on its day in every time zone', () => {
    // Read as a moment, midnight UTC is the evening before west of Greenwich.
    expect(displayDate('2026-06-01', 'en-US')).toBe('June 1, 2026');
  });

  it('follows the system locale, and writes day-month-year English where the system names no language', () => {
    expect(exportLocale({ LANG: 'vi_VN.UTF-8' }, 'vi-VN')).toBe('vi-VN');
    expect(exportLocale({ LANG: 'C.UTF-8' }, 'en-US')).toBe('en-GB');
    expect(exportLocale({ LC_ALL: 'POSIX' }, 'en-US')).toBe('en-GB');
    expect(exportLocale({}, 'th-TH')).toBe('th-TH');
  });
});
