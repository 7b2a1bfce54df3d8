// A text field with suggestions. Enter picks the highlighted suggestion; when nothing matches,
// Enter offers to create what was typed (a new actor, position or topic).
import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Ref } from 'preact';
import { isExactly, rankOptions, type Option } from './options';
import { OptionList } from './OptionList';

export type { Option };

interface Props {
  options: Option[];
  /**
   * What exists but is already chosen (an attached organization, a coded position): a name that
   * matches one of these is never offered for creation, so a half-typed name makes no duplicate.
   */
  taken?: Option[];
  placeholder?: string;
  testId?: string;
  label: string;
  /** What to call the create entry, e.g. "actor". */
  createNoun?: string;
  /** Focus the field when it appears (every time, unlike the `autofocus` attribute). */
  autoFocus?: boolean;
  /** The input element, for a host that moves focus to it later. */
  inputRef?: Ref<HTMLInputElement>;
  initial?: string;
  onPick: (option: Option) => void;
  onCreate?: (text: string) => void;
  onCancel?: () => void;
}

const MAX_SHOWN = 8;

export function Typeahead({ options, taken = [], placeholder, testId, label, createNoun, autoFocus, inputRef, initial = '', onPick, onCreate, onCancel }: Props) {
  const [query, setQuery] = useState(initial);
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  // Whether the arrow keys chose a suggestion: Enter on an empty field picks only what was chosen.
  const [navigated, setNavigated] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  // The `autofocus` attribute is honoured once per document; a form opened a second time would
  // leave the keyboard on <body>. Before paint, so no key typed meanwhile goes elsewhere.
  useLayoutEffect(() => {
    if (autoFocus) input.current?.focus();
  }, []);

  const q = query.trim().toLowerCase();
  const matches = useMemo(() => rankOptions(options, q, MAX_SHOWN), [q, options]);
  const takenMatches = useMemo(() => (q ? rankOptions(taken, q, MAX_SHOWN) : []), [q, taken]);
  const exact = matches.some((o) => isExactly(o, q));
  const canCreate = !!onCreate && !!q && !exact && takenMatches.length === 0;
  const count = matches.length + (canCreate ? 1 : 0);
  // The suggestion Enter would take: none on an empty field until the arrow keys choose one.
  const current = q || navigated ? active : -1;

  const choose = (i: number) => {
    if (i < matches.length) {
      onPick(matches[i]!);
      setQuery('');
    } else if (canCreate) {
      onCreate!(query.trim());
      setQuery('');
    }
    setNavigated(false);
    setOpen(false);
  };

  return (
    <div class="typeahead">
      <input
        ref={(el) => {
          input.current = el;
          if (typeof inputRef === 'function') inputRef(el);
          else if (inputRef) inputRef.current = el;
        }}
        value={query}
        placeholder={placeholder}
        aria-label={label}
        data-testid={testId}
        autoFocus={autoFocus}
        role="combobox"
        aria-expanded={open && count > 0}
        onInput={(e) => {
          setQuery((e.currentTarget as HTMLInputElement).value);
          setActive(0);
          setNavigated(false);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 120)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
            if (navigated || q) setActive((a) => Math.min(count - 1, a + 1));
            setNavigated(true);
          } else if (e.key === 'ArrowUp') {
            e.preventDefault();
            setNavigated(true);
            setActive((a) => Math.max(0, a - 1));
          } else if (e.key === 'Enter') {
            // Empty and nothing chosen: Enter is not a pick, and goes on to the form (which may save).
            if (!q && !navigated) return;
            e.preventDefault();
            if (count) choose(Math.min(active, count - 1));
          } else if (e.key === 'Escape') {
            // Closes the suggestions and goes on to the host, so one Esc leaves a form from any field.
            setOpen(false);
            onCancel?.();
          }
        }}
      />
      {takenMatches.length > 0 && matches.length === 0 && (
        <p class="hint typeahead-taken" data-testid="typeahead-taken" role="status">
          {takenMatches.map((o) => o.label).join(', ')} {takenMatches.length === 1 ? 'is' : 'are'} already here.
        </p>
      )}
      {open && count > 0 && (
        <OptionList options={matches} active={current} onPick={choose}>
          {canCreate && (
            <li
              role="option"
              aria-selected={current === matches.length}
              class={`create ${current === matches.length ? 'active' : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                choose(matches.length);
              }}
            >
              Create {createNoun ?? ''} “{query.trim()}”
            </li>
          )}
        </OptionList>
      )}
    </div>
  );
}
