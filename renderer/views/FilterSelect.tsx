// The filter drop-downs of the annotation list, the quote bank and the quotes table: "any" or one
// value, typed (numbers stay numbers).
import { memo } from 'preact/compat';
import { useRef } from 'preact/hooks';
import type { Stance } from '../../shared/model';

interface Props<T extends string | number> {
  label: string;
  anyLabel: string;
  value: T | '' | undefined;
  options: readonly { value: T; label: string }[];
  onChange: (value: T | '') => void;
}

/**
 * Memoised: a table that gets a new page re-renders its toolbar, and a speaker filter of 2,000
 * actors would be compared option by option each time. It draws again only when its label, value
 * or options (keep them in a useMemo) change; `onChange` is always the latest one given.
 */
export const FilterSelect = memo(FilterSelectOf, (a, b) => a.label === b.label && a.anyLabel === b.anyLabel && a.value === b.value && a.options === b.options) as typeof FilterSelectOf;

function FilterSelectOf<T extends string | number>({ label, anyLabel, value, options, onChange }: Props<T>) {
  const latest = useRef(onChange);
  latest.current = onChange;
  return (
    <select
      aria-label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(e) => {
        const raw = (e.currentTarget as HTMLSelectElement).value;
        latest.current(options.find((o) => String(o.value) === raw)?.value ?? '');
      }}
    >
      <option value="">{anyLabel}</option>
      {options.map((o) => (
        <option key={o.value} value={String(o.value)}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** The options for a list of plain values shown as they are (kinds, stances). */
export const plainOptions = <T extends string>(values: readonly T[]) => values.map((v) => ({ value: v, label: v }));

const STANCE_SIGN: Record<Stance, string> = { supports: '+', opposes: '−', neutral: '○' };

/** One coding, "+ claim" in the stance's colour. */
export function CodingTag({ stance, claim }: { stance: Stance; claim: string | undefined }) {
  return (
    <span class={`coding-tag stance-${stance}`}>
      {STANCE_SIGN[stance]} {claim}
    </span>
  );
}
