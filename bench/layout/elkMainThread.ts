// How long elkjs takes on the main thread today (Tidy up as it ran before the layout worker),
// on the dense benchmark chart of the given size. Prints one number of milliseconds.
//
//   npx tsx bench/layout/elkMainThread.ts 300
import { flowchartToDraft } from '../../src/io/mermaid/flowchartToDraft';
import { parseMermaidFlowchart } from '../../src/io/mermaid/parseMermaidFlowchart';
import { tidyUp } from '../../src/layout/tidyUp';
import { denseFlowchart } from '../denseFlowchart.mjs';

const size = Number(process.argv[2] ?? 300);
const chart = parseMermaidFlowchart(denseFlowchart(size));
if (!chart) throw new Error('the dense chart did not parse');
const draft = flowchartToDraft(chart);
const t0 = performance.now();
await tidyUp(draft);
console.log(Math.round(performance.now() - t0));
