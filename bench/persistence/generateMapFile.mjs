// A map file (format version 1; the app migrates it on import) of `steps` steps laid out in
// rows: start, then actions with a decision every 10th step (a "No" arrow back), then an end.

const ROW = 25;
const DX = 220;
const DY = 160;

/** @param {number} steps @returns {string} the text of a map file */
export function generateMapFile(
  steps,
  name = `Bench map (${steps.toLocaleString('en-US')} steps)`,
) {
  const nodes = [];
  const edges = [];
  for (let i = 0; i < steps; i++) {
    const kind = i === 0 ? 'start' : i === steps - 1 ? 'end' : i % 10 === 5 ? 'decision' : 'action';
    const node = {
      id: `n${i}`,
      kind,
      label: kind === 'decision' ? `Check ${i}?` : `Step ${i}: handle the order`,
      position: { x: (i % ROW) * DX, y: Math.floor(i / ROW) * DY },
    };
    if (kind === 'action') node.durationMinutes = 5 + (i % 7);
    nodes.push(node);
    if (i > 0) {
      const from = nodes[i - 1];
      edges.push({
        id: `e${i}`,
        source: from.id,
        target: node.id,
        ...(from.kind === 'decision' ? { label: 'Yes', probability: 0.8 } : {}),
      });
      if (from.kind === 'decision') {
        edges.push({
          id: `r${i}`,
          source: from.id,
          target: `n${i - 3}`,
          label: 'No',
          probability: 0.2,
        });
      }
    }
  }
  return JSON.stringify({ format: 'leverflow-map', version: 1, name, nodes, edges });
}
