import { type ProcessMap, serializeMap } from '../model';
import { LIGHT_COLORS, mapToSvg, type PictureOptions, type SvgColors } from './exportSvg';
import { embedMapInPng } from './pngMapChunk';

/** Largest side and area a browser canvas reliably holds (Chromium: 16,384 px², ~268M px). */
export const MAX_CANVAS_SIDE = 16_000;
export const MAX_CANVAS_AREA = 250_000_000;
/** Margin around the map in a picture, in map units (as the SVG export). */
export const PADDING = 40;
/** Smallest side of a picture, in pixels, however thin the map. */
const MIN_PICTURE_SIDE = 64;

/**
 * The pixel ratio for a picture of `width` × `height` CSS pixels: the wanted ratio (2),
 * lowered so the canvas stays within what browsers can draw (else they give a blank image).
 * @example fitPixelRatio(1000, 800) // 2
 * @example fitPixelRatio(20000, 1000) // 0.8
 */
export function fitPixelRatio(width: number, height: number, wanted = 2): number {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  return Math.min(
    wanted,
    MAX_CANVAS_SIDE / w,
    MAX_CANVAS_SIDE / h,
    Math.sqrt(MAX_CANVAS_AREA / (w * h)),
  );
}

function tooLarge(width: number, height: number): Error {
  return new Error(
    `The picture (${Math.round(width)} × ${Math.round(height)} px) is too large for this browser to draw.`,
  );
}

/**
 * A picture of the map drawn from its SVG export (so the PNG looks as the SVG does), at up
 * to 2x, within what the browser's canvas can hold.
 */
export async function renderSvgPng(
  map: ProcessMap,
  colors: SvgColors = LIGHT_COLORS,
  options: PictureOptions = {},
) {
  const svg = mapToSvg(map, colors, options);
  const size = /width="(\d+)" height="(\d+)"/.exec(svg);
  const width = Number(size?.[1] ?? 1);
  const height = Number(size?.[2] ?? 1);
  const ratio = fitPixelRatio(width, height);
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'async';
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.floor(width * ratio));
    canvas.height = Math.max(1, Math.floor(height * ratio));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This browser cannot draw the picture (no 2D canvas).');
    context.fillStyle = colors.background;
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return await canvasBytes(canvas);
  } finally {
    URL.revokeObjectURL(url);
  }
}

async function canvasBytes(canvas: HTMLCanvasElement): Promise<Uint8Array> {
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw tooLarge(canvas.width, canvas.height);
  return new Uint8Array(await blob.arrayBuffer());
}

/** Where a drawing callback draws the map: screen = map × zoom + (x, y), in pixels. */
export interface PictureFrame {
  x: number;
  y: number;
  zoom: number;
  width: number;
  height: number;
  ratio: 1;
}

/**
 * A picture of a map area (map units, without the margin) drawn by `draw` on one canvas,
 * scaled down as far as the browser's canvas limits need: a map of any extent fits.
 * @example await renderDrawnPng(mapBounds(map), '#fff', (context, frame) => draw(context, frame))
 */
export async function renderDrawnPng(
  bounds: { x: number; y: number; width: number; height: number },
  background: string,
  draw: (context: CanvasRenderingContext2D, frame: PictureFrame) => void,
): Promise<Uint8Array> {
  const areaWidth = bounds.width + 2 * PADDING;
  const areaHeight = bounds.height + 2 * PADDING;
  const zoom = fitPixelRatio(areaWidth, areaHeight);
  const width = Math.max(MIN_PICTURE_SIDE, Math.ceil(areaWidth * zoom));
  const height = Math.max(MIN_PICTURE_SIDE, Math.ceil(areaHeight * zoom));
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('This browser cannot draw the picture (no 2D canvas).');
  // The map area centred on the canvas (it is smaller than the canvas only when very thin).
  const x = (width - areaWidth * zoom) / 2 + (PADDING - bounds.x) * zoom;
  const y = (height - areaHeight * zoom) / 2 + (PADDING - bounds.y) * zoom;
  draw(context, { x, y, zoom, width, height, ratio: 1 });
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.globalCompositeOperation = 'destination-over';
  context.fillStyle = background;
  context.fillRect(0, 0, width, height);
  return canvasBytes(canvas);
}

/** Adds the map file to a PNG so opening the picture in Leverflow opens the map again. */
export function pngWithMap(png: Uint8Array, map: ProcessMap): Blob {
  const bytes = embedMapInPng(png, serializeMap(map));
  return new Blob([bytes.slice().buffer], { type: 'image/png' });
}
