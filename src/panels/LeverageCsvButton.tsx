import { type Leverage, stepsCsv } from '../leverage';
import type { ProcessMap } from '../model';
import type { Review } from '../review';

function fileName(name: string): string {
  const base = name
    .replace(/[^\p{L}\p{N} _-]+/gu, '')
    .trim()
    .replace(/\s+/g, '-');
  return `${base === '' ? 'map' : base}-steps.csv`;
}

/** Downloads the steps with their figures as CSV (a Blob and a temporary link; no inline script). */
export function LeverageCsvButton({
  map,
  report,
  leverage,
}: {
  map: ProcessMap;
  report: Review;
  leverage: Leverage;
}) {
  const download = () => {
    const blob = new Blob([stepsCsv(map, report, leverage)], { type: 'text/csv;charset=utf-8' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(map.name);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  };
  return (
    <button type="button" onClick={download}>
      Download CSV
    </button>
  );
}
