// The list under a typeahead and the briefing's @-mention menu: options with one highlighted, picked
// by mouse without taking focus from the field or the editor the analyst is typing in.
import type { ComponentChildren, JSX } from 'preact';
import type { Option } from './options';

interface Props {
  options: readonly Option[];
  /** The highlighted option's index, or -1. */
  active: number;
  onPick: (index: number) => void;
  class?: string;
  testId?: string;
  style?: JSX.CSSProperties;
  /** Entries after the options (the typeahead's "Create …"). */
  children?: ComponentChildren;
}

export function OptionList({ options, active, onPick, class: extra, testId, style, children }: Props) {
  return (
    <ul class={`typeahead-menu${extra ? ` ${extra}` : ''}`} role="listbox" data-testid={testId} style={style}>
      {options.map((o, i) => (
        <li
          key={o.id}
          role="option"
          aria-selected={i === active}
          class={i === active ? 'active' : ''}
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(i);
          }}
        >
          {o.label}
          {o.hint && <span class="hint"> {o.hint}</span>}
        </li>
      ))}
      {children}
    </ul>
  );
}
