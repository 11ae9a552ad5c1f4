import type { Node, Rect } from '@xyflow/react';
import { drawSimpleMap } from '../../canvas/lod/drawSimpleMap';
import { buildSimpleScene } from '../../canvas/lod/simpleScene';
import { downloadBlob } from '../../io/downloadBlob';
import { mapFileName } from '../../io/exportJson';
import { pngWithMap, renderCanvasPng, renderDrawnPng, renderSvgPng } from '../../io/exportPng';
import { LIGHT_COLORS, mapBounds, mapToSvg, type SvgColors } from '../../io/exportSvg';
import { leverageSummary } from '../../leverage/leverageSummary';
import type { ProcessMap } from '../../model';
import { pictureDrawing, SIMPLE_PICTURE_NOTICE } from './pictureDrawing';

/** The export colours of the current theme, read from the app's CSS variables. */
export function themeColors(): SvgColors {
  const app = document.querySelector('.lf-app');
  if (!app) return LIGHT_COLORS;
  const style = getComputedStyle(app);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  const kinds = ['start', 'end', 'action', 'decision'] as const;
  return {
    background: read('--lf-bg', LIGHT_COLORS.background),
    text: read('--lf-text', LIGHT_COLORS.text),
    edge: read('--lf-edge', LIGHT_COLORS.edge),
    fill: Object.fromEntries(
      kinds.map((k) => [k, read(`--lf-${k}`, LIGHT_COLORS.fill[k])]),
    ) as SvgColors['fill'], // built from the four kinds above
    stroke: Object.fromEntries(
      kinds.map((k) => [k, read(`--lf-${k}-border`, LIGHT_COLORS.stroke[k])]),
    ) as SvgColors['stroke'], // built from the four kinds above
  };
}

/**
 * Downloads the map file, with the leverage figures (hours, cost per case, hand-off list)
 * under a `leverage` key for people who read the file; re-importing ignores that key.
 */
export function exportJson(map: ProcessMap): void {
  const text = `${JSON.stringify({ ...map, leverage: leverageSummary(map) }, null, 2)}\n`;
  downloadBlob(new Blob([text], { type: 'application/json' }), mapFileName(map, 'leverflow.json'));
}

export function exportSvg(map: ProcessMap): void {
  const svg = mapToSvg(map, themeColors());
  downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), mapFileName(map, 'svg'));
}

export interface FlowView {
  getNodes(): Node[];
  getNodesBounds(nodes: Node[]): Rect;
}

/**
 * Above this many steps the picture is drawn from the SVG export: html-to-image copies the
 * computed style of every element, which takes ~100 s for 1,000 steps.
 */
const MAX_CANVAS_PICTURE_STEPS = 150;

/** The map as plain shapes (the canvas's far-out drawing), scaled to fit a browser canvas. */
function renderSimplePng(map: ProcessMap, colors: SvgColors): Promise<Uint8Array> {
  const scene = buildSimpleScene(map.nodes, map.edges);
  const simple = {
    edge: colors.edge,
    accent: colors.edge,
    fill: colors.fill,
    stroke: colors.stroke,
    severity: { error: colors.stroke.end, warning: colors.stroke.decision, info: colors.edge },
  };
  return renderDrawnPng(mapBounds(map), colors.background, (context, frame) =>
    drawSimpleMap(context, scene, frame, simple),
  );
}

/**
 * A PNG of the whole map with the map file inside it, and whether it shows plain shapes.
 * Drawn from the canvas (html-to-image) when the map is small and every step is rendered;
 * from the SVG export for larger maps; as plain shapes (see pictureDrawing) when the map is
 * too big to draw in full in reasonable time, or so wide that labels could not be read.
 */
export async function renderMapPng(
  map: ProcessMap,
  flow: FlowView,
): Promise<{ blob: Blob; simple: boolean }> {
  const colors = themeColors();
  const bounds = mapBounds(map);
  if (pictureDrawing(map.nodes.length, bounds.width, bounds.height) === 'simple') {
    return { blob: pngWithMap(await renderSimplePng(map, colors), map), simple: true };
  }
  const viewport = document.querySelector<HTMLElement>('.lf-canvas .react-flow__viewport');
  const rendered = document.querySelectorAll('.lf-canvas .react-flow__node').length;
  const png =
    viewport &&
    map.nodes.length > 0 &&
    map.nodes.length <= MAX_CANVAS_PICTURE_STEPS &&
    rendered >= map.nodes.length
      ? await renderCanvasPng({
          viewport,
          bounds: flow.getNodesBounds(flow.getNodes()),
          background: colors.background,
        })
      : await renderSvgPng(map, colors);
  return { blob: pngWithMap(png, map), simple: false };
}

/** Downloads the PNG; returns what to tell the person about it (plain shapes), or null. */
export async function exportPng(map: ProcessMap, flow: FlowView): Promise<string | null> {
  const { blob, simple } = await renderMapPng(map, flow);
  downloadBlob(blob, mapFileName(map, 'png'));
  return simple ? SIMPLE_PICTURE_NOTICE : null;
}
