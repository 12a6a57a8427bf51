export { configSchema, DEFAULT_WORKER_CACHED_CASES, type AppConfig } from './config.schema';
export { loadConfig, loadConfigOrExit, exitOnConfigError, ConfigError } from './load-config';
export { repoRoot, varDir } from './paths';
