// One field that creates something on Enter (a topic, a position, an actor) and empties itself
// only when that worked, so a refused name stays there to be corrected.
interface Props {
  placeholder: string;
  label: string;
  testId?: string;
  autoFocus?: boolean;
  onCreate: (value: string) => Promise<boolean>;
  onCancel?: () => void;
}

export function InlineCreate({ placeholder, label, testId, autoFocus, onCreate, onCancel }: Props) {
  return (
    <form
      class="inline-create"
      onSubmit={async (e) => {
        e.preventDefault();
        const input = (e.currentTarget as HTMLFormElement).elements.namedItem('value') as HTMLInputElement;
        if (input.value.trim() && (await onCreate(input.value))) input.value = '';
      }}
    >
      <input name="value" placeholder={placeholder} aria-label={label} data-testid={testId} autoFocus={autoFocus} onKeyDown={(e) => e.key === 'Escape' && onCancel?.()} />
    </form>
  );
}
