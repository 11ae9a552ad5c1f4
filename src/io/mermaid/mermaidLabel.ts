const ESCAPES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '|': '#124;',
  '`': '#96;',
  '\n': '<br>',
};

const NAMED: Record<string, string> = {
  quot: '"',
  amp: '&',
  lt: '<',
  gt: '>',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * Escapes text for a quoted Mermaid label (`id["…"]`, `-->|"…"|`) with Mermaid's `#…;`
 * entity codes, so any text (quotes, brackets, pipes, `#`, new lines) reads back the same.
 * @example escapeMermaidLabel('Say "hi" | bye') // 'Say #quot;hi#quot; #124; bye'
 */
export function escapeMermaidLabel(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is escaped here.
  return text.replace(/[#"&<>|`\n\u0000-\u0009\u000b-\u001f\u007f]/g, (ch) => {
    return ESCAPES[ch] ?? `#${ch.charCodeAt(0)};`;
  });
}

/**
 * Reads a Mermaid label back to plain text: `<br>` becomes a new line, and Mermaid's
 * `#quot;`/`#35;` codes and HTML's `&quot;`/`&#35;` entities become their characters.
 * Unquoted labels are trimmed, quoted ones kept exactly; a markdown string loses its backticks.
 * @example decodeMermaidLabel('a#quot;b<br>c', true) // 'a"b\nc'
 */
export function decodeMermaidLabel(raw: string, quoted: boolean): string {
  let text = quoted ? raw : raw.trim();
  if (quoted && text.length >= 2 && text.startsWith('`') && text.endsWith('`')) {
    text = text.slice(1, -1);
  }
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/[#&](#?)(\w+);/g, (whole, hash: string, code: string) => {
      if (/^\d+$/.test(code)) {
        const n = Number(code);
        return n <= 0x10ffff ? String.fromCodePoint(n) : whole;
      }
      if (hash === '' && code in NAMED) return NAMED[code] ?? whole;
      return whole;
    });
}
