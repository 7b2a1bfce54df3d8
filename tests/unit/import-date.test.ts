// Publication dates keep the calendar day the source wrote, whatever the machine's time zone, and a
// day/month order that could go either way is not guessed.
import { afterAll, describe, expect, it } from 'vitest';
import { dateWarning, normaliseDate, readDate } from '../../main/services/import/date';

const DAYS: [string, string][] = [
  ['2024-03-03', '2024-03-03'],
  ['20240303', '2024-03-03'],
  ['2024-03-03T00:30:00', '2024-03-03'],
  ['2024-03-03T23:30:00', '2024-03-03'],
  ['2024-03-03 23:30', '2024-03-03'],
  // A timestamp with an offset: the day at that offset, not in UTC (which is 2 March) nor here.
  ['2024-03-03T00:30:00+09:00', '2024-03-03'],
  ['2024-03-03T23:30:00+09:00', '2024-03-03'],
  ['2024-03-03T23:30:00-08:00', '2024-03-03'],
  ['2024-03-03T23:30:00Z', '2024-03-03'],
  ['March 3, 2024', '2024-03-03'],
  ['march 3 2024', '2024-03-03'],
  ['3 March 2024', '2024-03-03'],
  ['Mar. 3, 2024', '2024-03-03'],
  ['Mar 3, 2024', '2024-03-03'],
  ['3 Mar 2024', '2024-03-03'],
  ['Sept. 12, 2024', '2024-09-12'],
  ['Sunday, March 3rd, 2024', '2024-03-03'],
  ['3rd of March 2024', '2024-03-03'],
  ['March 3, 2024, 11:45 p.m. EST', '2024-03-03'],
  ['March 3, 2024 at 10:00', '2024-03-03'],
  ['2024年3月3日', '2024-03-03'],
  ['２０２４年３月３日', '2024-03-03'],
  ['2024年3月3日 23時30分', '2024-03-03'],
  ['2024년 3월 3일', '2024-03-03'],
  ['Sun, 03 Mar 2024 10:00:00 GMT', '2024-03-03'],
  ['Sun, 03 Mar 2024 23:30:00 +0900', '2024-03-03'],
  ['Sun, 03 Mar 2024 23:30:00 -0800', '2024-03-03'],
  ['3 Mar 2024 23:00:00 EST', '2024-03-03'],
  // Feeds get the weekday wrong more often than the date: the date stands.
  ['Mon, 03 Mar 2024 10:00:00 GMT', '2024-03-03'],
  ['2024/03/03', '2024-03-03'],
  ['2024.3.3', '2024-03-03'],
  ['2024-3-3', '2024-03-03'],
  // Day and month told apart by a number over 12, or the same either way.
  ['13/04/2024', '2024-04-13'],
  ['04/13/2024', '2024-04-13'],
  ['03/03/2024', '2024-03-03'],
  ['29.2.24', '2024-02-29'],
];

const AMBIGUOUS: [string, string, string][] = [
  ['03/04/2024', '2024-04-03', '2024-03-04'],
  ['3.4.24', '2024-04-03', '2024-03-04'],
  ['3-4-2024', '2024-04-03', '2024-03-04'],
  ['11/12/2020 10:00', '2020-12-11', '2020-11-12'],
];

const NOT_A_DAY = ['March 2024', 'Spring 2024', 'yesterday', '2024-02-30', '31/31/2024', 'February 30, 2024', '0001-01-01', 'x'.repeat(500)];

function checkAll() {
  for (const [text, date] of DAYS) expect(readDate(text), text).toEqual({ kind: 'day', date });
  for (const [text, dayFirst, monthFirst] of AMBIGUOUS) expect(readDate(text), text).toEqual({ kind: 'ambiguous', text, readings: [dayFirst, monthFirst] });
  for (const text of NOT_A_DAY) expect(readDate(text).kind, text).toBe('unreadable');
}

describe('reading publication dates', () => {
  it('reads each written form as the day it names', () => {
    for (const [text, date] of DAYS) expect(normaliseDate(text), text).toBe(date);
  });

  it('does not guess an order of day and month that could go either way', () => {
    for (const [text, dayFirst, monthFirst] of AMBIGUOUS) {
      const r = readDate(text);
      expect(r, text).toEqual({ kind: 'ambiguous', text, readings: [dayFirst, monthFirst] });
      expect(normaliseDate(text)).toBeNull();
    }
    expect(dateWarning(readDate('03/04/2024'))).toBe('The date “03/04/2024” could be 3 April or 4 March; set it in the article details.');
  });

  it('keeps text that is not a day, cut to a sensible length, and says so', () => {
    for (const text of NOT_A_DAY) expect(readDate(text).kind, text).toBe('unreadable');
    const long = readDate('x'.repeat(500));
    expect(long.kind === 'unreadable' && long.text.length).toBe(100);
    expect(dateWarning(readDate('Spring 2024'))).toBe('The date “Spring 2024” could not be read as a day; set it in the article details.');
    expect(readDate('')).toEqual({ kind: 'none' });
    expect(readDate('   ')).toEqual({ kind: 'none' });
    expect(readDate(null)).toEqual({ kind: 'none' });
    expect(dateWarning(readDate('2024-03-03'))).toBeNull();
  });
});

// Node applies a new process.env.TZ at once: each zone is checked to be in force (its offset on
// 3 March 2024) before every case runs again under it.
describe('the same days in every time zone', () => {
  const original = process.env.TZ;
  afterAll(() => {
    if (original === undefined) delete process.env.TZ;
    else process.env.TZ = original;
  });
  const zones: [string, number][] = [
    ['Asia/Tokyo', -540],
    ['America/Los_Angeles', 480],
    ['Pacific/Kiritimati', -840],
    ['Pacific/Pago_Pago', 660],
    ['UTC', 0],
  ];
  for (const [zone, offset] of zones) {
    it(`in ${zone}`, () => {
      process.env.TZ = zone;
      expect(new Date(2024, 2, 3, 12).getTimezoneOffset()).toBe(offset);
      checkAll();
    });
  }
});
