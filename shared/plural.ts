// "1 position", "3 annotations": counts as an analyst would write them, never "annotation(s)".

/** The count and the noun, the noun in the plural unless the count is one. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? singular : pluralForm}`;
}
