/** The few bpmn-js services the designer calls, typed by hand (bpmn-js ships loose typings). */
export interface BusinessObject {
  id: string;
  $type: string;
  name?: string;
  get(name: string): unknown;
  eventDefinitions?: BusinessObject[];
  conditionExpression?: { body?: string };
  sourceRef?: BusinessObject;
  default?: BusinessObject;
  timeDuration?: { body?: string };
  /** The enclosing process or sub-process. */
  $parent?: BusinessObject;
  flowElements?: BusinessObject[];
}
export interface DiagramElement {
  id: string;
  type: string;
  businessObject: BusinessObject;
  /** A connection's bend points, its source and its target. */
  waypoints?: unknown[];
  source?: DiagramElement;
  target?: DiagramElement;
  /** A label's element (a flow's or an event's name, drawn apart). */
  labelTarget?: DiagramElement;
}
export interface Modeling {
  updateProperties(element: DiagramElement, properties: Record<string, unknown>): void;
  updateModdleProperties(element: DiagramElement, target: unknown, properties: Record<string, unknown>): void;
}
export interface ModdleService {
  create(type: string, attrs?: Record<string, unknown>): unknown;
}
export interface ElementRegistry {
  get(id: string): DiagramElement | undefined;
  getAll(): DiagramElement[];
}
export interface Selection {
  select(element: DiagramElement | DiagramElement[] | null): void;
  get(): DiagramElement[];
}
export interface Canvas {
  scrollToElement(element: DiagramElement): void;
  addMarker(element: DiagramElement | string, marker: string): void;
  removeMarker(element: DiagramElement | string, marker: string): void;
  viewbox(): Viewbox;
  viewbox(box: { x: number; y: number; width: number; height: number }): Viewbox;
  getRootElement(): DiagramElement;
  zoom(level: number | 'fit-viewport'): number;
}
interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Viewbox extends Box {
  inner: Box;
  outer: { width: number; height: number };
}
export interface CommandStack {
  undo(): void;
  redo(): void;
  canUndo(): boolean;
  canRedo(): boolean;
}
export interface Overlays {
  add(
    element: DiagramElement | string,
    type: string,
    overlay: {
      position: { top?: number; left?: number; bottom?: number; right?: number };
      html: HTMLElement;
    },
  ): string;
  remove(filter: { type?: string; element?: DiagramElement | string }): void;
}
