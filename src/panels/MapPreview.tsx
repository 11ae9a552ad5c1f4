import type { MapPreview as Preview } from '../persistence';

const KINDS = ['start', 'end', 'action', 'decision', 'parallel'] as const;
const HALF = {
  start: [7, 3.5],
  end: [7, 3.5],
  action: [8, 4.5],
  decision: [6, 6],
  parallel: [6, 1.5],
} as const;

function shapePath(preview: Preview, kind: (typeof KINDS)[number]): string {
  const [w, h] = HALF[kind];
  return preview.nodes
    .filter((n) => n.kind === kind)
    .map(({ x, y }) =>
      kind === 'decision'
        ? `M${x} ${y - h}L${x + w} ${y}L${x} ${y + h}L${x - w} ${y}Z`
        : `M${x - w} ${y - h}h${2 * w}v${2 * h}h${-2 * w}Z`,
    )
    .join('');
}

/** A small drawing of a map (boxes and lines, no labels) from its stored preview. */
export function MapPreview({ preview }: { preview: Preview }) {
  const edges = preview.edges
    .map(([a, b]) => {
      const from = preview.nodes[a];
      const to = preview.nodes[b];
      return from && to ? `M${from.x} ${from.y}L${to.x} ${to.y}` : '';
    })
    .join('');
  return (
    <svg
      className="lf-map-preview"
      viewBox={`0 0 ${preview.width} ${preview.height}`}
      width={preview.width}
      height={preview.height}
      aria-hidden="true"
    >
      <path d={edges} className="lf-map-preview__edge" />
      {KINDS.map((kind) => (
        <path
          key={kind}
          d={shapePath(preview, kind)}
          className={`lf-map-preview__node is-${kind}`}
        />
      ))}
    </svg>
  );
}
