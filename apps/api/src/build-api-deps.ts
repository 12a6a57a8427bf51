import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { repoRoot, type AppConfig } from '@onewindow/config';
import { createPrismaClient } from '@onewindow/db';
import type { Logger } from 'pino';
import type { ApiDeps } from './api-deps';
import { loadSecurityConfig } from './security/security-config';

/** Wires real dependencies from configuration. Temporal is connected lazily so the API can report it down. */
export function buildApiDeps(config: AppConfig, logger: Logger, temporalAddress: string): ApiDeps {
  const connection = Connection.lazy({ address: temporalAddress });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  return {
    config,
    security: loadSecurityConfig(),
    logger,
    db: createPrismaClient(config.DATABASE_URL),
    version: process.env.npm_package_version ?? '0.1.0',
    temporal: { client, connection, address: temporalAddress, taskQueue: config.TASK_QUEUE },
    webDist: path.join(repoRoot(), 'apps', 'web', 'dist'),
  };
}
