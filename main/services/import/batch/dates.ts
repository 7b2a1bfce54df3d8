// The date lines news databases write: "March 3, 2024 Sunday" (Nexis), "3 March 2024" (Factiva),
// "Sunday, March 3, 2024", "03 Mar 2024", "2024-03-03". Read as the calendar day written, never
// through a local-time Date (which moves the day in time zones east of UTC); numeric day/month
// orders ("03/04/2024") are ambiguous and left unread. The result is checked by normaliseDate.
import { normaliseDate } from '../date';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const MONTH = '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const WEEKDAY = '(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|Mon|Tue|Wed|Thu|Fri|Sat|Sun)';

/** Month day, year: "March 3, 2024", "Sunday, March 3, 2024", "March 3, 2024 Sunday 10:15 AM GMT". */
const MONTH_FIRST = new RegExp(`^(?:${WEEKDAY},?\\s+)?${MONTH}\\s+(\\d{1,2}),?\\s+(\\d{4})\\b`, 'i');
/** Day month year: "3 March 2024", "03 Mar 2024", "Sunday 3 March 2024". */
const DAY_FIRST = new RegExp(`^(?:${WEEKDAY},?\\s+)?(\\d{1,2})\\s+${MONTH},?\\s+(\\d{4})\\b`, 'i');
const ISO = /^(\d{4})-(\d{2})-(\d{2})\b/;

/** The calendar day a database's date line names, as YYYY-MM-DD, or null when it names none. */
export function exportDate(line: string | null | undefined): string | null {
  if (!line) return null;
  const v = line.trim();
  const iso = ISO.exec(v);
  if (iso) return normaliseDate(`${iso[1]}-${iso[2]}-${iso[3]}`);
  const mf = MONTH_FIRST.exec(v);
  if (mf) return ymd(+mf[3]!, mf[1]!, +mf[2]!);
  const df = DAY_FIRST.exec(v);
  if (df) return ymd(+df[3]!, df[2]!, +df[1]!);
  return null;
}

function ymd(year: number, monthName: string, day: number): string | null {
  const month = MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1;
  if (month < 1) return null;
  return normaliseDate(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}
