import type { Suggestion } from './types';

/** A suggestion that may not exist, as a list of none or one. */
export function present(s: Suggestion | null): Suggestion[] {
  return s === null ? [] : [s];
}
