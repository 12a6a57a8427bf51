import type { Client, Connection } from '@temporalio/client';
import type { Logger } from 'pino';
import type { AppConfig } from '@onewindow/config';
import type { Db } from '@onewindow/db';
import type { SecurityConfig } from './security/security-config';

/** Everything a router may use; built once in main.ts (or by the test kit). */
export interface ApiDeps {
  config: AppConfig;
  /** Sessions, lock-out, rate limits, body limit, OIDC (see security/security-config.ts). */
  security: SecurityConfig;
  db: Db;
  logger: Logger;
  version: string;
  temporal: { client: Client; connection: Connection; address: string; taskQueue: string };
  /** Directory of the built web app, served at / when present. */
  webDist?: string;
}
