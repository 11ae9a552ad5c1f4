import { isSimpleZoom } from '../../canvas/lod/detailLevel';
import { fitPixelRatio, PADDING } from '../../io/exportPng';

/** Above this many steps a picture is drawn as plain shapes: labels would take too long. */
export const FULL_PICTURE_MAX_STEPS = 2000;

/** What the export notice says when a picture is drawn as plain shapes. */
export const SIMPLE_PICTURE_NOTICE =
  'This map is too big to draw in full: the picture shows its steps and arrows as plain ' +
  'shapes, without labels. The map inside the PNG is complete.';

/**
 * How to draw the PNG of a map covering `width` × `height` map units with `steps` steps: in
 * full (labels and all) when it has at most FULL_PICTURE_MAX_STEPS steps and its labels can
 * still be read at the scale the browser's canvas limits allow (as the canvas's own switch
 * to plain shapes, detailLevel); else as plain shapes.
 * @example pictureDrawing(12, 1200, 800) // 'full'
 * @example pictureDrawing(2, 10_000_000, 100) // 'simple': scaled to 0.0016
 */
export function pictureDrawing(steps: number, width: number, height: number): 'full' | 'simple' {
  if (steps > FULL_PICTURE_MAX_STEPS) return 'simple';
  return isSimpleZoom(fitPixelRatio(width + 2 * PADDING, height + 2 * PADDING)) ? 'simple' : 'full';
}
