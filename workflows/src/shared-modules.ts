/**
 * Third-party libraries the worker evaluates once per V8 context and shares between workflows (Temporal's
 * `bundlerOptions.preloadModules`), instead of once per workflow run. Each is a pure library whose module
 * scope keeps no per-workflow state; the SDK deep-freezes their exports.
 *
 * Without this, every workflow created or replayed re-ran the module code of zod, FEEL (feelin with its
 * Temporal polyfill and Lezer parser) and SHA-256: CPU on every cache miss and heap for every cached case.
 * Our own modules are not listed: a per-workflow copy keeps them isolated.
 *
 * The list holds one module of ours, `shared-modules.preload`, which imports the libraries and uses them:
 * listed by bare name (`'zod'`), webpack drops them from the preload function because their packages
 * declare no side effects, and nothing is shared. Every bundle of these workflows passes the same list
 * (worker, pre-built bundle, tests, replay) so that all run the same code.
 */
export const sharedWorkflowModules: readonly string[] = [require.resolve('./shared-modules.preload')];
