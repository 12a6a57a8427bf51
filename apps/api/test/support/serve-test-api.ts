// Runs the real API in its own process (openid-client is ESM-only, which Jest's module system cannot load).
// Configuration comes from the environment like in production; prints {"baseUrl": …} when listening.
import { loadConfig } from '@onewindow/config';
import { buildApiDeps, createApp, createLogger } from '../../src';

const config = loadConfig(process.env);
const deps = buildApiDeps(config, createLogger(process.env.LOG_LEVEL ?? 'silent'), '127.0.0.1:1');
deps.webDist = undefined;
const server = createApp(deps).listen(config.PORT, '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ baseUrl: `http://127.0.0.1:${config.PORT}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
