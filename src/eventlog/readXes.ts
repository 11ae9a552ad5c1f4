import { type Failure, failure } from '../model/Failure';
import { createLogBuilder, transitionOf } from './createLogBuilder';
import { type BadRow, type ImportedLog, MAX_LISTED_BAD_ROWS } from './EventLog';
import { parseTimestamp } from './parseTimestamp';

const TAG =
  /<(\/?)([A-Za-z_][\w:.-]*)([^>]*?)(\/?)>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<!\[CDATA\[[\s\S]*?\]\]>/g;
const ATTR = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (_, e: string) => {
    if (e[0] !== '#') return NAMED[e.toLowerCase()] ?? '';
    const code =
      e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
}

function attrs(text: string): Record<string, string> {
  const out: Record<string, string> = Object.create(null);
  for (const m of text.matchAll(ATTR)) out[m[1]!] = decode(m[2] ?? m[3] ?? '');
  return out;
}

const ATTRIBUTE_TAGS = new Set(['string', 'date', 'int', 'float', 'boolean', 'id']);

/**
 * Reads an XES event log (IEEE 1849): each `<trace>` is a case (its `concept:name` the case
 * id), each `<event>` an event with `concept:name` (activity), `time:timestamp`, and
 * optionally `org:resource` and `lifecycle:transition` (start/complete pairs give durations;
 * other transitions are skipped). Attributes nested in lists or containers are ignored.
 * Events without a name or a readable timestamp are counted and listed with their line.
 * A scanner, not a DOM: it runs in a Web Worker and in Node, and reads a large file in one pass.
 * @example readXes(text).log.caseIds // ['case 1', …]
 */
export function readXes(text: string): ImportedLog | Failure<'not-xes'> {
  if (!/<log[\s>]/.test(text)) {
    return failure('not-xes', 'This is not an XES event log: it has no <log> element.');
  }
  const builder = createLogBuilder();
  const badRows: BadRow[] = [];
  let badCount = 0;
  let lineAt = 0;
  let line = 1;
  const lineOf = (index: number) => {
    for (let i = text.indexOf('\n', lineAt); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
      line++;
      lineAt = i + 1;
    }
    return line;
  };
  // Where we are: the open elements, and the attributes of the trace and event being read.
  const stack: string[] = [];
  let traceIndex = 0;
  let caseId: string | null = null;
  let pending: { line: number; a: Record<string, string> }[] = [];
  let event: { line: number; a: Record<string, string> } | null = null;
  const finishTrace = () => {
    const id = caseId ?? `trace ${traceIndex}`;
    for (const e of pending) {
      const name = e.a['concept:name']?.trim();
      const when = e.a['time:timestamp'];
      const t = when === undefined ? Number.NaN : parseTimestamp(when, 'iso');
      const reason = !name
        ? 'event has no concept:name'
        : Number.isNaN(t)
          ? `event has no readable time:timestamp${when ? ` ("${when.slice(0, 40)}")` : ''}`
          : null;
      if (reason) {
        badCount++;
        if (badRows.length < MAX_LISTED_BAD_ROWS) badRows.push({ line: e.line, reason });
        continue;
      }
      const resource = e.a['org:resource']?.trim();
      builder.add(id, name!.slice(0, 500), t, {
        ...(resource ? { resource: resource.slice(0, 500) } : {}),
        transition: transitionOf(e.a['lifecycle:transition']),
      });
    }
    pending = [];
    caseId = null;
  };
  for (const m of text.matchAll(TAG)) {
    const name = m[2];
    if (name === undefined) continue; // a comment, declaration or CDATA
    const closing = m[1] === '/';
    const selfClosing = m[4] === '/';
    if (closing) {
      const open = stack.pop();
      if (open === 'event' && event) {
        pending.push(event);
        event = null;
      } else if (open === 'trace') finishTrace();
      continue;
    }
    const parent = stack[stack.length - 1];
    if (ATTRIBUTE_TAGS.has(name)) {
      const a = attrs(m[3] ?? '');
      const key = a.key;
      if (key !== undefined && a.value !== undefined) {
        if (parent === 'event' && event) event.a[key] = a.value;
        else if (parent === 'trace' && key === 'concept:name') caseId = a.value;
      }
    } else if (name === 'trace') {
      traceIndex++;
      caseId = null;
      pending = [];
    } else if (name === 'event' && parent === 'trace') {
      event = { line: lineOf(m.index), a: Object.create(null) };
    }
    if (!selfClosing) stack.push(name);
    else if (name === 'event' && event) {
      pending.push(event);
      event = null;
    }
  }
  if (pending.length > 0) finishTrace();
  const { log, ignored } = builder.finish();
  return { log, badCount, badRows, ignoredTransitions: ignored };
}
