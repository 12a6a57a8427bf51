/* Providers that reduce bpmn-js's palette, context pad and replace menu to the elements OneWindow supports
   (the OneWindow BPMN format): start/end, department (user task), issuance (user task with ow:step="issue"),
   automatic (service task), timer catch event, parallel/exclusive/inclusive gateways, expanded sub-process. */

type Entries = Record<string, unknown>;
interface Shape {
  type: string;
  businessObject: unknown;
}
interface ElementFactory {
  createShape(attrs: {
    type: string;
    businessObject?: unknown;
    eventDefinitionType?: string;
    isExpanded?: boolean;
  }): Shape;
}
interface BpmnFactory {
  create(type: string, attrs?: Record<string, unknown>): unknown;
}
interface Create {
  start(event: Event, shape: Shape, context?: Record<string, unknown>): void;
}
interface AutoPlace {
  append(source: unknown, shape: Shape): void;
}
type Translate = (text: string) => string;
interface Registry {
  registerProvider(priority: number, provider: unknown): void;
  registerProvider(id: string, priority: number, provider: unknown): void;
}

const PALETTE_KEEP = ['hand-tool', 'lasso-tool', 'space-tool', 'global-connect-tool', 'tool-separator'];
const REPLACE_KEEP = new Set(
  [
    'user-task',
    'service-task',
    'exclusive-gateway',
    'parallel-gateway',
    'inclusive-gateway',
    'timer-intermediate-catch',
    'none-start',
    'none-end',
    'subprocess',
    'sequence-flow',
    'default-flow',
    'conditional-flow',
  ].map((id) => `replace-with-${id}`),
);
const CONTEXT_PAD_KEEP = new Set([
  'append.end-event',
  'append.gateway',
  'append.text-annotation',
  'connect',
  'delete',
  'replace',
]);

/** The shapes the palette and context pad create. */
function shapes(elementFactory: ElementFactory, bpmnFactory: BpmnFactory) {
  return {
    department: () =>
      elementFactory.createShape({
        type: 'bpmn:UserTask',
        businessObject: bpmnFactory.create('bpmn:UserTask', { name: '部门审批' }),
      }),
    issue: () =>
      elementFactory.createShape({
        type: 'bpmn:UserTask',
        businessObject: bpmnFactory.create('bpmn:UserTask', { name: '统一出件', 'ow:step': 'issue' }),
      }),
    automatic: () => elementFactory.createShape({ type: 'bpmn:ServiceTask' }),
    parallel: () => elementFactory.createShape({ type: 'bpmn:ParallelGateway' }),
    inclusive: () => elementFactory.createShape({ type: 'bpmn:InclusiveGateway' }),
    timer: () =>
      elementFactory.createShape({
        type: 'bpmn:IntermediateCatchEvent',
        eventDefinitionType: 'bpmn:TimerEventDefinition',
      }),
  };
}

class OwPaletteProvider {
  static $inject = ['palette', 'create', 'elementFactory', 'bpmnFactory', 'translate'];
  constructor(
    palette: Registry,
    private readonly create: Create,
    private readonly elementFactory: ElementFactory,
    private readonly bpmnFactory: BpmnFactory,
    private readonly translate: Translate,
  ) {
    palette.registerProvider(500, this);
  }

  getPaletteEntries() {
    const make = shapes(this.elementFactory, this.bpmnFactory);
    const entry = (group: string, className: string, title: string, shape: () => Shape) => {
      const start = (event: Event) => this.create.start(event, shape());
      return { group, className, title: this.translate(title), action: { dragstart: start, click: start } };
    };
    return (entries: Entries): Entries => {
      const kept: Entries = {};
      for (const key of PALETTE_KEEP) if (entries[key]) kept[key] = entries[key];
      return {
        ...kept,
        'create.start-event': entries['create.start-event'],
        'create.end-event': entries['create.end-event'],
        'create.timer': entry(
          'event',
          'bpmn-icon-intermediate-event-catch-timer',
          'Create timer',
          make.timer,
        ),
        'create.exclusive-gateway': entries['create.exclusive-gateway'],
        'create.parallel-gateway': entry(
          'gateway',
          'bpmn-icon-gateway-parallel',
          'Create parallel gateway',
          make.parallel,
        ),
        'create.inclusive-gateway': entry(
          'gateway',
          'bpmn-icon-gateway-or',
          'Create inclusive gateway',
          make.inclusive,
        ),
        'create.department-step': entry(
          'activity',
          'bpmn-icon-user-task',
          'Create department step',
          make.department,
        ),
        'create.issue-step': entry(
          'activity',
          'bpmn-icon-user-task ow-palette-issue',
          'Create issuance step',
          make.issue,
        ),
        'create.automatic-step': entry(
          'activity',
          'bpmn-icon-service-task',
          'Create automatic step',
          make.automatic,
        ),
        'create.subprocess-expanded': entries['create.subprocess-expanded'],
      };
    };
  }
}

class OwContextPadProvider {
  static $inject = ['contextPad', 'create', 'autoPlace', 'elementFactory', 'bpmnFactory', 'translate'];
  constructor(
    contextPad: Registry,
    private readonly create: Create,
    private readonly autoPlace: AutoPlace | null,
    private readonly elementFactory: ElementFactory,
    private readonly bpmnFactory: BpmnFactory,
    private readonly translate: Translate,
  ) {
    contextPad.registerProvider(500, this);
  }

  getContextPadEntries(element: { type: string }) {
    const make = shapes(this.elementFactory, this.bpmnFactory);
    const append = (className: string, title: string, shape: () => Shape) => ({
      group: 'model',
      className,
      title: this.translate(title),
      action: {
        click: (_event: Event, source: unknown) =>
          this.autoPlace ? this.autoPlace.append(source, shape()) : undefined,
        dragstart: (event: Event, source: unknown) => this.create.start(event, shape(), { source }),
      },
    });
    return (entries: Entries): Entries => {
      const kept: Entries = {};
      for (const [key, value] of Object.entries(entries)) if (CONTEXT_PAD_KEEP.has(key)) kept[key] = value;
      if ('append.end-event' in entries) {
        kept['append.department-step'] = append(
          'bpmn-icon-user-task',
          'Append department step',
          make.department,
        );
        kept['append.timer'] = append(
          'bpmn-icon-intermediate-event-catch-timer',
          'Append timer intermediate catch event',
          make.timer,
        );
      }
      void element;
      return kept;
    };
  }
}

class OwReplaceMenuProvider {
  static $inject = ['popupMenu'];
  constructor(popupMenu: Registry) {
    popupMenu.registerProvider('bpmn-replace', 500, this);
  }

  getPopupMenuEntries() {
    return (entries: Entries): Entries =>
      Object.fromEntries(Object.entries(entries).filter(([key]) => REPLACE_KEEP.has(key)));
  }

  /** Loop, multi-instance, compensation and ad-hoc markers are not supported: no header toggles. */
  getPopupMenuHeaderEntries() {
    return (): Entries => ({});
  }
}

export const reduceModule = {
  __init__: ['owPaletteProvider', 'owContextPadProvider', 'owReplaceMenuProvider'],
  owPaletteProvider: ['type', OwPaletteProvider],
  owContextPadProvider: ['type', OwContextPadProvider],
  owReplaceMenuProvider: ['type', OwReplaceMenuProvider],
};
