import { setHandler } from '@temporalio/workflow';
import type { CaseEngine } from './case-engine';
import type { RecordDecision } from './case-handlers';
import * as m from './case-messages';
import type { AssigneeState, CaseState, StepState } from './case-state';
import { stepView } from './case-view';
import * as v from './case-validators';
import { reissueTaskRow } from './case-work-nodes';
import {
  reachableApprovals,
  settle,
  signersOf,
  slotFor,
  undecidedSlotOf,
  withExplicitSeats,
} from './step-reducer';

const groupId = (p: m.TransferTask): string => `group:${p.groupName ?? p.to.join('、')}`;

/** The people of `to` the step is not copied to yet. */
const notYetCopied = (step: StepState, to: string[]): string[] =>
  to.filter((u) => !step.cc.some((c) => c.userId === u));

function assertNewSigners(step: StepState, people: string[]): void {
  const already = people.filter((u) => signersOf(step).includes(u));
  if (already.length > 0) throw new Error(`${already.join(', ')} already sign step "${step.stepId}"`);
  if (new Set(people).size !== people.length) throw new Error('a person is named twice');
}

/** The transferred slot: `from`'s undecided place, which the actor may hand over. */
function transferredSlot(state: CaseState, p: m.TransferTask): AssigneeState {
  const step = v.assertRunning(state, p.stepId, 'transfer');
  const from = p.from ?? p.actor;
  const slot = undecidedSlotOf(step, from);
  if (!slot)
    throw new Error(
      `${from} has no undecided place on step "${step.stepId}" to transfer (signers: ${signersOf(step).join(', ')})`,
    );
  if (p.authority !== 'lead' && slot.userId !== p.actor && !slot.candidates?.includes(p.actor)) {
    throw new Error(
      `${p.actor} can transfer only their own place on step "${step.stepId}"; a department lead reassigns other people's tasks`,
    );
  }
  if (slot.delegation)
    throw new Error(
      `${from}'s place on step "${step.stepId}" is delegated to ${slot.delegation.to}: transfer it when it comes back`,
    );
  assertNewSigners(step, p.to);
  return slot;
}

function removableSlots(state: CaseState, p: m.RemoveSigners): AssigneeState[] {
  const step = v.assertRunning(state, p.stepId, 'remove_signer');
  if (!signersOf(step).includes(p.actor))
    throw new Error(
      `${p.actor} is not a signer of step "${step.stepId}": only its signers may remove signers (减签)`,
    );
  if (p.signers.includes(p.actor))
    throw new Error(`${p.actor} cannot remove themselves: transfer the task instead (转办)`);
  const slots = p.signers.map((userId) => {
    const slot = step.assignees.find((a) => a.userId === userId && a.status !== 'removed');
    if (!slot) throw new Error(`${userId} is not a signer of step "${step.stepId}"`);
    if (slot.status !== 'pending')
      throw new Error(
        `${userId} has already ${slot.status} step "${step.stepId}": a decided signer cannot be removed`,
      );
    return slot;
  });
  // The actor's own seat always stays, so a step never ends up without signers.
  const left = step.assignees.map((a) => (slots.includes(a) ? { ...a, status: 'removed' as const } : a));
  if (step.countersign.mode === 'at_least' && reachableApprovals(left) < step.countersign.n) {
    throw new Error(
      `removing ${p.signers.join(', ')} would leave ${reachableApprovals(left)} possible approvals on step "${step.stepId}", which needs at least ${step.countersign.n}: add a signer first`,
    );
  }
  return slots;
}

/** 转办, 委派, 加签/减签, 抄送: who works on a step. None of them moves a clock. */
export function registerPeopleHandlers(engine: CaseEngine, record: RecordDecision): void {
  const s = engine.state;
  const at = () => engine.nowIso();

  setHandler(
    m.transferTask,
    async (raw) => {
      const p = m.parsePayload(m.transferTaskSchema, raw);
      const slot = transferredSlot(s, p);
      const step = s.steps[p.stepId];
      const successor: AssigneeState = {
        userId: p.to.length === 1 ? p.to[0] : groupId(p),
        status: 'pending',
        source: 'transferred',
        seat: slot.seat ?? step.assignees.indexOf(slot),
        order: slot.order ?? 0,
        ...(p.to.length > 1 ? { candidates: p.to } : {}),
        addedBy: p.actor,
      };
      const assignees = withExplicitSeats(step.assignees).map((a, i) =>
        step.assignees[i] === slot ? { ...a, status: 'removed' as const, removedBy: p.actor } : a,
      );
      s.steps[p.stepId] = { ...step, assignees: [...assignees, successor] };
      const details = {
        from: slot.userId,
        to: p.to,
        ...(p.groupName ? { groupName: p.groupName } : {}),
        reason: p.reason,
        authority: p.authority,
      };
      await Promise.all([
        record(p.stepId, 'transfer', p.actor, details),
        reissueTaskRow(engine, p.stepId, 'transferred'),
      ]);
      return stepView(engine, s.steps[p.stepId]);
    },
    { validator: (raw) => void transferredSlot(s, m.parsePayload(m.transferTaskSchema, raw)) },
  );

  setHandler(
    m.delegateTask,
    async (raw) => {
      const p = m.parsePayload(m.delegateTaskSchema, raw);
      const step = s.steps[p.stepId];
      const slot = slotFor(step, p.actor)!;
      const delegation = { to: p.to, since: at(), reason: p.reason };
      s.steps[p.stepId] = {
        ...step,
        assignees: step.assignees.map((a) => (a === slot ? { ...a, delegation } : a)),
      };
      await Promise.all([
        record(p.stepId, 'delegate', p.actor, { to: p.to, reason: p.reason }),
        reissueTaskRow(engine, p.stepId, 'delegated'),
      ]);
      return stepView(engine, s.steps[p.stepId]);
    },
    {
      validator: (raw) => {
        const p = m.parsePayload(m.delegateTaskSchema, raw);
        const step = v.assertCanAct(s, p.stepId, p.actor, 'delegate');
        if (p.to === p.actor) throw new Error('a task cannot be delegated to oneself');
        assertNewSigners(step, [p.to]);
      },
    },
  );

  setHandler(
    m.resolveDelegation,
    async (raw) => {
      const p = m.parsePayload(m.resolveDelegationSchema, raw);
      const step = s.steps[p.stepId];
      const slot = step.assignees.find((a) => a.status === 'pending' && a.delegation?.to === p.actor)!;
      const opinion = { by: p.actor, opinion: p.opinion, comment: p.comment, at: at() };
      const { delegation: _back, ...owner } = slot;
      s.steps[p.stepId] = {
        ...step,
        assignees: step.assignees.map((a) =>
          a === slot ? { ...owner, opinions: [...(slot.opinions ?? []), opinion] } : a,
        ),
      };
      const details = { owner: slot.userId, opinion: p.opinion, comment: p.comment };
      await Promise.all([
        record(p.stepId, 'delegation_resolved', p.actor, details),
        reissueTaskRow(engine, p.stepId, 'delegation_resolved'),
      ]);
      return stepView(engine, s.steps[p.stepId]);
    },
    {
      validator: (raw) => {
        const p = m.parsePayload(m.resolveDelegationSchema, raw);
        const step = v.openStep(s, p.stepId);
        v.assertNotHeld(step);
        if (!step.assignees.some((a) => a.status === 'pending' && a.delegation?.to === p.actor)) {
          throw new Error(`${p.actor} has no task of step "${p.stepId}" delegated to them (委派)`);
        }
      },
    },
  );

  setHandler(
    m.addSigners,
    async (raw) => {
      const p = m.parsePayload(m.addSignersSchema, raw);
      const step = s.steps[p.stepId];
      const assignees = withExplicitSeats(step.assignees);
      const mine = assignees[step.assignees.indexOf(slotFor(step, p.actor)!)];
      const added = (userId: string, seat: number): AssigneeState => ({
        userId,
        status: 'pending',
        source: 'added',
        seat,
        order: 0,
        addedBy: p.actor,
      });
      let next: AssigneeState[];
      if (p.position === 'parallel') {
        const top = Math.max(...assignees.map((a) => a.seat!));
        next = [...assignees, ...p.signers.map((userId, i) => added(userId, top + 1 + i))];
      } else {
        // before: they sign first, in the order given, then the actor; after: right after the actor.
        const seat = assignees.filter((a) => a.seat === mine.seat).sort((x, y) => x.order! - y.order!);
        const insertAt = seat.indexOf(mine) + (p.position === 'after' ? 1 : 0);
        const newcomers = p.signers.map((userId) => added(userId, mine.seat!));
        const ordered = [...seat.slice(0, insertAt), ...newcomers, ...seat.slice(insertAt)];
        const orderOf = new Map(ordered.map((a, i) => [a, i]));
        next = [...assignees, ...newcomers].map((a) =>
          orderOf.has(a) ? { ...a, order: orderOf.get(a)! } : a,
        );
      }
      s.steps[p.stepId] = { ...step, assignees: next };
      await Promise.all([
        record(p.stepId, 'add_signers', p.actor, {
          signers: p.signers,
          position: p.position,
          reason: p.reason,
        }),
        reissueTaskRow(engine, p.stepId, 'signers_changed'),
      ]);
      return stepView(engine, s.steps[p.stepId]);
    },
    {
      validator: (raw) => {
        const p = m.parsePayload(m.addSignersSchema, raw);
        assertNewSigners(v.assertCanAct(s, p.stepId, p.actor, 'add_signer'), p.signers);
      },
    },
  );

  setHandler(
    m.removeSigners,
    async (raw) => {
      const p = m.parsePayload(m.removeSignersSchema, raw);
      const slots = removableSlots(s, p);
      const step = s.steps[p.stepId];
      const assignees = step.assignees.map((a) =>
        slots.includes(a) ? { ...a, status: 'removed' as const, removedBy: p.actor } : a,
      );
      // Removing the last undecided signers may decide the step by its rule (e.g. all: everyone left approved).
      const next = settle({ ...step, assignees }, at());
      s.steps[p.stepId] = next;
      const recorded = record(p.stepId, 'remove_signers', p.actor, { signers: p.signers, reason: p.reason });
      if (next.status !== 'open') await Promise.all([recorded, engine.closeStep(next)]);
      else await Promise.all([recorded, reissueTaskRow(engine, p.stepId, 'signers_changed')]);
      return stepView(engine, s.steps[p.stepId]);
    },
    { validator: (raw) => void removableSlots(s, m.parsePayload(m.removeSignersSchema, raw)) },
  );

  setHandler(
    m.copyTo,
    async (raw) => {
      const p = m.parsePayload(m.copyToSchema, raw);
      const step = s.steps[p.stepId];
      const fresh = notYetCopied(step, p.to);
      const copies = fresh.map((userId) => ({
        userId,
        by: p.actor,
        at: at(),
        ...(p.note ? { note: p.note } : {}),
      }));
      s.steps[p.stepId] = { ...step, cc: [...step.cc, ...copies] };
      await record(p.stepId, 'cc', p.actor, { to: fresh, ...(p.note ? { note: p.note } : {}) });
      return stepView(engine, s.steps[p.stepId]);
    },
    {
      validator: (raw) => {
        const p = m.parsePayload(m.copyToSchema, raw);
        const step = v.openStep(s, p.stepId);
        v.assertAllowed(step, 'cc');
        if (!signersOf(step).includes(p.actor))
          throw new Error(
            `${p.actor} is not a signer of step "${p.stepId}": only its signers copy it to others (抄送)`,
          );
        if (notYetCopied(step, p.to).length === 0)
          throw new Error(`step "${p.stepId}" is already copied to ${p.to.join(', ')}`);
      },
    },
  );
}
