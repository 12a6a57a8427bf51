import { seedDemoData as seedInto } from '@onewindow/api';
import { createPrismaClient } from '@onewindow/db';

/** Idempotent demo seed for `npm start`: catalogue, demo users, demo applicants' certificates. */
export async function seedDemoData(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const db = createPrismaClient(databaseUrl);
  try {
    const result = await seedInto(db);
    log(
      `demo data: catalogue ${result.catalogue}; ${result.users} new demo users; ${result.certificates} new demo certificates`,
    );
  } finally {
    await db.$disconnect();
  }
}
