import { defineUpdate } from '@temporalio/workflow';
import { z } from 'zod';
import { gapSupplied } from '../clock/tolerated-gaps';
import type { CaseView } from '../engine/case-state';
import { caseView } from '../handlers/case-view';
import { defineCaseUpdate } from './define-case-verb';
import { actor } from './payload-fields';

const supplyToleratedMaterialSchema = z.object({
  actor,
  materialCode: z.string().min(1, 'materialCode: the tolerated material handed in'),
});
type SupplyToleratedMaterial = z.infer<typeof supplyToleratedMaterialSchema>;

/**
 * 容缺补齐: the window records a tolerated material the applicant handed in (`POST
 * /api/cases/:caseNo/tolerated-materials/:materialCode`). Not an approver verb. Idempotent: a material
 * already recorded is answered with the case as it is, nothing recorded twice. A case started before the
 * workflow tracked gaps has none: the Update changes nothing there.
 */
export const supplyToleratedMaterial = defineUpdate<CaseView, [SupplyToleratedMaterial]>(
  'supplyToleratedMaterial',
);

export const supplyToleratedMaterialUpdate = defineCaseUpdate({
  update: supplyToleratedMaterial,
  payload: supplyToleratedMaterialSchema,
  validate: ({ engine }, p) => {
    const s = engine.state;
    if (!s.gaps) return;
    if (!s.gaps.some((g) => g.materialCode === p.materialCode))
      throw new Error(
        `办件 ${s.caseNo} 没有容缺材料 ${p.materialCode}：只能登记受理时容缺的材料（${s.gaps
          .map((g) => g.materialCode)
          .join('、')}）`,
      );
    if (engine.finished && !s.gaps.find((g) => g.materialCode === p.materialCode)?.suppliedAt)
      throw new Error(`办件 ${s.caseNo} 已结束（${s.phase}），不能再登记补齐材料`);
  },
  async handle({ engine }, p) {
    const gaps = engine.state.gaps;
    const gap = gaps?.find((g) => g.materialCode === p.materialCode);
    if (gaps && gap && !gap.suppliedAt) {
      const t = gapSupplied(gaps, p.materialCode, p.actor, Date.now());
      engine.apply(t);
      await engine.call(t.calls[0]);
    }
    return caseView(engine);
  },
});
