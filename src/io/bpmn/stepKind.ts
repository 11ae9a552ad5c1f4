import type { MapNode } from '../../model';
import { humanizeType } from './bpmnNaming';
import { isA, type ModdleElement } from './moddleElement';

const SKIPPED_NOUNS: [type: string, noun: string][] = [
  ['bpmn:TextAnnotation', 'text annotation'],
  ['bpmn:Association', 'association'],
  ['bpmn:Group', 'group'],
  ['bpmn:DataObjectReference', 'data object'],
  ['bpmn:DataStoreReference', 'data store'],
];

/**
 * The kind of step a flow element becomes, or undefined when it has no place in a flowchart.
 * @example stepKind(userTask) // 'action'
 */
export function stepKind(element: ModdleElement): MapNode['kind'] | undefined {
  if (isA(element, 'bpmn:StartEvent')) return 'start';
  if (isA(element, 'bpmn:EndEvent')) return 'end';
  if (isA(element, 'bpmn:ParallelGateway')) return 'parallel';
  if (isA(element, 'bpmn:Gateway')) return 'decision';
  if (isA(element, 'bpmn:IntermediateCatchEvent') || isA(element, 'bpmn:IntermediateThrowEvent')) {
    return 'action';
  }
  if (isA(element, 'bpmn:Activity')) {
    if (element.isForCompensation === true) return undefined;
    if (isA(element, 'bpmn:SubProcess') && element.triggeredByEvent === true) return undefined;
    return 'action';
  }
  return undefined;
}

/**
 * How a skipped element is named in the report, or undefined when it is not worth naming.
 * @example skippedNoun(textAnnotation) // 'text annotation'
 */
export function skippedNoun(element: ModdleElement): string | undefined {
  for (const [type, noun] of SKIPPED_NOUNS) if (isA(element, type)) return noun;
  if (isA(element, 'bpmn:DataObject')) return undefined;
  if (isA(element, 'bpmn:SubProcess')) return 'event sub-process';
  if (isA(element, 'bpmn:Activity')) return 'compensation activity';
  return humanizeType(element.$type).toLowerCase();
}
