// node bench/persistence/query.mjs <file.cpuprofile> <regex>: total ms of frames matching regex
import { readFileSync } from 'node:fs';

const [file, pattern] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const re = new RegExp(pattern);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const total = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  let id = profile.samples[i];
  const seen = new Set();
  while (id !== undefined) {
    const n = byId.get(id);
    const k = `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber + 1}`;
    if (re.test(k) && !seen.has(k)) {
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + ms);
    }
    id = parent.get(id);
  }
}
for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 30))
  console.log(v.toFixed(0).padStart(7), k);
