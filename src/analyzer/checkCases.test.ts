import { describe, expect, it } from 'vitest';
import { analyze } from './analyze';
import { buildFlowGraph } from './buildFlowGraph';
import { checkCases } from './checkCases';
import { findSoundBlocks } from './findSoundBlocks';
import { mapOf } from './testing/mapOf';

/**
 * Kickoff > split > ten branches, each a step and a check that can send it back, all into one
 * join > Wrap up; one more branch enters the join by two arrows (its step picks one, so the
 * join can wait forever). Ten looping branches side by side: 3^10 states of one block.
 */
function wideBlock() {
  const nodes = ['s:s', 'k:a:Kickoff', 'p:p', 'j:p', 'w:a:Wrap', 'e:e', 'x:a:Pick', 'y:a'];
  const edges = ['s>k', 'k>p', 'j>w', 'w>e', 'p>x', 'x>j', 'x>y', 'y>j'];
  for (let b = 0; b < 10; b++) {
    nodes.push(`a${b}:a`, `d${b}:d`);
    edges.push(`p>a${b}`, `a${b}>d${b}`, `d${b}>j:Yes`, `d${b}>a${b}:No`);
  }
  const map = mapOf(nodes.join(' '), edges.join(' '));
  return { ...map, nodes: map.nodes.map((n) => (n.id === 'w' ? { ...n, label: 'Wrap up' } : n)) };
}

describe('checkCases on blocks too large to play', () => {
  it('tells ten looping branches side by side sound by their branches, without their 3^10 states', () => {
    const map = wideBlock();
    // Without the branch with two arrows in, the block is sound.
    const sound = {
      ...map,
      nodes: map.nodes.filter((n) => n.id !== 'x' && n.id !== 'y'),
      edges: map.edges.filter((e) => !['x', 'y'].includes(e.source) && e.target !== 'x'),
    };
    const g = buildFlowGraph(sound);
    const blocks = findSoundBlocks(g);
    expect(blocks.byBranches).toBe(1);
    expect(blocks.states).toBe(0);
    const facts = checkCases(g);
    expect(facts.complete).toBe(true);
    expect(facts.runs.every((r) => r === 1)).toBe(true);
    expect(analyze(sound).findings.map((f) => f.rule)).not.toContain('deadlock');
  });

  it('names the block it could not check exactly, by the steps around it', () => {
    const map = wideBlock();
    const g = buildFlowGraph(map);
    const facts = checkCases(g);
    expect(facts.complete).toBe(false);
    expect(facts.tooLarge.map(([s, j]) => [g.ids[s], g.ids[j]])).toEqual([['p', 'j']]);
    const { metrics } = analyze(map);
    expect(metrics.available && metrics.notes.join(' ')).toContain(
      "The parallel block between 'Kickoff' and 'Wrap up' alone has more than 20,000 case states: it is too large to check exactly.",
    );
  });
});
