import { decodeMermaidLabel } from './mermaidLabel';

/** How a node is drawn: the shapes Leverflow reads, and `other` for the rest. */
export type MermaidShape = 'rect' | 'decision' | 'stadium' | 'circle' | 'fork' | 'other';

export interface MermaidNode {
  id: string;
  /** The label as written; undefined when the node was never given one (Mermaid shows the id). */
  label?: string;
  shape?: MermaidShape;
  /** The delimiters of an `other` shape, e.g. `((( )))`, for the report. */
  shapeText?: string;
  classes: string[];
  /** The line the node was first mentioned on. */
  line: number;
}

export interface MermaidEdge {
  source: string;
  target: string;
  label?: string;
  /** True for `<-->`: an arrow head at both ends. */
  twoWay: boolean;
  line: number;
}

export interface MermaidFlowchart {
  direction: 'TD' | 'TB' | 'BT' | 'LR' | 'RL';
  title?: string;
  /** Nodes in the order they are first mentioned. */
  nodes: Map<string, MermaidNode>;
  edges: MermaidEdge[];
  /** Lines left out, with their line numbers (1-based, in the whole text). */
  skipped: { line: number; text: string; reason: string }[];
}

const HEADER = /^(flowchart|graph)(?:\s+(TD|TB|BT|LR|RL))?\s*(?:;\s*(.*))?$/i;
const STYLING = /^(classDef|class|style|linkStyle|click|accTitle|accDescr|direction)\b/;

const SHAPES: [open: string, close: string, shape: MermaidShape][] = [
  ['(((', ')))', 'other'],
  ['([', '])', 'stadium'],
  ['((', '))', 'circle'],
  ['[[', ']]', 'other'],
  ['[(', ')]', 'other'],
  ['{{', '}}', 'other'],
  ['[/', '/]', 'other'],
  ['[/', '\\]', 'other'],
  ['[\\', '\\]', 'other'],
  ['[\\', '/]', 'other'],
  ['[', ']', 'rect'],
  ['(', ')', 'other'],
  ['{', '}', 'decision'],
  ['>', ']', 'other'],
];

const ID = /^[\p{L}\p{N}_]+(?:-[\p{L}\p{N}_]+)*/u;
const PLAIN_LINK = /^(<)?(?:-{2,}[>ox]|-{3,}|={2,}[>ox]|={3,}|-\.+-[>ox]?)/;
const TEXT_LINK_OPEN = /^(<)?(--|==|-\.)/;
/** How an arrow with text (`-- text -->`, `== text ==>`, `-. text .->`) may close. */
const TEXT_LINK_CLOSE: Record<string, RegExp> = {
  '--': /^(?:-{2,}[>ox]|-{3,})/,
  '==': /^(?:={2,}[>ox]|={3,})/,
  '-.': /^\.-+[>ox]?/,
};

/** The error a statement is skipped with. */
class Unreadable extends Error {}

/**
 * Reads the flowchart subset of Mermaid: the `flowchart`/`graph` header with a direction,
 * nodes with `[ ]`, `{ }`, `([ ])`, `(( ))` (and other shapes, kept as `other`), arrows
 * `-->`, `---`, `-.->`, `==>` with `-- text -->` or `-->|text|` labels, chains `A --> B --> C`,
 * `&` groups, `;` separators, `%%` comments and a front-matter title. Any other line is kept
 * out and listed in `skipped` with its line number. Returns undefined when the text has no
 * flowchart header.
 * @example parseMermaidFlowchart('flowchart TD\n  A[Start] --> B{Ok?}')?.edges.length // 1
 */
export function parseMermaidFlowchart(text: string): MermaidFlowchart | undefined {
  const lines = text.split(/\r\n|\r|\n/);
  let index = 0;
  let title: string | undefined;
  const skipBlank = () => {
    while (index < lines.length) {
      const t = lines[index]?.trim() ?? '';
      if (t !== '' && !t.startsWith('%%')) break;
      index++;
    }
  };
  skipBlank();
  if (lines[index]?.trim() === '---') {
    const end = lines.findIndex((l, i) => i > index && l.trim() === '---');
    if (end > index) {
      for (const l of lines.slice(index + 1, end)) {
        const m = /^title:\s*(.*)$/.exec(l.trim());
        if (m?.[1] !== undefined) title = readYamlString(m[1]);
      }
      index = end + 1;
      skipBlank();
    }
  }
  const header = HEADER.exec(lines[index]?.trim() ?? '');
  if (header === null) return undefined;
  const chart: MermaidFlowchart = {
    direction: normaliseDirection(header[2]),
    nodes: new Map(),
    edges: [],
    skipped: [],
  };
  if (title !== undefined) chart.title = title;
  const rest = header[3];
  const work: { line: number; text: string }[] = [];
  if (rest !== undefined && rest.trim() !== '') work.push({ line: index + 1, text: rest });
  for (let i = index + 1; i < lines.length; i++) work.push({ line: i + 1, text: lines[i] ?? '' });

  for (const { line, text: lineText } of work) {
    const trimmed = lineText.trim();
    if (trimmed === '' || trimmed.startsWith('%%')) continue;
    for (const statement of splitStatements(trimmed)) {
      readStatement(chart, statement, line);
    }
  }
  return chart;
}

function normaliseDirection(raw: string | undefined): MermaidFlowchart['direction'] {
  const d = (raw ?? 'TB').toUpperCase();
  return d === 'TD' || d === 'BT' || d === 'LR' || d === 'RL' ? d : 'TB';
}

function readYamlString(raw: string): string {
  const value = raw.trim();
  if (value.startsWith('"')) {
    try {
      const parsed: unknown = JSON.parse(value);
      if (typeof parsed === 'string') return parsed;
    } catch {
      // Not a JSON-style string: fall through and keep the text as written.
    }
  }
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return value.slice(1, -1).replace(/''/g, "'");
  }
  return value;
}

/** Splits a line at `;` outside double quotes. */
function splitStatements(line: string): string[] {
  const out: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ';' && !quoted) {
      out.push(line.slice(start, i));
      start = i + 1;
    }
  }
  out.push(line.slice(start));
  return out.map((s) => s.trim()).filter((s) => s !== '');
}

function readStatement(chart: MermaidFlowchart, statement: string, line: number): void {
  if (/^subgraph\b/.test(statement)) {
    chart.skipped.push({
      line,
      text: statement,
      reason: 'subgraphs are not kept (their steps are)',
    });
    return;
  }
  if (statement === 'end') return;
  if (STYLING.test(statement)) {
    chart.skipped.push({ line, text: statement, reason: 'styling and interaction are not kept' });
    return;
  }
  try {
    const reader = new StatementReader(statement, line);
    const { nodes, edges } = reader.read();
    for (const node of nodes) mergeNode(chart.nodes, node);
    chart.edges.push(...edges);
  } catch (error) {
    const reason = error instanceof Unreadable ? error.message : 'this line could not be read';
    chart.skipped.push({ line, text: statement, reason });
  }
}

function mergeNode(nodes: Map<string, MermaidNode>, node: MermaidNode): void {
  const known = nodes.get(node.id);
  if (known === undefined) {
    nodes.set(node.id, node);
    return;
  }
  if (node.label !== undefined) known.label = node.label;
  if (node.shape !== undefined) {
    known.shape = node.shape;
    if (node.shapeText !== undefined) known.shapeText = node.shapeText;
    else delete known.shapeText;
  }
  for (const c of node.classes) if (!known.classes.includes(c)) known.classes.push(c);
}

/** Reads one statement: node groups joined by links. */
class StatementReader {
  private pos = 0;
  private readonly nodes: MermaidNode[] = [];
  private readonly edges: MermaidEdge[] = [];

  constructor(
    private readonly s: string,
    private readonly line: number,
  ) {}

  read(): { nodes: MermaidNode[]; edges: MermaidEdge[] } {
    let group = this.group();
    for (;;) {
      this.space();
      if (this.pos >= this.s.length) break;
      const link = this.link();
      this.space();
      const next = this.group();
      for (const source of group) {
        for (const target of next) {
          const edge: MermaidEdge = { source, target, twoWay: link.twoWay, line: this.line };
          if (link.label !== undefined) edge.label = link.label;
          this.edges.push(edge);
        }
      }
      group = next;
    }
    return { nodes: this.nodes, edges: this.edges };
  }

  private space(): void {
    while (this.pos < this.s.length && /\s/.test(this.s[this.pos] ?? '')) this.pos++;
  }

  private rest(): string {
    return this.s.slice(this.pos);
  }

  private group(): string[] {
    const ids = [this.node()];
    for (;;) {
      const save = this.pos;
      this.space();
      if (this.s[this.pos] !== '&') {
        this.pos = save;
        return ids;
      }
      this.pos++;
      this.space();
      ids.push(this.node());
    }
  }

  private node(): string {
    const m = ID.exec(this.rest());
    if (m === null) throw new Unreadable(`expected a node id at "${this.rest().slice(0, 20)}"`);
    const id = m[0];
    this.pos += id.length;
    const node: MermaidNode = { id, classes: [], line: this.line };
    if (this.rest().startsWith('@{')) {
      this.shapeData(node);
    } else
      for (const [open, close, shape] of SHAPES) {
        if (!this.rest().startsWith(open)) continue;
        const label = this.labelUntil(open.length, close);
        if (label === undefined) continue;
        node.label = label;
        node.shape = shape;
        if (shape === 'other') node.shapeText = `${open} ${close}`;
        break;
      }
    if (node.shape === undefined && /^[[({>]/.test(this.rest())) {
      throw new Unreadable(`the shape of "${id}" is not closed`);
    }
    const cls = /^:::([\w-]+)/.exec(this.rest());
    if (cls?.[1] !== undefined) {
      node.classes.push(cls[1]);
      this.pos += cls[0].length;
    }
    this.nodes.push(node);
    return id;
  }

  /**
   * Reads Mermaid's shape data, `@{ shape: fork, label: "…" }`: `fork` and `join` (one bar)
   * are read as `fork`, any other named shape as `other`; moves past the closing brace.
   */
  private shapeData(node: MermaidNode): void {
    let i = this.pos + 2;
    const fields = new Map<string, string>();
    for (;;) {
      const m = /^\s*([A-Za-z]+)\s*:\s*/.exec(this.s.slice(i));
      if (m === null) break;
      i += m[0].length;
      let value: string;
      if (this.s[i] === '"') {
        const end = this.s.indexOf('"', i + 1);
        if (end < 0) throw new Unreadable(`the shape data of "${node.id}" is not closed`);
        value = decodeMermaidLabel(this.s.slice(i + 1, end), true);
        i = end + 1;
      } else {
        const raw = /^[^,}\n]*/.exec(this.s.slice(i))?.[0] ?? '';
        value = decodeMermaidLabel(raw, false);
        i += raw.length;
      }
      fields.set(m[1]!, value);
      const sep = /^\s*,/.exec(this.s.slice(i));
      if (sep === null) break;
      i += sep[0].length;
    }
    const close = /^\s*\}/.exec(this.s.slice(i));
    if (close === null) throw new Unreadable(`the shape data of "${node.id}" is not closed`);
    this.pos = i + close[0].length;
    const shape = fields.get('shape');
    if (shape === 'fork' || shape === 'join') node.shape = 'fork';
    else if (shape === 'rect' || shape === 'rectangle') node.shape = 'rect';
    else if (shape === 'diam' || shape === 'diamond' || shape === 'decision')
      node.shape = 'decision';
    else {
      node.shape = 'other';
      node.shapeText = `@{ shape: ${shape ?? '?'} }`;
    }
    const label = fields.get('label');
    if (label !== undefined) node.label = label;
  }

  /** Reads a label after an opener of `skip` characters up to `close`; moves past it. */
  private labelUntil(skip: number, close: string): string | undefined {
    const start = this.pos + skip;
    const inner = this.s.slice(start);
    const quoted = /^\s*"/.exec(inner);
    if (quoted !== null) {
      const open = start + quoted[0].length;
      const endQuote = this.s.indexOf('"', open);
      if (endQuote < 0) return undefined;
      const after = /^\s*/.exec(this.s.slice(endQuote + 1))?.[0].length ?? 0;
      if (!this.s.startsWith(close, endQuote + 1 + after)) return undefined;
      this.pos = endQuote + 1 + after + close.length;
      return decodeMermaidLabel(this.s.slice(open, endQuote), true);
    }
    const end = this.s.indexOf(close, start);
    if (end < 0) return undefined;
    this.pos = end + close.length;
    return decodeMermaidLabel(this.s.slice(start, end), false);
  }

  private link(): { label?: string; twoWay: boolean } {
    const plain = PLAIN_LINK.exec(this.rest());
    if (plain !== null) {
      this.pos += plain[0].length;
      const twoWay = plain[1] === '<';
      const save = this.pos;
      this.space();
      if (this.s[this.pos] === '|') {
        this.pos++;
        const label = this.pipeLabel();
        return { label, twoWay };
      }
      this.pos = save;
      return { twoWay };
    }
    const open = TEXT_LINK_OPEN.exec(this.rest());
    const closing = open?.[2] === undefined ? undefined : TEXT_LINK_CLOSE[open[2]];
    if (open === null || closing === undefined) {
      throw new Unreadable(`expected an arrow at "${this.rest().slice(0, 20)}"`);
    }
    this.pos += open[0].length;
    this.space();
    let label: string;
    if (this.s[this.pos] === '"') {
      const end = this.s.indexOf('"', this.pos + 1);
      if (end < 0) throw new Unreadable('an arrow label is not closed');
      label = decodeMermaidLabel(this.s.slice(this.pos + 1, end), true);
      this.pos = end + 1;
      this.space();
      const close = closing.exec(this.rest());
      if (close === null) throw new Unreadable('an arrow with text is not closed');
      this.pos += close[0].length;
    } else {
      const from = this.pos;
      for (;;) {
        if (this.pos >= this.s.length) throw new Unreadable('an arrow with text is not closed');
        const close = this.pos > from ? closing.exec(this.rest()) : null;
        if (close !== null) {
          label = decodeMermaidLabel(this.s.slice(from, this.pos), false);
          this.pos += close[0].length;
          break;
        }
        this.pos++;
      }
    }
    return { label, twoWay: open[1] === '<' };
  }

  private pipeLabel(): string {
    const quoted = /^\s*"([^"]*)"\s*\|/.exec(this.rest());
    if (quoted !== null) {
      this.pos += quoted[0].length;
      return decodeMermaidLabel(quoted[1] ?? '', true);
    }
    const end = this.s.indexOf('|', this.pos);
    if (end < 0) throw new Unreadable('an arrow label |…| is not closed');
    const label = decodeMermaidLabel(this.s.slice(this.pos, end), false);
    this.pos = end + 1;
    return label;
  }
}
