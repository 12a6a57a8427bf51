import path from 'node:path';
import { sharedWorkflowModules } from '../src/index';
import { workflowBundle } from './case-harness';

// The worker evaluates these libraries once and shares them (bundlerOptions.preloadModules). Every workflow test
// runs on this bundle, so a library that breaks when shared and frozen fails those tests; this file holds the
// bundle to the sharing itself, which would otherwise fail silently: webpack drops a preload entry it considers
// free of side effects (a bare `'zod'` became `0;`), and then every workflow evaluates its own copy again.
const moduleId = (file: string) =>
  `./${path.relative(path.resolve(__dirname, '../..'), file).split(path.sep).join('/')}`;

describe('shared workflow libraries', () => {
  let code = '';
  // webpack takes 5–10 s on a 2-core machine: the bundle is built once, outside the tests' 5 s limit.
  beforeAll(async () => {
    ({ code } = await workflowBundle());
  }, 120_000);

  it('the bundle preloads every listed module (none dropped by webpack)', () => {
    const body = /exports\.preloadModules = function preloadModules\(\) \{([^}]*)\}/.exec(code)?.[1] ?? '';
    const statements = body
      .split(';')
      .map((s) => s.trim())
      .filter(Boolean);
    const required = statements.map((s) => /__webpack_require__\(.*"([^"]+)"\)$/.exec(s)?.[1] ?? s);
    expect(required).toEqual(sharedWorkflowModules.map(moduleId));
  });

  it('the preloaded module reaches zod, FEEL and SHA-256, the libraries workflow code imports', () => {
    const start = code.indexOf(`/***/ "${moduleId(sharedWorkflowModules[0])}"`);
    expect(start).toBeGreaterThan(-1);
    const source = code.slice(start, code.indexOf('/***/ }', start));
    for (const lib of ['zod', 'feelin', '@noble/hashes']) expect(source).toContain(`"./node_modules/${lib}/`);
  });
});
