import { elementProp, type ModdleElement, stringProp } from './moddleElement';

/**
 * The label of the arrow a sequence flow becomes: its name; without one, its condition
 * (`conditionExpression`, as written); without either, "Otherwise" when it is its gateway's
 * or task's default flow. Exported arrows carry their label as the name, so it round-trips.
 * @example flowLabel(flow) // 'amount > 1000'
 */
export function flowLabel(flow: ModdleElement): string | undefined {
  const name = stringProp(flow, 'name');
  if (name !== undefined && name.trim() !== '') return name;
  const condition = elementProp(flow, 'conditionExpression');
  const body = condition === undefined ? undefined : stringProp(condition, 'body')?.trim();
  if (body) return body;
  const source = elementProp(flow, 'sourceRef');
  if (source !== undefined && elementProp(source, 'default') === flow) return 'Otherwise';
  return name;
}
