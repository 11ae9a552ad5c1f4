/**
 * A dense Mermaid flowchart for the layout benchmark and tests: a start, `steps - 2` actions
 * and an end, each step with three arrows out (one to the next step, two to random steps
 * further on or back), as in issue 13's 300-step, 14 KB file. Deterministic for a given size.
 * @example denseFlowchart(300).length // ≈ 14,000 characters
 */
export function denseFlowchart(steps, seed = 7) {
  let a = (seed + steps) >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const lines = ['flowchart TD', '  n0([Start])'];
  for (let i = 1; i < steps - 1; i++) lines.push(`  n${i}[Step ${i}]`);
  lines.push(`  n${steps - 1}([End])`);
  for (let i = 0; i < steps - 1; i++) {
    lines.push(`  n${i} --> n${i + 1}`);
    for (let k = 0; k < 2; k++) lines.push(`  n${i} --> n${1 + Math.floor(rnd() * (steps - 1))}`);
  }
  return `${lines.join('\n')}\n`;
}
