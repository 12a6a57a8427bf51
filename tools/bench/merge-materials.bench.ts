// Benchmark: mergeMaterials for a 10-item application against an applicant with 50 certificates on file.
// Run: npx tsx tools/bench/merge-materials.bench.ts   (target ≥ 20,000 merges/s on one core)
import {
  buildLicenceIdentifier,
  generateSyntheticCatalogue,
  loadSeedCatalogue,
  mergeMaterials,
  type CertificateOnFile,
  type ChecklistItem,
} from '@onewindow/standards';

const AS_OF = '2026-11-20';
const APPLICANT = { code: '379902198503121235' };
const ISSUER = '11379900MB1000101Y';

function certificatesOnFile(typeCodes: string[]): CertificateOnFile[] {
  return Array.from({ length: 50 }, (_, i) => {
    const typeCode = typeCodes[i % typeCodes.length];
    const status = i % 7 === 3 ? 'revoked' : i % 11 === 5 ? 'expired' : 'valid';
    return {
      identifier: buildLicenceIdentifier({
        typeCode,
        issuerCode: ISSUER,
        serial: String(20200000000 + i),
        version: '001',
      }),
      typeCode,
      holder: { code: i % 5 === 4 ? '379902198707162426' : APPLICANT.code },
      status,
      validFrom: '2020-01-01',
      ...(i % 3 === 0 ? {} : { validUntil: i % 4 === 0 ? '2025-12-31' : '2030-12-31' }),
    } as CertificateOnFile;
  });
}

function measure(label: string, items: ChecklistItem[], certs: CertificateOnFile[]) {
  for (let i = 0; i < 20_000; i++) mergeMaterials(items, APPLICANT, certs, { asOf: AS_OF }); // warm-up (JIT)
  const rounds: number[] = [];
  for (let r = 0; r < 7; r++) {
    const n = 20_000;
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < n; i++) mergeMaterials(items, APPLICANT, certs, { asOf: AS_OF });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    rounds.push(n / seconds);
  }
  rounds.sort((a, b) => a - b);
  const sample = mergeMaterials(items, APPLICANT, certs, { asOf: AS_OF });
  return {
    label,
    requirements: sample.counts.requirementsListed,
    distinct: sample.counts.distinctMaterials,
    reused: sample.counts.savedByReuse,
    median: rounds[3],
    min: rounds[0],
    max: rounds[6],
  };
}

const catalogue = loadSeedCatalogue();
const seedItems = [...catalogue.items].sort((a, b) => b.materials.length - a.materials.length).slice(0, 10);
const typeCodes = catalogue.certificateTypes.map((t) => t.code);
const synthetic = generateSyntheticCatalogue(10);

const t0 = process.hrtime.bigint();
const big = generateSyntheticCatalogue(5000);
const genMs = Number(process.hrtime.bigint() - t0) / 1e6;

const rows = [
  measure('seed catalogue: 10 items with the most materials', seedItems, certificatesOnFile(typeCodes)),
  measure('synthetic: generateSyntheticCatalogue(10)', synthetic, certificatesOnFile(typeCodes)),
];

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`mergeMaterials — 10 items, 50 certificates on file, node ${process.version}, ${process.arch}\n`);
console.log(
  '| case | requirement lines | distinct materials | reused | merges/s (median of 7) | min | max |',
);
console.log('|---|---:|---:|---:|---:|---:|---:|');
for (const r of rows)
  console.log(
    `| ${r.label} | ${r.requirements} | ${r.distinct} | ${r.reused} | ${fmt(r.median)} | ${fmt(r.min)} | ${fmt(r.max)} |`,
  );
console.log(
  `\ngenerateSyntheticCatalogue(5000): ${big.length} schema-validated items in ${genMs.toFixed(0)} ms`,
);
const ok = rows.every((r) => r.median >= 20_000);
console.log(`target ≥ 20,000 merges/s: ${ok ? 'met' : 'NOT met'}`);
