import { BpmnModdle } from 'bpmn-moddle';
import { LIMITS } from '../../model';
import { ImportError } from '../import/ImportError';
import { isA, isElement, type ModdleElement } from './moddleElement';
import { xmlDepth } from './xmlDepth';

/** A BPMN file read by bpmn-moddle: its `bpmn:Definitions` and the reader's warnings. */
export interface ReadBpmn {
  definitions: ModdleElement;
  warnings: string[];
}

const DOCTYPE = /<!DOCTYPE|<!ENTITY/i;

/**
 * Elements nest at most this deep. Real BPMN files nest a few dozen levels (sub-processes in
 * sub-processes); reading is recursive, and 10,000 levels would run out of stack.
 */
export const MAX_BPMN_DEPTH = 500;

/**
 * Reads BPMN 2.0 XML with bpmn-moddle. Refuses, with an {@link ImportError}, text that is too
 * large, declares a DOCTYPE (so no entity, internal or external, can ever be expanded), is
 * too deeply nested, is not XML, or is XML but not BPMN 2.0.
 * @example const { definitions } = await readBpmnXml(text);
 */
export async function readBpmnXml(xml: string): Promise<ReadBpmn> {
  if (xml.length > LIMITS.maxFileBytes) {
    throw new ImportError(
      'too-large',
      `This file is larger than ${LIMITS.maxFileBytes / 1024 / 1024} MB; Leverflow imports smaller BPMN files.`,
    );
  }
  if (DOCTYPE.test(xml)) {
    throw new ImportError(
      'doctype',
      'This file declares a DOCTYPE or XML entities. BPMN files do not need them, and Leverflow refuses them so that no entity (internal or external) is ever expanded.',
    );
  }
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*</.test(xml)) {
    throw new ImportError('not-xml', 'This file is not BPMN 2.0 XML: it is not XML at all.');
  }
  if (xmlDepth(xml, MAX_BPMN_DEPTH) > MAX_BPMN_DEPTH) {
    throw new ImportError(
      'too-deep',
      `This file is too deeply nested: its elements nest more than ${MAX_BPMN_DEPTH} levels deep, and BPMN files need far fewer.`,
    );
  }
  let result: Awaited<ReturnType<BpmnModdle['fromXML']>>;
  try {
    result = await new BpmnModdle().fromXML(xml);
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const notBpmn = reason?.startsWith('failed to parse document as');
    throw new ImportError(
      notBpmn ? 'not-bpmn' : 'not-xml',
      notBpmn
        ? 'This file is not BPMN 2.0 XML: its root element is not <definitions> in the BPMN 2.0 namespace (http://www.omg.org/spec/BPMN/20100524/MODEL).'
        : `This file is not BPMN 2.0 XML: ${reason}.`,
    );
  }
  const definitions = result.rootElement;
  if (!isElement(definitions) || !isA(definitions, 'bpmn:Definitions')) {
    throw new ImportError('not-bpmn', 'This file is not BPMN 2.0 XML: it has no <definitions>.');
  }
  const warnings = result.warnings
    .map((w) => warningText(w))
    .filter((w): w is string => w !== undefined && !w.startsWith('unsupported document encoding'));
  return { definitions, warnings };
}

function warningText(warning: unknown): string | undefined {
  if (typeof warning !== 'object' || warning === null || !('message' in warning)) return undefined;
  return typeof warning.message === 'string' ? warning.message.split('\n')[0] : undefined;
}
