// Minimal typings of the bpmn-io packages this folder uses: bpmn-moddle ships its types behind an `exports`
// subpath and bpmnlint / bpmn-auto-layout ship none that `moduleResolution: node` finds.
declare module 'bpmn-moddle' {
  /** A moddle element; `moddle-types.ts` types the parts we read. */
  type ModdleElement = object;
  export interface ParseWarning {
    message: string;
    element?: ModdleElement;
    property?: string;
    value?: unknown;
  }
  export interface ParseResult {
    rootElement: ModdleElement;
    warnings: ParseWarning[];
    elementsById: Record<string, ModdleElement>;
  }
  export class BpmnModdle {
    constructor(packages?: Record<string, unknown>, options?: Record<string, unknown>);
    fromXML(xml: string, typeName?: string): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean }): Promise<{ xml: string }>;
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
  }
}

declare module 'bpmn-auto-layout' {
  export function layoutProcess(xml: string): Promise<string>;
}

declare module 'bpmnlint' {
  type ModdleElement = object;
  export interface Reporter {
    /** The fields of `data` are copied onto the report (our rules give `code` and `params`). */
    report(id: string, message: string, data?: Record<string, unknown>): void;
  }
  export interface RuleDefinition {
    check: (node: never, reporter: Reporter) => void;
  }
  export type RuleFactory = (config?: unknown) => RuleDefinition;
  export interface LintReport {
    id?: string;
    message: string;
    category: 'error' | 'warn' | 'info' | 'rule-error';
    /** The third argument of `report`, spread onto the report. */
    [data: string]: unknown;
  }
  export class Linter {
    constructor(options: {
      config?: { rules: Record<string, unknown> };
      resolver: {
        resolveRule(pkg: string, ruleName: string): unknown;
        resolveConfig(pkg: string, configName: string): unknown;
      };
    });
    lint(definitions: ModdleElement): Promise<Record<string, LintReport[]>>;
  }
}
