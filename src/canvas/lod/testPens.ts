import type { Pen, SimpleColors } from './drawSimpleMap';

// Stand-ins for a 2D context, shared by this folder's tests.

/** A pen that logs every call and property set with its arguments, in order. */
export function loggingPen() {
  const log: string[] = [];
  const pen = new Proxy({} as Record<string, unknown>, {
    // No pixels: the drawing goes through the calls, which are logged.
    get: (_, name) =>
      ['createImageData', 'getImageData', 'putImageData'].includes(String(name))
        ? undefined
        : (...args: unknown[]) => {
            log.push(
              `${String(name)}(${args.map((a) => (typeof a === 'number' ? a.toFixed(3) : a)).join()})`,
            );
          },
    set: (_, name, value) => {
      log.push(`${String(name)}=${value}`);
      return true;
    },
  });
  return { pen: pen as unknown as Pen, log }; // a logging stand-in for a 2D context
}

/** A colour scheme of letters, for tests whose pens only log. */
export const LETTER_COLORS: SimpleColors = {
  edge: 'e',
  accent: 'a',
  fill: { start: 's', end: 'n', action: 'c', decision: 'd', parallel: 'p' },
  stroke: { start: 'S', end: 'N', action: 'C', decision: 'D', parallel: 'P' },
  severity: { error: 'E', warning: 'W', info: 'I' },
};
