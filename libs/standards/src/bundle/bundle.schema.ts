import { z } from 'zod';
import { serviceObjectSchema } from '../codes/code-tables';

export const bundleFieldTypeSchema = z.enum([
  'text',
  'number',
  'date',
  'select',
  'boolean',
  'resident_id',
  'uscc',
  'mobile',
  'address',
]);

/** One field of the merged form (一表申请), with the items whose forms it replaces. */
export const bundleFormFieldSchema = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,63}$/, 'field key: camelCase/snake_case identifier'),
  label: z.string().trim().min(1).max(100),
  type: bundleFieldTypeSchema,
  required: z.boolean(),
  options: z.array(z.string().min(1)).optional(),
  itemCodes: z.array(z.string()).min(1, 'a form field is used by at least one item'),
});
export type BundleFormField = z.infer<typeof bundleFormFieldSchema>;

export const bundleItemSchema = z.object({
  itemCode: z.string().min(31).max(33),
  /** Offered to the applicant but not always needed (e.g. tobacco retail licence when opening a restaurant). */
  optional: z.boolean().default(false),
  /** Items of this bundle that must finish first; items with no pending prerequisites run in parallel. */
  after: z.array(z.string()).default([]),
});
export type BundleItem = z.infer<typeof bundleItemSchema>;

/**
 * 行政许可法 Arts. 26, 42 ¶2: how the bundle's items are handled together — 统一办理 (`unified`: one window accepts,
 * the departments give their opinions, one result), 联合办理 (`joint`) or 集中办理 (`concentrated`). A case accepted
 * as such a bundle has the joint limit (45 working days, +15) instead of its strictest item limit. Absent: the
 * items are only served together (e.g. public services), and the strictest item limit applies.
 */
export const BUNDLE_JOINT_HANDLING_LABELS = {
  unified: '统一办理',
  joint: '联合办理',
  concentrated: '集中办理',
} as const;
const bundleJointHandlingSchema = z.enum(['unified', 'joint', 'concentrated']);

/** 一件事: a theme made of items, with their prerequisites and one merged form. */
export const bundleSchema = z
  .object({
    code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$/, 'bundle code: 1–50 letters, digits, . _ -'),
    name: z.string().trim().min(1).max(200),
    description: z.string().max(2000).optional(),
    serviceObjects: z.array(serviceObjectSchema).min(1),
    items: z.array(bundleItemSchema).min(2, 'a bundle combines at least two items'),
    form: z.array(bundleFormFieldSchema),
    jointHandling: bundleJointHandlingSchema.optional(),
    illustrative: z.boolean().optional(),
    notes: z.string().max(2000).optional(),
  })
  .superRefine((b, ctx) => {
    const codes = new Set<string>();
    b.items.forEach((it, i) => {
      if (codes.has(it.itemCode))
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'itemCode'],
          message: `item ${it.itemCode} appears twice in the bundle`,
          params: { zh: `事项 ${it.itemCode} 在一件事中重复出现` },
        });
      codes.add(it.itemCode);
    });
    b.items.forEach((it, i) =>
      it.after.forEach((p, j) => {
        if (!codes.has(p))
          ctx.addIssue({
            code: 'custom',
            path: ['items', i, 'after', j],
            message: `prerequisite ${p} is not an item of this bundle`,
            params: { zh: `前置事项 ${p} 不是本一件事的事项` },
          });
      }),
    );
    if (bundleStages(b) === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['items'],
        message: 'prerequisites form a cycle',
        params: { zh: '前置事项构成循环：请检查“前置事项编码”' },
      });
    const keys = new Set<string>();
    b.form.forEach((f, i) => {
      if (keys.has(f.key))
        ctx.addIssue({
          code: 'custom',
          path: ['form', i, 'key'],
          message: `form field ${f.key} appears twice`,
          params: { zh: `表单字段 ${f.key} 重复出现` },
        });
      keys.add(f.key);
      f.itemCodes.forEach((c, j) => {
        if (!codes.has(c))
          ctx.addIssue({
            code: 'custom',
            path: ['form', i, 'itemCodes', j],
            message: `form field uses item ${c} which is not in the bundle`,
            params: { zh: `表单字段使用的事项 ${c} 不在本一件事中` },
          });
      });
      if (f.type === 'select' && !(f.options && f.options.length > 0))
        ctx.addIssue({
          code: 'custom',
          path: ['form', i, 'options'],
          message: 'a select field lists its options',
          params: { zh: '“选择”类型的字段须填写选项' },
        });
    });
  });
export type Bundle = z.infer<typeof bundleSchema>;
export type BundleInput = z.input<typeof bundleSchema>;

/**
 * Stages of parallel work: every item of a stage runs in parallel once all earlier stages finished.
 * Returns undefined when prerequisites form a cycle. Unknown prerequisites are ignored here (the schema reports them).
 */
export function bundleStages(bundle: {
  items: { itemCode: string; after?: string[] }[];
}): string[][] | undefined {
  const inBundle = new Set(bundle.items.map((i) => i.itemCode));
  const done = new Set<string>();
  const stages: string[][] = [];
  let pending = bundle.items.map((i) => ({
    code: i.itemCode,
    after: (i.after ?? []).filter((p) => inBundle.has(p)),
  }));
  while (pending.length > 0) {
    const ready = pending.filter((p) => p.after.every((a) => done.has(a)));
    if (ready.length === 0) return undefined;
    stages.push(ready.map((r) => r.code));
    ready.forEach((r) => done.add(r.code));
    pending = pending.filter((p) => !done.has(p.code));
  }
  return stages;
}
