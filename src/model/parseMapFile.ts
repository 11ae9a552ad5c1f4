import { checkIntegrity, type MapError } from './checkIntegrity';
import { type Failure, failure } from './Failure';
import { formatIssuePath } from './formatIssuePath';
import { LIMITS } from './limits';
import { migrateMapFile } from './migrations';
import { MAP_FORMAT, mapSchema } from './schema';
import type { ProcessMap } from './types';

export type { MapError } from './checkIntegrity';

/** Why a map file was refused. */
export type MapErrorCode =
  | 'too-large'
  | 'not-json'
  | 'forbidden-key'
  | 'not-an-object'
  | 'wrong-format'
  | 'too-many-steps'
  | 'version'
  | 'schema'
  | 'integrity';

/** A refused map file: the one failure shape (the first problem's path), and every problem. */
export type MapFailure = Failure<MapErrorCode> & { errors: MapError[] };

export type ParseResult = { ok: true; map: ProcessMap; migrations: string[] } | MapFailure;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const MAX_ERRORS = 20;

function fail(code: MapErrorCode, path: string, message: string): MapFailure {
  return failWith(code, [{ path, message }]);
}

function failWith(code: MapErrorCode, errors: MapError[]): MapFailure {
  return { ...failure(code, formatMapErrors(errors), errors[0]?.path), errors };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Parses the text of a map file: JSON, format, version (migrating older ones), schema,
 * then integrity (unique ids, arrows to existing steps). Never throws.
 * @example parseMapFile('{"format":"leverflow-map",...}') // { ok: true, map }
 * @example parseMapFile('nope') // { ok: false, errors: [{ path: '(file)', message: 'not JSON: …' }] }
 */
export function parseMapFile(text: string): ParseResult {
  if (text.length > LIMITS.maxFileBytes) {
    return fail(
      'too-large',
      '(file)',
      `file is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB`,
    );
  }
  let raw: unknown;
  let forbidden: string | undefined;
  try {
    raw = JSON.parse(text, function reviver(key, value) {
      if (FORBIDDEN_KEYS.has(key)) forbidden ??= key;
      return value;
    });
  } catch (error) {
    return fail(
      'not-json',
      '(file)',
      `not JSON: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  if (forbidden !== undefined) {
    return fail('forbidden-key', '(file)', `the key "${forbidden}" is not allowed in a map file`);
  }
  return parseMapData(raw);
}

/** Like {@link parseMapFile}, for data already decoded from JSON (storage, clipboard). */
export function parseMapData(raw: unknown): ParseResult {
  if (!isRecord(raw)) return fail('not-an-object', '(file)', 'expected a JSON object');
  if (raw.format !== MAP_FORMAT) {
    return fail(
      'wrong-format',
      'format',
      raw.format === undefined
        ? `missing; a Leverflow map has "format": "${MAP_FORMAT}"`
        : `expected "${MAP_FORMAT}", got ${JSON.stringify(raw.format)?.slice(0, 60)}`,
    );
  }
  if (Array.isArray(raw.nodes) && raw.nodes.length > LIMITS.maxNodes) {
    return fail(
      'too-many-steps',
      'nodes',
      `a map holds at most ${LIMITS.maxNodes} steps; this one has ${raw.nodes.length}`,
    );
  }
  const migrated = migrateMapFile(raw);
  if (!migrated.ok) return fail('version', 'version', migrated.message);
  const parsed = mapSchema.safeParse(migrated.file);
  if (!parsed.success) {
    return failWith(
      'schema',
      parsed.error.issues.slice(0, MAX_ERRORS).map((issue) => ({
        path: formatIssuePath(issue.path),
        message: describeIssue(issue),
      })),
    );
  }
  const integrity = checkIntegrity(parsed.data);
  if (integrity.length > 0) return failWith('integrity', integrity.slice(0, MAX_ERRORS));
  return { ok: true, map: parsed.data, migrations: migrated.applied };
}

interface IssueLike {
  code: string;
  message: string;
  options?: readonly unknown[];
}

function describeIssue(issue: IssueLike): string {
  if (issue.code === 'invalid_union' && Array.isArray(issue.options)) {
    return `expected one of ${issue.options.join(', ')}`;
  }
  return issue.message.replace(/^Invalid input: /, '');
}

/** Formats parse errors as lines a person can read, e.g. `nodes[3].kind: expected one of …`. */
export function formatMapErrors(errors: readonly MapError[]): string {
  return errors.map((e) => `${e.path}: ${e.message}`).join('\n');
}
