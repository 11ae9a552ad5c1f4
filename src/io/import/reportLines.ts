/**
 * Quotes a label for a report line, shortened, or says it had none.
 * @example quoteName('Check invoice') // "'Check invoice'"
 */
export function quoteName(name: string | undefined): string {
  const text = (name ?? '').replace(/\s+/g, ' ').trim();
  if (text === '') return '(unnamed)';
  return `'${text.length > 40 ? `${text.slice(0, 39)}…` : text}'`;
}

/**
 * "1 text annotation" / "3 text annotations".
 * @example plural(3, 'arrow') // '3 arrows'
 */
export function plural(
  count: number,
  one: string,
  many = one.endsWith('s') ? `${one}es` : `${one}s`,
): string {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Lists up to `max` quoted names, then how many more.
 * @example listNames(['A', 'B', 'C', 'D'], 2) // "'A', 'B' and 2 more"
 */
export function listNames(names: readonly (string | undefined)[], max = 3): string {
  const shown = names.slice(0, max).map(quoteName).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}
