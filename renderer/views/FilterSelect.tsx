// The filter drop-downs of the annotation list, the quote bank and the quotes table: "any" or one
// value, typed (numbers stay numbers).
import type { Stance } from '../../shared/model';

interface Props<T extends string | number> {
  label: string;
  anyLabel: string;
  value: T | '' | undefined;
  options: readonly { value: T; label: string }[];
  onChange: (value: T | '') => void;
}

export function FilterSelect<T extends string | number>({ label, anyLabel, value, options, onChange }: Props<T>) {
  return (
    <select
      aria-label={label}
      value={value === undefined ? '' : String(value)}
      onChange={(e) => {
        const raw = (e.currentTarget as HTMLSelectElement).value;
        onChange(options.find((o) => String(o.value) === raw)?.value ?? '');
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
