// Child process for the cross-process audit test: appends N entries to DATABASE_URL's audit chain.
import { createPrismaClient } from '@onewindow/db';
import { recordAudit } from '@onewindow/audit';

const [count, label] = [Number(process.argv[2] ?? 10), process.argv[3] ?? 'child'];
const db = createPrismaClient(process.env.DATABASE_URL ?? '');
(async () => {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      recordAudit(db, { action: 'concurrent', target: `${label}:${i}` }),
    ),
  );
  await db.$disconnect();
})().catch((error: unknown) => {
  process.stderr.write(String(error));
  process.exit(1);
});
