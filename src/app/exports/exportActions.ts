import { drawSimpleMap } from '../../canvas/lod/drawSimpleMap';
import { buildSimpleScene } from '../../canvas/lod/simpleScene';
import { downloadBlob } from '../../io/downloadBlob';
import { mapFileName } from '../../io/exportJson';
import { pngWithMap, renderDrawnPng, renderSvgPng } from '../../io/exportPng';
import {
  LIGHT_COLORS,
  mapBounds,
  mapToSvg,
  type PictureOptions,
  type SvgColors,
} from '../../io/exportSvg';
import { leverageSummary } from '../../leverage/leverageSummary';
import type { ProcessMap } from '../../model';
import { stepSeverities } from '../../review/stepSeverities';
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

/** What a person chose a picture to show besides the map (see the File menu). */
export interface PictureChoice {
  markers: boolean;
  title: boolean;
}

/** The drawing options for a choice: the markers are the canvas's (findings not marked intended). */
function pictureOptions(map: ProcessMap, choice: PictureChoice): PictureOptions {
  return {
    ...(choice.markers ? { markers: stepSeverities(map) } : {}),
    title: choice.title,
  };
}

export function exportSvg(map: ProcessMap, choice: PictureChoice): void {
  const svg = mapToSvg(map, themeColors(), pictureOptions(map, choice));
  downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), mapFileName(map, 'svg'));
}

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
 * Drawn from the SVG export, so the PNG and the SVG look the same (same shapes, wrapping,
 * markers and title); as plain shapes (see pictureDrawing) when the map is too big to draw in
 * full in reasonable time, or so wide that labels could not be read.
 */
export async function renderMapPng(
  map: ProcessMap,
  choice: PictureChoice,
): Promise<{ blob: Blob; simple: boolean }> {
  const colors = themeColors();
  const bounds = mapBounds(map);
  if (pictureDrawing(map.nodes.length, bounds.width, bounds.height) === 'simple') {
    return { blob: pngWithMap(await renderSimplePng(map, colors), map), simple: true };
  }
  const png = await renderSvgPng(map, colors, pictureOptions(map, choice));
  return { blob: pngWithMap(png, map), simple: false };
}

/** Downloads the PNG; returns what to tell the person about it (plain shapes), or null. */
export async function exportPng(map: ProcessMap, choice: PictureChoice): Promise<string | null> {
  const { blob, simple } = await renderMapPng(map, choice);
  downloadBlob(blob, mapFileName(map, 'png'));
  return simple ? SIMPLE_PICTURE_NOTICE : null;
}
