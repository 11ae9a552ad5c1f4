/** Colour-blind-friendly hues (Okabe–Ito, darkened to read on light and dark canvases). */
const PALETTE = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#8c6d1f',
  '#7b61ff',
] as const;

/**
 * A colour per person, by their index in `map.people`: the palette first, then hues a
 * golden angle apart. For step borders or stripes on the canvas.
 * @example ownerColor(0) // '#0072b2'
 */
export function ownerColor(index: number): string {
  const i = Number.isFinite(index) ? Math.max(0, Math.floor(index)) : 0;
  const fixed = PALETTE[i];
  if (fixed !== undefined) return fixed;
  const hue = Math.round((i * 137.508) % 360);
  return `hsl(${hue} 65% 45%)`;
}
