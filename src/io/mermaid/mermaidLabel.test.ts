import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMermaidLabel, escapeMermaidLabel } from './mermaidLabel';

describe('escapeMermaidLabel / decodeMermaidLabel', () => {
  it('escapes quotes, pipes, #, angle brackets, backticks and new lines', () => {
    expect(escapeMermaidLabel('"a" | #1 <b> `c`\nd\te')).toBe(
      '#quot;a#quot; #124; #35;1 #lt;b#gt; #96;c#96;<br>d#9;e',
    );
  });

  it('decodes Mermaid codes, HTML entities and <br>, and leaves unknown codes alone', () => {
    expect(decodeMermaidLabel('#quot;&quot;#35;&#35;#lt;&gt;<br/>#nope;&bogus;', true)).toBe(
      '""##<>\n#nope;&bogus;',
    );
  });

  it('trims unquoted labels, keeps quoted ones and strips markdown backticks', () => {
    expect(decodeMermaidLabel('  a  ', false)).toBe('a');
    expect(decodeMermaidLabel('  a  ', true)).toBe('  a  ');
    expect(decodeMermaidLabel('`**bold**`', true)).toBe('**bold**');
  });

  // 500 random strings: seconds on a loaded 2-core machine, so more than the default 5 s.
  it('reads back any text it escaped', { timeout: 30_000 }, () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        const escaped = escapeMermaidLabel(text);
        expect(escaped).not.toMatch(/["|\n]/);
        expect(decodeMermaidLabel(escaped, true)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });
});
