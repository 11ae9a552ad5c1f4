import type { MapNode } from '../model';

const KIND_WORDS: Record<MapNode['kind'], string> = {
  start: 'start',
  end: 'end',
  action: 'step',
  decision: 'decision',
  parallel: 'parallel step',
};

const MESSY = /^\s|\s$|\s\s|[^\S ]/;

/**
 * True when a label has no whitespace to tidy, as `!MESSY.test(label)`: printable ASCII with
 * single spaces between words is read here; anything else is left to the regular expression.
 * @example isTidy('Pack order') // true
 */
export function isTidy(label: string): boolean {
  let space = true; // a space first is untidy
  for (let i = 0; i < label.length; i++) {
    const c = label.charCodeAt(i);
    if (c === 32) {
      if (space) return false; // a space first, or two in a row
      space = true;
    } else if (c > 32 && c < 127) space = false;
    else return !MESSY.test(label);
  }
  return !space || label.length === 0; // a space last is untidy
}

/**
 * A node as an owner reads it: its label in quotes, or what it is when it has none.
 * @example quoteNode({ id: 'a', kind: 'action', label: 'Pack', position }) // "'Pack'"
 */
export function quoteNode(node: MapNode): string {
  const raw = node.label;
  // Labels are usually clean; only tidy whitespace when there is some to tidy.
  const label = isTidy(raw) ? raw : raw.trim().replace(/\s+/g, ' ');
  // Never a raw id ("sid-F0D2…"): clicking the finding selects the step, which shows it.
  if (label === '') return `an unnamed ${KIND_WORDS[node.kind]}`;
  return `'${label.length > 48 ? `${label.slice(0, 47)}…` : label}'`;
}

/**
 * Several nodes in words, naming at most `max`.
 * @example listNodes([a, b, c, d], 2) // "'A', 'B' and 2 more"
 */
export function listNodes(nodes: readonly MapNode[], max = 3): string {
  return listNodesAt(nodes, Array.from(nodes.keys()), max);
}

/**
 * Several nodes, given by graph index (`indices[from .. to)`), in words, naming at most `max`.
 * @example listNodesAt(g.nodes, [0, 3, 4, 7], 2) // "'A', 'B' and 2 more"
 */
export function listNodesAt(
  nodes: readonly MapNode[],
  indices: ArrayLike<number>,
  max = 3,
  from = 0,
  to = indices.length,
): string {
  const count = to - from;
  const named = Math.min(count, max);
  if (named === 0) return count > 0 ? ` and ${count} more` : '';
  if (named === 1 && count === 1) return quoteNode(nodes[indices[from]!]!);
  let names = quoteNode(nodes[indices[from]!]!);
  const last = count > named ? named : named - 1;
  for (let i = 1; i < last; i++) names += `, ${quoteNode(nodes[indices[from + i]!]!)}`;
  if (count > named) return `${names} and ${count - named} more`;
  return `${names} and ${quoteNode(nodes[indices[from + named - 1]!]!)}`;
}
