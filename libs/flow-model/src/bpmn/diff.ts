import { parseBpmn } from './moddle';
import { many, prop, type ModdleElement } from './moddle-types';

/** One element's semantic fields that differ between two diagrams. */
export interface FieldChange {
  /** `name`, an `ow:` attribute (`limitWorkingDays` …), `type`, `source`, `target`, `condition`, `default`, `timer`, `parent`, or `attr:<qname>` for a foreign one. */
  field: string;
  before?: string;
  after?: string;
}
export interface DiffElement {
  id: string;
  /** The BPMN type without prefix (`UserTask`, `SequenceFlow` …), in the diagram that has it (the newer when both do). */
  type: string;
  name?: string;
}
export interface BpmnDiff {
  added: DiffElement[];
  removed: DiffElement[];
  changed: (DiffElement & { changes: FieldChange[] })[];
}

/** Properties that are structure or layout, not meaning (flows are compared by their source and target). */
const IGNORED = new Set([
  'id',
  'incoming',
  'outgoing',
  'flowElements',
  'laneSets',
  'artifacts',
  'di',
  'documentation',
  'extensionElements',
  'isExecutable',
  'gatewayDirection',
  'eventDefinitions',
  'conditionExpression',
  'sourceRef',
  'targetRef',
  'default',
  'ioSpecification',
  'flowNodeRef',
  'childLaneSet',
  'lanes',
]);

/** What an element means, field by field, as text. */
function fieldsOf(el: ModdleElement): Map<string, string> {
  const fields = new Map<string, string>([['type', el.$type.replace(/^bpmn:/, '')]]);
  for (const [key, value] of Object.entries(el)) {
    if (key.startsWith('$') || IGNORED.has(key)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      fields.set(key, String(value));
  }
  for (const [qname, value] of Object.entries(el.$attrs ?? {}))
    if (!qname.startsWith('xmlns')) fields.set(`attr:${qname}`, String(value));
  const source = prop<ModdleElement>(el, 'sourceRef')?.id;
  const target = prop<ModdleElement>(el, 'targetRef')?.id;
  if (source) fields.set('source', source);
  if (target) fields.set('target', target);
  const condition = prop<ModdleElement>(el, 'conditionExpression');
  if (condition && typeof condition.body === 'string') fields.set('condition', condition.body.trim());
  const defaultFlow = prop<ModdleElement>(el, 'default')?.id;
  if (defaultFlow) fields.set('default', defaultFlow);
  for (const def of many(el, 'eventDefinitions')) {
    const duration = prop<ModdleElement>(def, 'timeDuration');
    fields.set('timer', typeof duration?.body === 'string' ? duration.body.trim() : def.$type);
  }
  if (el.$parent?.$type === 'bpmn:SubProcess' && el.$parent.id) fields.set('parent', el.$parent.id);
  return fields;
}

/** Every element with an id under the definitions' processes: flow nodes, flows, lanes, the processes. */
function elementsOf(definitions: ModdleElement): Map<string, ModdleElement> {
  const byId = new Map<string, ModdleElement>();
  const visit = (el: ModdleElement) => {
    if (el.id) byId.set(el.id, el);
    for (const key of ['flowElements', 'laneSets', 'lanes', 'childLaneSet', 'artifacts']) {
      const value = el[key];
      for (const child of Array.isArray(value) ? value : value ? [value] : []) visit(child as ModdleElement);
    }
  };
  for (const root of many(definitions, 'rootElements')) if (root.$type === 'bpmn:Process') visit(root);
  return byId;
}

const describe = (el: ModdleElement): DiffElement => ({
  id: el.id!,
  type: el.$type.replace(/^bpmn:/, ''),
  ...(el.name?.trim() ? { name: el.name.trim() } : {}),
});

/**
 * The semantic difference between two diagrams (e.g. two published versions): elements added, removed, and
 * changed field by field — names, `ow:` settings, types, where a flow goes, conditions, default flows, timer
 * durations, the enclosing sub-process, foreign attributes. Layout is not compared. Elements are matched by
 * id, as the designer keeps ids. Throws when a diagram cannot be read.
 */
export async function diffBpmn(beforeXml: string, afterXml: string): Promise<BpmnDiff> {
  const [before, after] = await Promise.all([parseBpmn(beforeXml), parseBpmn(afterXml)]);
  if (!before.definitions || !after.definitions)
    throw new Error(
      `cannot compare: ${[...before.problems, ...after.problems].map((p) => p.message).join('; ')}`,
    );
  const old = elementsOf(before.definitions);
  const now = elementsOf(after.definitions);
  const diff: BpmnDiff = { added: [], removed: [], changed: [] };
  for (const [id, el] of now) {
    const was = old.get(id);
    if (!was) {
      diff.added.push(describe(el));
      continue;
    }
    const a = fieldsOf(was);
    const b = fieldsOf(el);
    const changes: FieldChange[] = [];
    for (const field of new Set([...a.keys(), ...b.keys()])) {
      const x = a.get(field);
      const y = b.get(field);
      if (x !== y)
        changes.push({
          field,
          ...(x === undefined ? {} : { before: x }),
          ...(y === undefined ? {} : { after: y }),
        });
    }
    if (changes.length > 0) diff.changed.push({ ...describe(el), changes });
  }
  for (const [id, el] of old) if (!now.has(id)) diff.removed.push(describe(el));
  return diff;
}
