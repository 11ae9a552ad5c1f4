import { sameValue } from './sameValue';
import type { ProcessMap } from './types';

/** What changed between two versions of a map, in a person's terms. */
export interface MapDiff {
  /** Labels of the steps added and removed, in file order. */
  added: string[];
  removed: string[];
  /** Steps whose label changed: [before, after]. */
  renamed: [string, string][];
  arrowsAdded: number;
  arrowsRemoved: number;
  /** Steps still there whose other fields (kind, duration, owner, notes, place) changed. */
  changed: number;
}

/**
 * The changes from `before` to `after`, matched by step and arrow id. One pass over each.
 * @example diffMaps(v1, v2) // { added: ['Send invoice'], removed: [], renamed: [['Pack', 'Pack order']], … }
 */
export function diffMaps(before: ProcessMap, after: ProcessMap): MapDiff {
  const old = new Map(before.nodes.map((n) => [n.id, n] as const));
  const diff: MapDiff = {
    added: [],
    removed: [],
    renamed: [],
    arrowsAdded: 0,
    arrowsRemoved: 0,
    changed: 0,
  };
  const kept = new Set<string>();
  for (const node of after.nodes) {
    const was = old.get(node.id);
    if (!was) {
      diff.added.push(node.label);
      continue;
    }
    kept.add(node.id);
    if (was.label !== node.label) diff.renamed.push([was.label, node.label]);
    else if (!sameValue(was, node)) {
      diff.changed += 1;
    }
  }
  for (const node of before.nodes) if (!kept.has(node.id)) diff.removed.push(node.label);
  const oldEdges = new Set(before.edges.map((e) => e.id));
  const newEdges = new Set(after.edges.map((e) => e.id));
  for (const id of newEdges) if (!oldEdges.has(id)) diff.arrowsAdded += 1;
  for (const id of oldEdges) if (!newEdges.has(id)) diff.arrowsRemoved += 1;
  return diff;
}

/**
 * The diff in one line, naming the first few steps: "Added 'Send invoice'; renamed 'Pack'
 * to 'Pack order'; 2 arrows added". Empty maps of changes read "No changes to steps or arrows".
 */
export function describeDiff(diff: MapDiff): string {
  const name = (label: string) => `'${label.trim() || 'an unnamed step'}'`;
  const list = (labels: string[]) =>
    labels.length <= 3
      ? labels.map(name).join(', ')
      : `${labels.slice(0, 2).map(name).join(', ')} and ${labels.length - 2} more`;
  const parts: string[] = [];
  if (diff.added.length) parts.push(`added ${list(diff.added)}`);
  if (diff.removed.length) parts.push(`removed ${list(diff.removed)}`);
  if (diff.renamed.length) {
    const [first] = diff.renamed;
    parts.push(
      diff.renamed.length === 1 && first
        ? `renamed ${name(first[0])} to ${name(first[1])}`
        : `renamed ${diff.renamed.length} steps`,
    );
  }
  if (diff.changed) parts.push(`${diff.changed} ${diff.changed === 1 ? 'step' : 'steps'} edited`);
  if (diff.arrowsAdded)
    parts.push(`${diff.arrowsAdded} ${diff.arrowsAdded === 1 ? 'arrow' : 'arrows'} added`);
  if (diff.arrowsRemoved) {
    parts.push(`${diff.arrowsRemoved} ${diff.arrowsRemoved === 1 ? 'arrow' : 'arrows'} removed`);
  }
  if (parts.length === 0) return 'No changes to steps or arrows';
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
