const STARTS_WITH_LETTER = /^\p{L}/u;
const LETTERS = /\p{L}/gu;

/**
 * Up to two letters for a person's badge: the initials of the first two words that start
 * with a letter, or the first two letters of a one-word name. Never punctuation.
 *
 * @example personInitials('Maria (VA)') // 'MA'
 * @example personInitials('Virtual assistant') // 'VA'
 */
export function personInitials(name: string): string {
  const words = name.split(/\s+/).filter((w) => STARTS_WITH_LETTER.test(w));
  const letters =
    words.length > 1
      ? `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}`
      : (name.match(LETTERS) ?? []).slice(0, 2).join('');
  return letters.toLocaleUpperCase() || '?';
}
