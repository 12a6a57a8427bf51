import { setHandler } from '@temporalio/workflow';
import { refreshCaseCalendar } from '../clock/case-calendar';
import { issueAtWindow } from '../engine/case-closing';
import type { CaseEngine } from '../engine/case-engine';
import * as m from './case-messages';
import { caseView } from './case-view';
import { assertStepGuard } from './step-guard';
import { caseVerbRegistry } from '../verbs';
import { openGaps } from '../clock/tolerated-gaps';
import { supplyToleratedMaterialUpdate } from '../verbs/supply-tolerated-material.update';
import {
  defineCaseUpdate,
  type CaseUpdateContext,
  type CaseUpdateDefinition,
  decision,
  type RecordDecision,
} from '../verbs/define-case-verb';

/** 统一出件 at the window, once every step is decided. Not an approver verb: `POST /api/cases/:caseNo/issue`. */
const issueResultsUpdate = defineCaseUpdate({
  update: m.issueResults,
  payload: m.issueResultsSchema,
  validate: ({ engine }) => {
    const s = engine.state;
    if (s.phase !== 'awaiting_issuance')
      throw new Error(`case ${s.caseNo} is ${s.phase.replace('_', ' ')}: nothing to issue`);
    // 容缺受理: nothing is issued while a tolerated material is missing.
    const open = openGaps(s);
    if (open.length > 0)
      throw new Error(
        `办件 ${s.caseNo} 为容缺受理，容缺材料尚未补齐，不能出件：${open
          .map((g) => `${g.materialCode}（承诺 ${g.dueDate} 前补齐）`)
          .join('、')}。请申请人补齐后在窗口登记补齐，再出件`,
      );
  },
  handle: ({ engine }, p) => issueAtWindow(engine, p),
});

/** New calendar data, sent by the system (the API's calendar publication), not by a user. */
const refreshCalendarUpdate = defineCaseUpdate({
  update: m.refreshCalendar,
  payload: m.refreshCalendarSchema,
  validate: ({ engine }) => {
    if (engine.finished)
      throw new Error(`case ${engine.state.caseNo} is ${engine.state.phase}: its clocks are closed`);
  },
  handle: ({ engine }, p) => refreshCaseCalendar(engine, p.actor, p.calendar),
});

/**
 * The order in which the Updates that predate the verb registry were always registered. The SDK runs an
 * Update that arrived before its handler (with the start, or just after a continue-as-new) when that
 * handler is registered, so with two such Updates the registration order is their execution order, which
 * a replay must repeat. Keep this list as it is; Updates added later register after these, in table order.
 */
const REGISTRATION_ORDER: readonly string[] = [
  'returnForSupplement',
  'submitSupplement',
  'startSpecialProcedure',
  'endSpecialProcedure',
  'requestExtension',
  'approveExtension',
  'refreshCalendar',
  'sendBack',
  'resubmitFromWindow',
  'transferTask',
  'delegateTask',
  'resolveDelegation',
  'addSigners',
  'removeSigners',
  'copyTo',
  'approveStep',
  'refuseStep',
  'withdrawCase',
  'issueResults',
];
const rank = (u: CaseUpdateDefinition<unknown, unknown, unknown>): number => {
  const at = REGISTRATION_ORDER.indexOf(u.update.name);
  return at === -1 ? REGISTRATION_ORDER.length : at;
};

/** Every Update of the case workflow: the approver verbs of the registry, then the workflow's own. */
const CASE_UPDATES: readonly CaseUpdateDefinition<unknown, unknown, unknown>[] = [
  ...Object.values(caseVerbRegistry),
  refreshCalendarUpdate,
  issueResultsUpdate,
  supplyToleratedMaterialUpdate,
]
  .map((u, i) => ({ u, i }))
  .sort((a, b) => rank(a.u) - rank(b.u) || a.i - b.i)
  .map(({ u }) => u);

/**
 * Registered at the very start, before the calendar is loaded and the first steps open: an Update (or
 * query) in that window gets a clear, retryable answer instead of "No registered handler". Their
 * validators always reject, so nothing reaches history; `registerCaseHandlers` replaces them.
 */
export function registerStartingHandlers(caseNo: string): void {
  const starting = (_payload?: unknown): never => {
    throw new Error(
      `case ${caseNo} is still starting (loading its working calendar and opening the first steps); retry in a moment`,
    );
  };
  for (const { update } of CASE_UPDATES) setHandler(update, starting, { validator: starting });
  setHandler(m.caseStateQuery, starting);
}

/** Registers every Update (validator first: an invalid one is rejected before it reaches history) and the query. */
export function registerCaseHandlers(engine: CaseEngine): void {
  const record: RecordDecision = (stepId, action, actor, details, step) => {
    const t = decision(stepId, action, actor, details, step);
    engine.apply(t);
    return engine.call(t.calls[0]) as Promise<void>;
  };
  const ctx: CaseUpdateContext = { engine, record };

  setHandler(m.caseStateQuery, () => caseView(engine));
  for (const definition of CASE_UPDATES) {
    setHandler(definition.update, (raw) => definition.handle(ctx, m.parsePayload(definition.payload, raw)), {
      validator: (raw) => {
        // Another department's task, a decided one, or a stale page (expectedRevision) first: nothing changes.
        assertStepGuard(engine.state, raw);
        definition.validate(ctx, m.parsePayload(definition.payload, raw));
      },
    });
  }
}
