/**
 * Small type guards over bpmn-moddle's loosely typed element objects. Every read of a parsed
 * BPMN file goes through these, so no parsed value is ever cast.
 */

/** A parsed BPMN element: an object with a `$type` such as `bpmn:Task`. */
export interface ModdleElement {
  readonly $type: string;
  readonly [key: string]: unknown;
}

/** True for a parsed element (an object with a string `$type`). */
export function isElement(value: unknown): value is ModdleElement {
  return (
    typeof value === 'object' &&
    value !== null &&
    '$type' in value &&
    typeof value.$type === 'string'
  );
}

/**
 * True when the element is of the type or a subtype, asked through moddle's own
 * `$instanceOf`, e.g. `isA(userTask, 'bpmn:Activity')`.
 * @example isA(element, 'bpmn:Gateway')
 */
export function isA(element: ModdleElement, type: string): boolean {
  const instanceOf = element.$instanceOf;
  if (typeof instanceOf === 'function') return instanceOf.call(element, type) === true;
  return element.$type === type;
}

/** The elements in a list property, ignoring anything that is not an element. */
export function elementList(element: ModdleElement, key: string): ModdleElement[] {
  const value = element[key];
  return Array.isArray(value) ? value.filter(isElement) : [];
}

/** An element-valued property, or undefined. */
export function elementProp(element: ModdleElement, key: string): ModdleElement | undefined {
  const value = element[key];
  return isElement(value) ? value : undefined;
}

/** A string property, or undefined. */
export function stringProp(element: ModdleElement, key: string): string | undefined {
  const value = element[key];
  return typeof value === 'string' ? value : undefined;
}

/** A finite number property, or undefined. */
export function numberProp(element: ModdleElement, key: string): number | undefined {
  const value = element[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
