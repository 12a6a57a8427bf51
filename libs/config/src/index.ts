export {
  configSchema,
  DEFAULT_WORKER_CACHED_CASES,
  DEFAULT_WORKER_WORKFLOW_THREADS,
  type AppConfig,
} from './config.schema';
export { loadConfig, loadConfigOrExit, exitOnConfigError, ConfigError } from './load-config';
export { repoRoot, varDir } from './paths';
