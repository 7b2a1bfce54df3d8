// Publication dates as sources write them, read by explicit formats with luxon. Every parse names
// its zone (UTC, or the offset the text itself carries), never the machine's: the day returned is
// the calendar day the source wrote, or for a timestamp with an offset the day at that offset, in
// Tokyo as in Los Angeles. A numeric date whose day and month could be swapped (03/04/2024) is not
// guessed: it comes back as ambiguous, with both readings, for the analyst to settle.
//
// Why luxon: parsing in a given zone and keeping an ISO timestamp's own offset (`setZone`) are
// built in, as are RFC 2822 (feeds) and strict whole-string format matching. date-fns' `parse`
// builds local-time Dates, the very trap this file exists to avoid, and keeps no offsets without
// an add-on; dayjs needs three plugins for the same and its strict mode has known gaps.
import type { DateTime as LuxonDateTime } from 'luxon';
import { loadOnFirstUse } from '../../load-on-first-use';

// Loaded on the first date read, not when a command starts (`verbatim list` never reads one).
let luxon: typeof LuxonDateTime | null = null;
const dateTime = (): typeof LuxonDateTime => (luxon ??= loadOnFirstUse<typeof import('luxon')>('luxon').DateTime);

export type DateReading =
  /** One day, as YYYY-MM-DD. */
  | { kind: 'day'; date: string }
  /** Day and month could be either way round: both readings as YYYY-MM-DD, day-first first. */
  | { kind: 'ambiguous'; text: string; readings: readonly [string, string] }
  /** Text that is there but is not a day (a month, a season, a typo). */
  | { kind: 'unreadable'; text: string }
  | { kind: 'none' };

const UTC = { zone: 'utc', locale: 'en-US' } as const;
/** Longer than any way of writing a date; kept text is cut here. */
const MAX_TEXT = 100;
const MIN_YEAR = 1800;
const MAX_YEAR = 2200;

/** What a source's date text says: a day, an ambiguous day, or text that is not a day. */
export function readDate(value: string | null | undefined): DateReading {
  if (value == null) return { kind: 'none' };
  // NFKC: full-width digits (２０２４年３月３日) and odd spaces become plain ones.
  const v = value.normalize('NFKC').replace(/\s+/g, ' ').trim();
  if (!v) return { kind: 'none' };
  const text = v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT - 1)}…` : v;
  if (v.length > MAX_TEXT) return { kind: 'unreadable', text };
  const numeric = dayOrMonthFirst(v);
  if (numeric) return numeric.length === 2 ? { kind: 'ambiguous', text, readings: numeric } : { kind: 'day', date: numeric[0] };
  const date = iso(v) ?? rfc2822(v) ?? yearFirst(v) ?? eastAsian(v) ?? monthName(v);
  return date ? { kind: 'day', date } : { kind: 'unreadable', text };
}

/** YYYY-MM-DD when the text is one day, else null (HTML metadata, which tries several sources in turn). */
export function normaliseDate(value: string | null | undefined): string | null {
  const r = readDate(value);
  return r.kind === 'day' ? r.date : null;
}

/** What the import result says about a date it could not settle; null when there is nothing to say. */
export function dateWarning(r: DateReading): string | null {
  if (r.kind === 'ambiguous') {
    const [dayFirst, monthFirst] = r.readings.map((d) => dateTime().fromISO(d, UTC).setLocale('en-GB').toFormat('d MMMM'));
    return `The date “${r.text}” could be ${dayFirst} or ${monthFirst}; set it in the article details.`;
  }
  if (r.kind === 'unreadable') return `The date “${r.text}” could not be read as a day; set it in the article details.`;
  return null;
}

function day(d: LuxonDateTime): string | null {
  return d.isValid && d.year >= MIN_YEAR && d.year <= MAX_YEAR ? d.toISODate() : null;
}

/** The formats tried in turn; the first that matches the whole text wins. */
function firstOf(v: string, formats: readonly string[]): string | null {
  for (const f of formats) {
    const d = day(dateTime().fromFormat(v, f, UTC));
    if (d) return d;
  }
  return null;
}

/** A clock time after the date ("… 10:00", "… at 10:00 a.m. EST") says nothing about the day as written. */
const trailingTime = /(?:,? (?:at )?\d{1,2}[:.]\d{2}\b.*| \d{1,2} ?[ap]\.?m\.?\b.*)$/i;

/**
 * ISO 8601 dates and timestamps (also compact, 20240303, and with a space for the T): the offset
 * written, if any, decides the day (`setZone`); without one the time is the source's own, so UTC
 * stands in for it and the written day stays.
 */
function iso(v: string): string | null {
  if (!/^\d{4}-?\d{2}-?\d{2}(?:$|[T ]\d)/.test(v)) return null;
  return day(dateTime().fromISO(v.replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T'), { ...UTC, setZone: true }));
}

/** Feeds (RSS pubDate) and mail headers; a weekday that disagrees with the date is dropped, not the date. */
function rfc2822(v: string): string | null {
  if (!/\d{1,2} [A-Za-z]{3} \d{2,4} \d{2}:\d{2}/.test(v)) return null;
  return (
    day(dateTime().fromRFC2822(v, { setZone: true })) ??
    day(dateTime().fromRFC2822(v.replace(/^[A-Za-z]{3}, ?/, ''), { setZone: true })) ??
    day(dateTime().fromHTTP(v, { setZone: true }))
  );
}

/** 2024/03/03, 2024.3.3, 2024-3-3: year first is always year, month, day. */
function yearFirst(v: string): string | null {
  const m = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})\.?$/.exec(v.replace(trailingTime, ''));
  return m ? firstOf(`${m[1]}/${m[2]}/${m[3]}`, ['yyyy/M/d']) : null;
}

/** 2024年3月3日 (Japanese, Chinese), 2024년 3월 3일 (Korean), with anything after the day dropped. */
function eastAsian(v: string): string | null {
  const m = /^\d{4} ?[年년] ?\d{1,2} ?[月월] ?\d{1,2} ?[日일]/.exec(v);
  return m ? firstOf(m[0].replace(/ /g, ''), ["yyyy'年'M'月'd'日'", "yyyy'년'M'월'd'일'"]) : null;
}

/**
 * English month names: "March 3, 2024", "3 March 2024", "Mar. 3, 2024", "Sunday, 3rd of March
 * 2024", "Sept. 3, 2024, 10:00 a.m.". Punctuation, weekdays, ordinals and a trailing time go first,
 * then a handful of strict formats.
 */
function monthName(v: string): string | null {
  if (!/[A-Za-z]{3}/.test(v)) return null;
  const plain = v
    .replace(trailingTime, '')
    .replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,? /i, '')
    .replace(/(\d)(?:st|nd|rd|th)\b/gi, '$1')
    .replace(/\bof\b/gi, ' ')
    .replace(/\bsept\b/gi, 'Sep')
    .replace(/[,.]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return firstOf(plain, ['MMMM d yyyy', 'MMM d yyyy', 'd MMMM yyyy', 'd MMM yyyy']);
}

/**
 * 03/04/2024, 3.4.24, 03-04-2024: day first or month first, both tried. One reading: the day.
 * Two that differ (neither number above 12): ambiguous. Null when the text is not of this shape.
 */
function dayOrMonthFirst(v: string): [string] | [string, string] | null {
  const m = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})\.?$/.exec(v.replace(trailingTime, ''));
  if (!m) return null;
  const [, a, sep, b, y] = m;
  const year = y!.length === 2 ? 'yy' : 'yyyy';
  const text = `${a}${sep}${b}${sep}${y}`;
  const dayFirst = firstOf(text, [`d'${sep}'M'${sep}'${year}`]);
  const monthFirst = firstOf(text, [`M'${sep}'d'${sep}'${year}`]);
  if (dayFirst && monthFirst && dayFirst !== monthFirst) return [dayFirst, monthFirst];
  const one = dayFirst ?? monthFirst;
  // Neither reading is a day (31/31/2024): not a date; the caller reports the text as unreadable.
  return one ? [one] : null;
}
