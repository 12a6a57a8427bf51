import { Linter } from 'bpmnlint';
import type { ServicePlan } from '../service-plan.schema';
import { PLUGIN_NAME, configs, rules, type CatalogueOptions } from './bpmnlint-plugin-onewindow';
import { compileDefinitions, type CompileOptions } from './compile';
import { parseBpmn } from './moddle';
import type { ModdleElement } from './moddle-types';
import {
  DIAGRAM,
  PROBLEM_CODES,
  type BpmnProblem,
  type LintProblem,
  type ProblemCode,
  type ProblemParams,
} from './problems';

/** What lint and the compiler know beyond the diagram: the catalogue, the limits, the role groups. */
export interface LintContext extends CompileOptions {
  /** Codes of the catalogue; a list left out is not checked. */
  catalogue?: CatalogueOptions;
  /** The item's (or bundle's) limits, in working days: over the promised one warns, over the statutory one is an error. */
  limits?: { promisedWorkingDays?: number; statutoryWorkingDays?: number };
  /** Limits of the items of sub-flows (`ow:itemCode`), in working days. */
  itemLimits?: Readonly<Record<string, { promisedWorkingDays?: number; statutoryWorkingDays?: number }>>;
}

export interface LintAndCompileResult {
  /** The plan, when nothing is an error (warnings may remain). */
  plan?: ServicePlan;
  problems: LintProblem[];
}

const pick = (
  limits: LintContext['itemLimits'],
  which: 'promisedWorkingDays' | 'statutoryWorkingDays',
): Record<string, number> =>
  Object.fromEntries(
    Object.entries(limits ?? {}).flatMap(([code, l]) => (l[which] === undefined ? [] : [[code, l[which]]])),
  );

/** The bpmnlint config for a context: the plugin's recommended severities with the context as rule options. */
export function lintConfig(context: LintContext = {}): { rules: Record<string, unknown> } {
  const options: Record<string, unknown> = {
    'onewindow/catalogue': context.catalogue ?? {},
    'onewindow/critical-path-promised': {
      limitWorkingDays: context.limits?.promisedWorkingDays,
      itemLimits: pick(context.itemLimits, 'promisedWorkingDays'),
    },
    'onewindow/critical-path-statutory': {
      limitWorkingDays: context.limits?.statutoryWorkingDays,
      itemLimits: pick(context.itemLimits, 'statutoryWorkingDays'),
    },
  };
  return {
    rules: Object.fromEntries(
      Object.entries(configs.recommended.rules).map(([name, severity]) => [
        name,
        name in options ? [severity, options[name]] : severity,
      ]),
    ),
  };
}

/** A bpmnlint Linter whose resolver hands out our plugin's rules directly (no package lookup). */
export function createLinter(context: LintContext = {}): Linter {
  return new Linter({
    config: lintConfig(context),
    resolver: {
      resolveRule: (pkg, ruleName) => (pkg === PLUGIN_NAME ? rules[ruleName] : undefined),
      resolveConfig: (pkg, name) => (pkg === PLUGIN_NAME ? configs[name as keyof typeof configs] : undefined),
    },
  });
}

const nameOf = (byId: Map<string, ModdleElement>, id: string | undefined): string | undefined =>
  (id && byId.get(id)?.name?.trim()) || undefined;

function indexById(definitions: ModdleElement): Map<string, ModdleElement> {
  const byId = new Map<string, ModdleElement>();
  const stack: unknown[] = [definitions];
  while (stack.length > 0) {
    const el = stack.pop();
    if (Array.isArray(el)) stack.push(...(el as unknown[]));
    else if (el && typeof el === 'object' && '$type' in el) {
      const m = el as ModdleElement;
      if (typeof m.id === 'string' && !byId.has(m.id)) byId.set(m.id, m);
      for (const key of [
        'rootElements',
        'flowElements',
        'laneSets',
        'lanes',
        'childLaneSet',
        'participants',
        'messageFlows',
        'artifacts',
      ])
        if (m[key]) stack.push(m[key]);
    }
  }
  return byId;
}

const isProblemCode = (code: unknown): code is ProblemCode =>
  typeof code === 'string' && (PROBLEM_CODES as readonly string[]).includes(code);

/**
 * Lints (bpmnlint with bpmnlint-plugin-onewindow) and compiles a diagram: what the designer shows live and
 * what publishing repeats. Never throws. Problems are ordered parse, lint, compile; a problem is reported
 * once (see the end of the function).
 */
export async function lintAndCompile(xml: string, context: LintContext = {}): Promise<LintAndCompileResult> {
  const parsed = await parseBpmn(xml);
  const problems: LintProblem[] = parsed.problems.map((p) => ({ ...p, severity: 'error', rule: 'parse' }));
  if (!parsed.definitions) return { problems };
  const byId = indexById(parsed.definitions);

  const results = await createLinter(context).lint(parsed.definitions);
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports) {
      const elementName = nameOf(byId, r.id);
      const failed = r.category === 'rule-error' || !isProblemCode(r.code);
      problems.push({
        elementId: r.id ?? DIAGRAM,
        ...(elementName ? { elementName } : {}),
        ...(failed
          ? { code: 'lint.ruleFailed' as const, params: { rule, detail: r.message } }
          : { code: r.code as ProblemCode, ...(r.params ? { params: r.params as ProblemParams } : {}) }),
        message: r.category === 'rule-error' ? `the lint rule failed: ${r.message}` : r.message,
        severity: r.category === 'warn' || r.category === 'info' ? 'warning' : 'error',
        rule,
      });
    }
  }
  const compiled = compileDefinitions(parsed.definitions, context);
  problems.push(
    ...compiled.problems.map((p: BpmnProblem) => ({ ...p, severity: 'error' as const, rule: 'compile' })),
  );

  // One problem once: the compiler repeats some lint rules (a department step's missing limit, its
  // countersign …); its report is left out when a lint rule already gave the same code on the same element.
  // Otherwise the same code, params and element are reported once (two bad attributes of one element stay two).
  const linted = new Set(
    problems.filter((p) => p.rule !== 'compile').map((p) => `${p.elementId}\u0000${p.code}`),
  );
  const seen = new Set<string>();
  const unique = problems.filter((p) => {
    if (p.rule === 'compile' && linted.has(`${p.elementId}\u0000${p.code}`)) return false;
    const key = `${p.elementId}\u0000${p.code}\u0000${JSON.stringify(p.params ?? {})}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const plan = unique.some((p) => p.severity === 'error') ? undefined : compiled.plan;
  return plan ? { plan, problems: unique } : { problems: unique };
}
