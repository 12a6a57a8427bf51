/** The part of a moddle element (bpmn-moddle's object model) that the compiler and lint rules read. */
export interface ModdleElement {
  $type: string;
  $parent?: ModdleElement;
  $attrs: Record<string, string>;
  id?: string;
  name?: string;
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  [property: string]: unknown;
}

/** Reads a moddle property as the given shape (moddle objects are untyped). */
export const prop = <T>(element: ModdleElement, name: string): T | undefined =>
  element[name] as T | undefined;

export const many = (element: ModdleElement, name: string): ModdleElement[] =>
  (element[name] as ModdleElement[] | undefined) ?? [];

/** `bpmn:UserTask` is `bpmn:UserTask` (moddle's `$instanceOf` also knows supertypes; exact types suffice here). */
export const isType = (element: ModdleElement | undefined, ...types: string[]): boolean =>
  !!element && types.includes(element.$type);
