import type { Finding } from '../analyzer';

type Marked = Pick<Finding<string>, 'rule' | 'severity' | 'message'>;

/**
 * True when two lists of findings read the same on a marker: the same rule, severity and
 * message, in the same order (ids and fixes are not shown there).
 * @example sameMarkers([{ rule: 'dead-end', severity: 'error', message: 'm' }], [...same]) // true
 */
export function sameMarkers(
  a: readonly Marked[] | undefined,
  b: readonly Marked[] | undefined,
): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x?.rule !== y?.rule || x?.severity !== y?.severity || x?.message !== y?.message) {
      return false;
    }
  }
  return true;
}
