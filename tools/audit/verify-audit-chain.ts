// Verifies the audit log's hash chain: `DATABASE_URL=… npx tsx tools/audit/verify-audit-chain.ts`.
// Exit 0 when intact, 1 naming the first broken entry, 2 when the check cannot run.
import { z } from 'zod';
import { createPrismaClient } from '@onewindow/db';
import { verifyAuditChain } from '@onewindow/audit';

const env = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^(file:.+|postgres(ql)?:\/\/.+)$/, 'expected "file:<path>" or "postgresql://…"'),
  })
  .safeParse(process.env);
if (!env.success) {
  process.stderr.write(
    `DATABASE_URL: ${env.error.issues[0]?.message ?? 'missing'} (the database whose audit log to verify)\n`,
  );
  process.exit(2);
}

const db = createPrismaClient(env.data.DATABASE_URL);
verifyAuditChain(db)
  .then((report) => {
    if (report.ok) {
      process.stdout.write(
        `Audit chain intact: ${report.entries} entries verified.\nHead hash: ${report.headHash}\n`,
      );
      process.exitCode = 0;
    } else {
      process.stdout.write(
        `Audit chain BROKEN at entry #${report.brokenAtSeq}: ${report.reason}. ${report.entries} entries before it verified.\n`,
      );
      process.exitCode = 1;
    }
  })
  .catch((error: unknown) => {
    process.stderr.write(`Cannot verify the audit chain: ${(error as Error).message}\n`);
    process.exitCode = 2;
  })
  .finally(() => db.$disconnect());
