export { configSchema, type AppConfig } from './config.schema';
export { loadConfig, loadConfigOrExit, ConfigError } from './load-config';
export { repoRoot, varDir } from './paths';
