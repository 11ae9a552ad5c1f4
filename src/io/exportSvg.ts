import { arrowsWithReverse } from '../layout/arrowsWithReverse';
import { bentArrow, PAIRED_BEND } from '../layout/bentArrow';
import { type Box, borderPoint, type Side } from '../layout/borderPoint';
import { stepSize } from '../layout/nodeSize';
import { labelArea, labelLines, type MapNode, type ProcessMap } from '../model';
import { CHAR_WIDTH, clampLines, LINE_HEIGHT, wrapLabel } from '../model/wrapLabel';

/** Colours of an exported picture (defaults: the light theme). */
/** How serious a step's worst finding is (the analyzer's severities; io names no analyzer type). */
export type Severity = 'error' | 'warning' | 'info';

export interface SvgColors {
  background: string;
  text: string;
  edge: string;
  fill: Record<MapNode['kind'], string>;
  stroke: Record<MapNode['kind'], string>;
  /** Findings markers, by severity. */
  severity?: Record<Severity, string>;
}

/** What a picture of the map shows besides the map itself (both off: a clean picture). */
export interface PictureOptions {
  /** The worst severity of each step's findings, drawn as the canvas's markers. */
  markers?: ReadonlyMap<string, Severity>;
  /** The map's name as a title above the map. */
  title?: boolean;
}

const SEVERITY_COLORS: Record<Severity, string> = {
  error: '#dc2626',
  warning: '#d97706',
  info: '#2563eb',
};
/** Room the title takes above the map, in px. */
const TITLE_HEIGHT = 44;
const TITLE_SIZE = 20;

export const LIGHT_COLORS: SvgColors = {
  background: '#f8fafc',
  text: '#0f172a',
  edge: '#475569',
  fill: {
    start: '#dcfce7',
    end: '#fee2e2',
    action: '#ffffff',
    decision: '#fef3c7',
    parallel: '#0f766e',
  },
  stroke: {
    start: '#16a34a',
    end: '#dc2626',
    action: '#475569',
    decision: '#d97706',
    parallel: '#0f766e',
  },
};

const PADDING = 40;
const FONT_SIZE = 13;

/** Escapes text for XML content and attribute values: markup in a label stays text. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Strips characters XML 1.0 cannot hold at all (control characters). */
function xmlSafe(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
  return escapeXml(text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, ''));
}

const NORMAL: Record<Side, [number, number]> = {
  top: [0, -1],
  right: [1, 0],
  bottom: [0, 1],
  left: [-1, 0],
};

function round(n: number): number {
  return Math.round(n * 10) / 10;
}

function arrowPath(source: Box, target: Box): { d: string; lx: number; ly: number } {
  if (source === target) {
    const x = source.x + source.width;
    const y1 = source.y + source.height * 0.3;
    const y2 = source.y + source.height * 0.7;
    const d = `M ${round(x)} ${round(y1)} C ${round(x + 60)} ${round(y1 - 30)}, ${round(x + 60)} ${round(y2 + 30)}, ${round(x)} ${round(y2)}`;
    return { d, lx: x + 46, ly: (y1 + y2) / 2 };
  }
  const sc = { x: source.x + source.width / 2, y: source.y + source.height / 2 };
  const tc = { x: target.x + target.width / 2, y: target.y + target.height / 2 };
  const s = borderPoint(source, tc);
  const t = borderPoint(target, sc);
  const reach = Math.max(25, Math.hypot(t.x - s.x, t.y - s.y) * 0.35);
  const [sx, sy] = NORMAL[s.side];
  const [tx, ty] = NORMAL[t.side];
  const c1 = { x: s.x + sx * reach, y: s.y + sy * reach };
  const c2 = { x: t.x + tx * reach, y: t.y + ty * reach };
  const d = `M ${round(s.x)} ${round(s.y)} C ${round(c1.x)} ${round(c1.y)}, ${round(c2.x)} ${round(c2.y)}, ${round(t.x)} ${round(t.y)}`;
  // The middle of the cubic (t = 0.5).
  const lx = (s.x + 3 * c1.x + 3 * c2.x + t.x) / 8;
  const ly = (s.y + 3 * c1.y + 3 * c2.y + t.y) / 8;
  return { d, lx, ly };
}

/** An arrow bowed apart from one running back the other way (as on the canvas). */
function bentPath(source: Box, target: Box): { d: string; lx: number; ly: number } {
  const { d, labelX, labelY } = bentArrow(source, target, PAIRED_BEND);
  return { d, lx: labelX, ly: labelY };
}

function shape(box: Box, colors: SvgColors): string {
  const fill = colors.fill[box.kind];
  const stroke = colors.stroke[box.kind];
  const { x, y, width: w, height: h } = box;
  if (box.kind === 'decision') {
    const points = [
      [x + w / 2, y],
      [x + w, y + h / 2],
      [x + w / 2, y + h],
      [x, y + h / 2],
    ]
      .map(([px, py]) => `${round(px ?? 0)},${round(py ?? 0)}`)
      .join(' ');
    return `<polygon points="${points}" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`;
  }
  const r = box.kind === 'action' ? 8 : h / 2;
  return `<rect x="${round(x)}" y="${round(y)}" width="${w}" height="${h}" rx="${round(r)}" fill="${fill}" stroke="${stroke}" stroke-width="2"/>`;
}

function textBlock(lines: string[], cx: number, cy: number, color: string, extra = ''): string {
  if (lines.length === 0) return '';
  const top = cy - ((lines.length - 1) * LINE_HEIGHT) / 2;
  const spans = lines
    .map(
      (line, i) =>
        `<tspan x="${round(cx)}" y="${round(top + i * LINE_HEIGHT)}">${xmlSafe(line)}</tspan>`,
    )
    .join('');
  return `<text text-anchor="middle" dominant-baseline="central" fill="${color}"${extra}>${spans}</text>`;
}

/** The area a map covers, in map coordinates (an empty map covers a small box at 0,0). */
export function mapBounds(map: ProcessMap): {
  x: number;
  y: number;
  width: number;
  height: number;
} {
  if (map.nodes.length === 0) return { x: 0, y: 0, width: 200, height: 100 };
  let minX = Number.POSITIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (const node of map.nodes) {
    const size = stepSize(node);
    minX = Math.min(minX, node.position.x);
    minY = Math.min(minY, node.position.y);
    // Room on the right for self-loops.
    maxX = Math.max(maxX, node.position.x + size.width + 60);
    maxY = Math.max(maxY, node.position.y + size.height);
  }
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

/**
 * Draws the whole map as a standalone SVG document: shapes by kind, bezier arrows with
 * arrowheads, labels as escaped text. Built from the map, not the DOM, so nothing in a label
 * can become markup or script.
 * @example new Blob([mapToSvg(map)], { type: 'image/svg+xml' })
 */
export function mapToSvg(
  map: ProcessMap,
  colors: SvgColors = LIGHT_COLORS,
  options: PictureOptions = {},
): string {
  const bounds = mapBounds(map);
  const name = map.name.trim();
  const titled = options.title === true && name !== '';
  const top = titled ? TITLE_HEIGHT : 0;
  const titleWidth = titled ? Math.min(name.length, 120) * TITLE_SIZE * 0.6 : 0;
  const width = Math.ceil(Math.max(bounds.width, titleWidth) + 2 * PADDING);
  const height = Math.ceil(bounds.height + 2 * PADDING + top);
  const ox = PADDING - bounds.x;
  const oy = PADDING - bounds.y + top;
  const boxes = new Map<string, Box>();
  for (const node of map.nodes) {
    const size = stepSize(node);
    boxes.set(node.id, {
      x: node.position.x + ox,
      y: node.position.y + oy,
      ...size,
      kind: node.kind,
    });
  }
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="${FONT_SIZE}">`,
    `<title>${xmlSafe(map.name)}</title>`,
    `<defs><marker id="lf-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z" fill="${colors.edge}"/></marker></defs>`,
    `<rect width="100%" height="100%" fill="${colors.background}"/>`,
    ...(titled
      ? [
          `<text class="title" x="${PADDING}" y="${PADDING + TITLE_SIZE / 2}" font-size="${TITLE_SIZE}" font-weight="600" dominant-baseline="central" fill="${colors.text}">${xmlSafe(name.length > 120 ? `${name.slice(0, 119)}…` : name)}</text>`,
        ]
      : []),
    '<g class="edges">',
  ];
  const labels: string[] = [];
  const paired = arrowsWithReverse(map.nodes, map.edges);
  for (const edge of map.edges) {
    const source = boxes.get(edge.source);
    const target = boxes.get(edge.target);
    if (!source || !target) continue;
    const { d, lx, ly } = paired.has(edge.id)
      ? bentPath(source, target)
      : arrowPath(source, edge.source === edge.target ? source : target);
    out.push(
      `<path d="${d}" fill="none" stroke="${colors.edge}" stroke-width="1.6" marker-end="url(#lf-arrow)"/>`,
    );
    const label = edge.label?.trim();
    if (label) {
      const lines = clampLines(wrapLabel(label, 140), 2);
      const w = Math.min(150, Math.max(...lines.map((l) => l.length)) * CHAR_WIDTH + 12);
      const h = lines.length * LINE_HEIGHT + 6;
      labels.push(
        `<rect x="${round(lx - w / 2)}" y="${round(ly - h / 2)}" width="${round(w)}" height="${h}" rx="4" fill="${colors.background}" stroke="${colors.edge}" stroke-width="0.8"/>`,
        textBlock(lines, lx, ly, colors.text, ' font-size="12"'),
      );
    }
  }
  out.push('</g><g class="nodes">');
  for (const node of map.nodes) {
    const box = boxes.get(node.id);
    if (!box) continue;
    // Wrapped and cut as the canvas wraps and cuts it (same sizes, same line count).
    const lines = clampLines(
      wrapLabel(node.label, labelArea(box.kind, box).width),
      labelLines(box.kind, box),
    );
    out.push(
      `<g>${shape(box, colors)}${textBlock(lines, box.x + box.width / 2, box.y + box.height / 2, colors.text)}</g>`,
    );
  }
  out.push('</g><g class="labels">', ...labels, '</g>');
  if (options.markers && options.markers.size > 0) {
    out.push('<g class="markers">');
    const palette = colors.severity ?? SEVERITY_COLORS;
    for (const node of map.nodes) {
      const severity = options.markers.get(node.id);
      const box = boxes.get(node.id);
      if (severity === undefined || !box) continue;
      out.push(marker(box, severity, palette[severity]));
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}

/** The canvas's findings marker on a step: a dot at its top right with "!" or "i". */
function marker(box: Box & { kind: MapNode['kind'] }, severity: Severity, color: string): string {
  // On a diamond the corner is empty: the marker sits inside, as on the canvas.
  const cx = box.kind === 'decision' ? box.x + box.width - 31 : box.x + box.width;
  const cy = box.kind === 'decision' ? box.y + 15 : box.y;
  const r = severity === 'info' ? 7 : 9;
  return `<g class="marker marker-${severity}"><circle cx="${round(cx)}" cy="${round(cy)}" r="${r}" fill="${color}" stroke="#ffffff" stroke-width="1.5"/><text x="${round(cx)}" y="${round(cy)}" text-anchor="middle" dominant-baseline="central" font-size="${r + 3}" font-weight="700" fill="#ffffff">${severity === 'info' ? 'i' : '!'}</text></g>`;
}
