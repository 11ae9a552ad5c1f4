/** Rough width of one character of a 13 px label, for wrapping without a DOM to measure. */
export const CHAR_WIDTH = 7.2;
/** The height of one line of a 13 px label. */
export const LINE_HEIGHT = 16;

/**
 * A label broken into the lines it takes in a box `width` px wide: at spaces, at its own
 * line breaks, and inside words longer than a line (as CSS `word-break: break-word`).
 * @example wrapLabel('Send the welcome pack', 80) // ['Send the', 'welcome', 'pack']
 */
export function wrapLabel(label: string, width: number): string[] {
  const perLine = Math.max(4, Math.floor(width / CHAR_WIDTH));
  const lines: string[] = [];
  for (const paragraph of label.trim().split(/\r\n|\r|\n/)) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      for (let rest = word; rest.length > 0; ) {
        const room = line === '' ? perLine : perLine - line.length - 1;
        if (rest.length <= room) {
          line = line === '' ? rest : `${line} ${rest}`;
          rest = '';
        } else if (line !== '') {
          lines.push(line);
          line = '';
        } else {
          lines.push(rest.slice(0, perLine));
          rest = rest.slice(perLine);
        }
      }
    }
    lines.push(line);
  }
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/**
 * The first `maxLines` lines, the last ending in "…" when some are left out.
 * @example clampLines(['a', 'b', 'c'], 2) // ['a', 'b…']
 */
export function clampLines(lines: readonly string[], maxLines: number): string[] {
  if (lines.length <= maxLines) return [...lines];
  const kept = lines.slice(0, Math.max(1, maxLines));
  const last = kept.length - 1;
  kept[last] = `${kept[last]!.replace(/.$/, '')}…`;
  return kept;
}
