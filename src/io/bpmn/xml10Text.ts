/**
 * Everything XML 1.0 cannot hold: C0 controls other than tab, LF and CR, U+FFFE/U+FFFF, and
 * UTF-16 halves without their partner (`u` flag: a whole pair is one code point).
 */
const NOT_XML_10 = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Makes serialized XML well-formed XML 1.0 whatever the map's text held: drops the
 * characters XML 1.0 cannot hold at all (NUL, BEL, ESC…, lone surrogates) and writes a
 * carriage return as `&#13;`, which readers keep (a raw one they fold into a line end).
 * Our serializer indents with `\n` only, so every `\r` in its output came from the map's text.
 * @example xml10Text('<task name="a\u0007b\rc"/>') // '<task name="ab&#13;c"/>'
 */
export function xml10Text(xml: string): string {
  return xml.replace(NOT_XML_10, '').replace(/\r/g, '&#13;');
}
