import fc from 'fast-check';
import { createMap, type MapNode, NODE_KINDS, type ProcessMap } from '../../model';

/** Text full of the characters that break naive quoting: quotes, brackets, pipes, `#`, new lines. */
const awkwardText = (maxLength: number) =>
  fc.oneof(
    fc.string({ maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.string({
      unit: fc.constantFrom(
        ...'"#|[](){};&<>`\n\r\t%:-=.ox \\/é😀'.split(''),
        '<br>',
        '#quot;',
        '&amp;',
        'end',
      ),
      maxLength,
    }),
  );

/** Drops what XML 1.0 cannot hold: most control characters, lone surrogates, U+FFFE/FFFF. */
export function printableOnly(text: string): string {
  return [...text]
    .filter((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      const control = c < 32 && c !== 9 && c !== 10 && c !== 13;
      return !control && !(c >= 0xd800 && c <= 0xdfff) && c !== 0xfffe && c !== 0xffff;
    })
    .join('');
}

/**
 * Any valid map (up to 12 steps and 20 arrows) with awkward ids and labels, for round trips.
 * `printable` keeps labels to printable text (XML cannot hold most control characters).
 */
export function arbitraryMap(options: { printable?: boolean } = {}): fc.Arbitrary<ProcessMap> {
  const text = (max: number) =>
    options.printable ? awkwardText(max).map(printableOnly) : awkwardText(max);
  return fc
    .uniqueArray(fc.string({ minLength: 1, maxLength: 30 }), { minLength: 1, maxLength: 12 })
    .chain((ids) =>
      fc
        .record({
          kinds: fc.array(fc.constantFrom(...NODE_KINDS), {
            minLength: ids.length,
            maxLength: ids.length,
          }),
          labels: fc.array(text(60), { minLength: ids.length, maxLength: ids.length }),
          edges: fc.array(
            fc.record({
              source: fc.nat(ids.length - 1),
              target: fc.nat(ids.length - 1),
              label: fc.option(text(40), { nil: undefined }),
            }),
            { maxLength: 20 },
          ),
          name: text(40),
        })
        .map(({ kinds, labels, edges, name }) => {
          const map = createMap(name);
          map.nodes = ids.map(
            (id, i): MapNode => ({
              id,
              kind: kinds[i] ?? 'action',
              label: labels[i] ?? '',
              position: { x: i * 200, y: i * 120 },
            }),
          );
          map.edges = edges.map((e, i) => ({
            id: `e${i}`,
            source: ids[e.source] ?? ids[0] ?? '',
            target: ids[e.target] ?? ids[0] ?? '',
            ...(e.label === undefined ? {} : { label: e.label }),
          }));
          return map;
        }),
    );
}
