import type { ModdleElement } from './moddleElement';
import { elementList, isA } from './moddleElement';

/**
 * A BPMN type as words, e.g. `bpmn:UserTask` -> `User task`.
 * @example humanizeType('bpmn:IntermediateCatchEvent') // 'Intermediate catch event'
 */
export function humanizeType(type: string): string {
  const words = type
    .replace(/^[a-z]+:/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/**
 * The trigger of an event as a word (`Timer`, `Message`, …), or undefined for a plain event.
 * @example eventTrigger(timerStart) // 'Timer'
 */
export function eventTrigger(event: ModdleElement): string | undefined {
  const definition = elementList(event, 'eventDefinitions')[0];
  if (definition === undefined) return undefined;
  return humanizeType(definition.$type.replace(/EventDefinition$/, ''));
}

/**
 * The label a step gets when its BPMN element has no name.
 * @example fallbackLabel(unnamedTimerCatch) // 'Timer event'
 */
export function fallbackLabel(element: ModdleElement): string {
  if (isA(element, 'bpmn:StartEvent')) return 'Start';
  if (isA(element, 'bpmn:EndEvent')) return 'End';
  if (isA(element, 'bpmn:Gateway')) return '';
  if (isA(element, 'bpmn:Event')) {
    const trigger = eventTrigger(element);
    return trigger === undefined ? humanizeType(element.$type) : `${trigger} event`;
  }
  return humanizeType(element.$type);
}
