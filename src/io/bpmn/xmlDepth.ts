/**
 * One piece of XML markup: a comment, CDATA, a processing instruction or declaration, or a
 * tag (its attribute values may hold `>`). Each alternative starts differently, so the scan
 * is linear in the length of the text.
 */
const MARKUP =
  /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<[?!][^>]*>|<(\/?)[^\s/>]+(?:[^>"']|"[^"]*"|'[^']*')*>/g;

/**
 * How deeply the elements of an XML text nest, read without building anything (so it cannot
 * run out of stack however deep the file is). Stops counting once `limit` is passed.
 * @example xmlDepth('<a><b/><c><d/></c></a>') // 3
 */
export function xmlDepth(xml: string, limit = Number.POSITIVE_INFINITY): number {
  let depth = 0;
  let deepest = 0;
  MARKUP.lastIndex = 0;
  for (let m = MARKUP.exec(xml); m !== null; m = MARKUP.exec(xml)) {
    const tag = m[0];
    if (tag.startsWith('<!') || tag.startsWith('<?')) continue;
    if (m[1] === '/') {
      depth -= 1;
      continue;
    }
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) break;
    if (!tag.endsWith('/>')) depth += 1;
  }
  return deepest;
}
