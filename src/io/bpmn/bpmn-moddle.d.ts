/**
 * Just enough of bpmn-moddle's API for Leverflow. The package ships element types under
 * `bpmn-moddle/types` but none for its entry point, and its elements are loosely typed
 * objects anyway: everything read from a parsed file is `unknown` here and is narrowed by
 * the guards in `moddleElement.ts`.
 */
declare module 'bpmn-moddle' {
  /** An element built by {@link BpmnModdle.create}; its properties depend on `$type`. */
  export interface CreatedElement {
    readonly $type: string;
    /** Attributes outside the BPMN schema, by qualified name, e.g. `xmlns:x` or `x:size`. */
    readonly $attrs: Record<string, string>;
    get(name: string): unknown;
    set(name: string, value: unknown): void;
  }

  export interface FromXmlResult {
    rootElement: unknown;
    warnings: unknown[];
  }

  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<FromXmlResult>;
    create(type: string, attrs?: Record<string, unknown>): CreatedElement;
    toXML(element: CreatedElement, options?: { format?: boolean }): Promise<{ xml: string }>;
  }
}
