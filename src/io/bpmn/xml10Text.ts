/**
 * Everything XML 1.0 cannot hold: C0 controls other than tab, LF and CR, U+FFFE/U+FFFF, and
 * UTF-16 halves without their partner (`u` flag: a whole pair is one code point).
 */
const NOT_XML_10 = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/**
 * Stands for a carriage return between {@link xmlText} and {@link xml10Text}. bpmn-moddle
 * writes a raw CR (which XML readers fold into a line end) and turns "\n\r" into one `&#10;`,
 * so a CR must not reach it as itself. U+FFFE cannot be in the text: XML cannot hold it.
 */
const CR = '\uFFFE';

/**
 * A map's text made ready for bpmn-moddle: what XML 1.0 cannot hold (NUL, BEL, ESC…, lone
 * surrogates) is dropped, and a carriage return is marked for {@link xml10Text}.
 * @example xmlText('a\u0007b\rc') // 'ab\uFFFEc'
 */
export function xmlText(text: string): string {
  return text.replace(NOT_XML_10, '').replace(/\r/g, CR);
}

/**
 * The serialized XML as well-formed XML 1.0: each carriage return (marked by {@link xmlText},
 * or raw) written as `&#13;`, which readers keep, and anything else XML cannot hold dropped.
 * @example xml10Text('<task name="a\uFFFEb\u0000"/>') // '<task name="a&#13;b"/>'
 */
export function xml10Text(xml: string): string {
  return xml.replace(/[\r\uFFFE]/g, '&#13;').replace(NOT_XML_10, '');
}
