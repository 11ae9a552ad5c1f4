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
 * The label a step gets when its BPMN element has no name: a start or end event is named
 * Start or End; a task, gateway or other event stays unnamed, so the analysis asks for a
 * name as it does for any unnamed step.
 * @example fallbackLabel(unnamedTimerCatch) // ''
 */
export function fallbackLabel(element: ModdleElement): string {
  if (isA(element, 'bpmn:StartEvent')) return 'Start';
  if (isA(element, 'bpmn:EndEvent')) return 'End';
  return '';
}
