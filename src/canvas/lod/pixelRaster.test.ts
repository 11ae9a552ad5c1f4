import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { drawLine, fillBox, fillDisc, packRgba, type Raster, strokeBox } from './pixelRaster';

const raster = (width: number, height: number): Raster => ({
  pixels: new Uint32Array(width * height),
  width,
  height,
});
/** The pixels set, as "x,y". */
const set = (r: Raster) =>
  [...r.pixels.keys()]
    .filter((i) => r.pixels[i] !== 0)
    .map((i) => `${i % r.width},${Math.floor(i / r.width)}`);

describe('packRgba', () => {
  it("is ImageData's byte order read as a little-endian word", () => {
    const word = packRgba(1, 2, 3, 255);
    expect([...new Uint8Array(new Uint32Array([word]).buffer)]).toEqual([1, 2, 3, 255]);
  });
});

describe('fillBox', () => {
  it('fills whole pixels, edges rounded, at least one each way', () => {
    const r = raster(20, 10);
    fillBox(r, 10.4, 3.6, 4, 2, 7);
    expect(set(r)).toEqual(['10,4', '11,4', '12,4', '13,4', '10,5', '11,5', '12,5', '13,5']);
    const thin = raster(5, 5);
    fillBox(thin, 2, 2, 0.2, 0.2, 7);
    expect(set(thin)).toEqual(['2,2']);
  });

  it('clips a box partly or wholly off the image', () => {
    const r = raster(4, 4);
    fillBox(r, -2, 3, 4, 5, 7);
    expect(set(r)).toEqual(['0,3', '1,3']);
    fillBox(r, 10, 10, 3, 3, 9);
    fillBox(r, -10, -10, 3, 3, 9);
    expect(set(r)).toEqual(['0,3', '1,3']);
  });
});

describe('drawLine', () => {
  it('draws a line one pixel wide, end to end', () => {
    const r = raster(12, 6);
    drawLine(r, 0, 0, 9, 3, 7);
    const pixels = set(r);
    expect(pixels).toHaveLength(10); // one per column
    expect(pixels).toContain('0,0');
    expect(pixels).toContain('9,3');
  });

  it('draws only what is on the image, however long the line', () => {
    const r = raster(10, 10);
    drawLine(r, -1e9, 5, 1e9, 5, 7);
    expect(set(r)).toEqual(Array.from({ length: 10 }, (_, x) => `${x},5`));
    const none = raster(10, 10);
    drawLine(none, -50, -5, 50, -5, 7);
    drawLine(none, 20, -30, 40, 60, 7);
    expect(set(none)).toEqual([]);
  });

  it('keeps to the line where it is on the image: each pixel within a pixel of it, and each of its pixels there drawn or next to one drawn', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -40, max: 60 }), { minLength: 4, maxLength: 4 }),
        ([x0, y0, x1, y1]) => {
          const small = raster(20, 20);
          drawLine(small, x0!, y0!, x1!, y1!, 7);
          const got = set(small).map((p) => p.split(',').map(Number) as [number, number]);
          // Distance from a pixel to the segment.
          const [dx, dy] = [x1! - x0!, y1! - y0!];
          const length2 = dx * dx + dy * dy || 1;
          const off = ([x, y]: [number, number]) => {
            const t = Math.max(0, Math.min(1, ((x - x0!) * dx + (y - y0!) * dy) / length2));
            return Math.hypot(x - (x0! + t * dx), y - (y0! + t * dy));
          };
          for (const p of got) expect(off(p)).toBeLessThanOrEqual(1.5);
          // The same line unclipped (on an image big enough for all of it), cut to the small one.
          const big = raster(200, 200);
          drawLine(big, x0! + 80, y0! + 80, x1! + 80, y1! + 80, 7);
          const inside = set(big)
            .map((p) => p.split(',').map((v) => Number(v) - 80) as [number, number])
            .filter(([x, y]) => x >= 0 && y >= 0 && x < 20 && y < 20);
          for (const [x, y] of inside) {
            expect(got.some(([gx, gy]) => Math.abs(gx - x) <= 1 && Math.abs(gy - y) <= 1)).toBe(
              true,
            );
          }
        },
      ),
    );
  });
});

describe('strokeBox and fillDisc', () => {
  it('outlines a box inside its edges, leaving its inside', () => {
    const r = raster(8, 8);
    strokeBox(r, 1, 1, 4, 3, 1, 7);
    expect(set(r).sort()).toEqual(
      ['1,1', '2,1', '3,1', '4,1', '1,3', '2,3', '3,3', '4,3', '1,2', '4,2'].sort(),
    );
  });

  it('fills the pixels within the radius, at least the one under the centre', () => {
    const r = raster(10, 10);
    fillDisc(r, 5, 5, 2, 7);
    // Pixel centres within 2 of (5, 5): the 2 × 2 around it and the two beyond each side.
    expect(set(r)).toHaveLength(12);
    expect(set(r)).toContain('4,4');
    expect(set(r)).not.toContain('3,3');
    const tiny = raster(4, 4);
    fillDisc(tiny, 1.2, 1.2, 0.1, 7);
    expect(set(tiny)).toEqual(['1,1']);
  });
});
