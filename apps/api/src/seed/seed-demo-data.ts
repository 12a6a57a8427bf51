import { applyCatalogue, saveCertificates, type Db } from '@onewindow/db';
import { loadDemoApplicants, loadSeedCatalogue } from '@onewindow/standards';
import { seedDemoUsers } from '../auth/seed-demo-users';

/**
 * The demo data `npm start` loads (idempotent): the seed catalogue (departments, items, materials,
 * certificate types, bundles), demo users for every role, and the made-up demo applicants' certificates.
 */
export async function seedDemoData(
  db: Db,
): Promise<{ catalogue: string; users: number; certificates: number }> {
  const catalogue = await applyCatalogue(db, loadSeedCatalogue(), {
    label: 'seed catalogue',
    source: 'seed',
    createdBy: 'seed',
  });
  const users = await seedDemoUsers(db);
  const certificates = await saveCertificates(
    db,
    loadDemoApplicants().flatMap((a) => a.certificates),
  );
  return {
    catalogue: `${catalogue.itemsAdded} items added, ${catalogue.itemsChanged} changed, ${catalogue.itemsUnchanged} unchanged`,
    users: users.created.length,
    certificates,
  };
}
