/**
 * Formats a path into a parsed file as people read it.
 * @example formatIssuePath(['nodes', 3, 'kind']) // 'nodes[3].kind'
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(file)' : out;
}
