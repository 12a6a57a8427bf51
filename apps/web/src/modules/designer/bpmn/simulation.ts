import {
  addNaturalDays,
  addWorkingDays,
  yearsWithoutNotice,
  type WorkingCalendar,
} from '@onewindow/calendar';
import type { FlowLintContext } from '@onewindow/contracts';
import { simulatePlan, type PlanSimulation, type ServicePlan } from '@onewindow/flow-model';
import type { BusinessObject, Canvas, ElementRegistry, Overlays } from './modeler-types';

export interface DiagramSimulation extends PlanSimulation {
  /** Years the dates touch whose holiday notice is not loaded: the dates are provisional (no 调休 known). */
  provisionalYears: number[];
}

/** The plan's expected dates for an acceptance day on the calendar in force, with the subject's own limits. */
export function simulateOnCalendar(
  plan: ServicePlan,
  acceptedOn: string,
  calendar: WorkingCalendar,
  limits: FlowLintContext['limits'],
): DiagramSimulation {
  const sim = simulatePlan(plan, {
    acceptedOn,
    days: {
      addWorkingDays: (date, n) => addWorkingDays(calendar, date, n),
      addNaturalDays: (date, n) => addNaturalDays(calendar, date, n),
    },
    limits: {
      ...(limits.statutoryWorkingDays !== undefined
        ? { statutory: { value: limits.statutoryWorkingDays, unit: 'working_day' } }
        : {}),
      ...(limits.promisedWorkingDays !== undefined
        ? { promised: { value: limits.promisedWorkingDays, unit: 'working_day' } }
        : {}),
    },
  });
  const last = [sim.issuance.dueOn, sim.caseDue.statutory ?? '', sim.caseDue.promised ?? ''].sort().at(-1)!;
  return { ...sim, provisionalYears: yearsWithoutNotice(calendar, acceptedOn, last) };
}

const isSubProcess = (bo: BusinessObject | undefined): bo is BusinessObject =>
  bo?.$type === 'bpmn:SubProcess';

/**
 * The id a BPMN element has in the flattened plan: the compiler removes a sub-process's `<id>__` prefix from
 * the ids inside it, and flattenPlan prefixes them `<sub-flow id>/`.
 */
export function flatPlanId(bo: BusinessObject): string {
  const parent = bo.$parent;
  if (!isSubProcess(parent)) return bo.id;
  const own = bo.id.startsWith(`${parent.id}__`) ? bo.id.slice(parent.id.length + 2) : bo.id;
  return `${flatPlanId(parent)}/${own}`;
}

/** Where a flow entering (`in`) or leaving (`out`) an element is in the flat plan: a sub-process's start or end. */
function flatEnd(bo: BusinessObject, side: 'in' | 'out'): string {
  if (!isSubProcess(bo)) return flatPlanId(bo);
  const type = side === 'in' ? 'bpmn:StartEvent' : 'bpmn:EndEvent';
  const inner = (bo.flowElements ?? []).find((e) => e.$type === type);
  return inner ? flatEnd(inner, side) : flatPlanId(bo);
}

export const SIMULATION_OVERLAY = 'ow-simulation';
export const CRITICAL_MARKER = 'ow-critical';

/**
 * Draws a simulation on the canvas: a due-date badge on each step (department, timer, issuance, sub-process) and the
 * critical path's elements and flows marked; `undefined` clears both.
 */
export function drawSimulation(
  services: { overlays: Overlays; canvas: Canvas; elementRegistry: ElementRegistry },
  sim: DiagramSimulation | undefined,
  badge: (dueOn: string) => { text: string; title: string },
): void {
  const { overlays, canvas, elementRegistry } = services;
  overlays.remove({ type: SIMULATION_OVERLAY });
  const elements = elementRegistry.getAll().filter((el) => el.businessObject && el.type !== 'label');
  for (const el of elements) canvas.removeMarker(el, CRITICAL_MARKER);
  if (!sim) return;
  const steps = new Map(sim.steps.map((s) => [s.id, s]));
  const onPath = new Set(sim.criticalPath);
  const nextOnPath = new Map(sim.criticalPath.slice(1).map((id, i) => [sim.criticalPath[i], id]));
  for (const el of elements) {
    const bo = el.businessObject;
    if (el.waypoints) {
      const from = el.source && flatEnd(el.source.businessObject, 'out');
      const to = el.target && flatEnd(el.target.businessObject, 'in');
      if (from && to && nextOnPath.get(from) === to) canvas.addMarker(el, CRITICAL_MARKER);
      continue;
    }
    const id = flatPlanId(bo);
    const critical = isSubProcess(bo) ? sim.criticalPath.some((p) => p.startsWith(`${id}/`)) : onPath.has(id);
    if (critical) canvas.addMarker(el, CRITICAL_MARKER);
    // A sub-process (drawn collapsed, its steps on their own plane) is due when its last step is.
    const dueOn = isSubProcess(bo)
      ? sim.steps
          .filter((s) => s.id.startsWith(`${id}/`))
          .map((s) => s.dueOn)
          .sort()
          .at(-1)
      : steps.get(id)?.type === 'automatic'
        ? undefined
        : steps.get(id)?.dueOn;
    if (dueOn) {
      const { text, title } = badge(dueOn);
      const html = document.createElement('div');
      html.className = `ow-sim-badge${critical ? ' ow-sim-badge-critical' : ''}`;
      html.dataset.simFor = el.id;
      html.title = title;
      html.textContent = text;
      overlays.add(el, SIMULATION_OVERLAY, { position: { top: -21, left: 0 }, html });
    }
  }
}
