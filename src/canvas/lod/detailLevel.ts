/** The font size of a step's label on the canvas at zoom 1 (`.lf-node` in app.css). */
export const LABEL_FONT_PX = 13;
/** The smallest label, in screen pixels, that can still be read. */
export const MIN_READABLE_LABEL_PX = 4.5;

/**
 * Below this zoom a step's label is smaller than {@link MIN_READABLE_LABEL_PX} on screen, so
 * the canvas draws plain shapes on one <canvas> instead of full steps (about 0.35).
 */
export const SIMPLE_BELOW_ZOOM = MIN_READABLE_LABEL_PX / LABEL_FONT_PX;

/**
 * Whether steps drawn `scale` screen pixels per map unit are too small to read.
 * @example isSimpleZoom(0.09) // true: a 13 px label is 1.2 px high
 * @example isSimpleZoom(0.5) // false
 */
export function isSimpleZoom(scale: number): boolean {
  return scale < SIMPLE_BELOW_ZOOM;
}
