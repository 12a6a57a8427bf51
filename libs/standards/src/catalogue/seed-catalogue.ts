import { catalogueSchema, parseCatalogue, type Catalogue } from './catalogue.schema';
import { SEED_BUNDLES } from './seed/bundles.data';
import { SEED_CERTIFICATE_TYPES } from './seed/certificate-types.data';
import { SEED_DEPARTMENTS } from './seed/departments.data';
import { CONSTRUCTION_ITEMS } from './seed/items-construction.data';
import { BUSINESS_ITEMS } from './seed/items-business.data';
import { PEOPLE_ITEMS } from './seed/items-people.data';
import { SEED_MATERIALS } from './seed/materials.data';
import type { z } from 'zod';

/** The raw seed data before validation (what a spreadsheet or the DB would hold). */
export function seedCatalogueData(): z.input<typeof catalogueSchema> {
  return {
    departments: Object.values(SEED_DEPARTMENTS).map((d) => ({ ...d })),
    certificateTypes: SEED_CERTIFICATE_TYPES,
    materials: SEED_MATERIALS,
    items: [...BUSINESS_ITEMS, ...CONSTRUCTION_ITEMS, ...PEOPLE_ITEMS],
    bundles: SEED_BUNDLES,
  };
}

let cached: Catalogue | undefined;

/** The validated demo catalogue of the fictional 示范市 (all values illustrative); throws naming the bad entry if invalid. */
export function loadSeedCatalogue(): Catalogue {
  cached ??= parseCatalogue(seedCatalogueData(), 'seed catalogue');
  return cached;
}
