import ExcelJS from 'exceljs';
import { bothTestDatabases } from '@onewindow/db';
import { demoPassword } from '../src';
import { rateCase } from '../src/evaluations/evaluations.service';
import { json, signedIn, startTestApi, type HttpSession, type TestApi } from './support/test-api';
import { seedCatalogueItem } from './support/seed-catalogue-item';
import { FOOD, seedSupervisedCentre } from './support/seed-supervised-centre';

/**
 * Demand analytics (GET /api/supervision/demand and its XLSX tables) over real HTTP and real rows on SQLite and on
 * PostgreSQL (the statements take each database's day and hour functions): cases accepted at given times, their
 * items, a bundle, materials taken from a certificate, decided tasks; and the supervision figures and 好差评 rates
 * over the same rows. The period is given, so nothing depends on today's date.
 */
describe.each(bothTestDatabases)('demand analytics on %s', (_kind, createDatabase) => {
  let api: TestApi;
  let lead: HttpSession;
  let supervisor: HttpSession;
  let approver: HttpSession;
  const DRUG = '11370800MB28559184337011700202Y';
  const no = (n: number) => `YC2026120100010${n}`;
  const query = 'from=2026-12-01&to=2026-12-15';

  beforeAll(async () => {
    api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 }, await createDatabase());
    const db = api.deps.db;
    await seedSupervisedCentre(db);
    await seedCatalogueItem(db, {
      code: DRUG,
      name: '医疗机构执业登记',
      departmentCode: 'SFS-WJW',
      statutory: 20,
      promised: 5,
    });
    await db.bundle.create({ data: { code: 'OPEN-SHOP', version: 1, name: '开餐馆一件事', data: '{}' } });
    await db.certificateType.create({ data: { code: 'BIZ', name: '营业执照', data: '{}' } });
    await db.certificate.create({
      data: {
        id: 'cert-1',
        typeCode: 'BIZ',
        number: 'BIZ-0001',
        holderIdNumber: '11010519491231002X',
        holderName: '张三',
        issuerDeptCode: 'SFS-SCJG',
        issuedAt: new Date('2026-01-05T02:00:00Z'),
        validFrom: '2026-01-05',
        status: 'valid',
        data: '{}',
      },
    });
    const accepted = async (
      n: number,
      acceptedAt: string,
      items: string[],
      materials: ('submitted' | 'reused_certificate')[],
      decided?: { department: string; closedAt: string },
      bundleCode?: string,
    ) => {
      await db.case.create({
        data: {
          caseNo: no(n),
          applicantId: 'A1',
          kind: bundleCode ? 'bundle' : 'item',
          bundleCode,
          status: decided ? 'issued' : 'in_review',
          acceptedAt: new Date(acceptedAt),
          items: { create: items.map((implementationCode) => ({ implementationCode, itemVersion: 1 })) },
          materials: {
            create: materials.map((provenance, i) => ({
              id: `${no(n)}:m${i}`,
              materialCode: `M${i}`,
              provenance,
              certificateId: provenance === 'reused_certificate' ? 'cert-1' : null,
            })),
          },
        },
      });
      if (decided)
        await db.task.create({
          data: {
            id: `${no(n)}:s1:1`,
            caseNo: no(n),
            stepId: 's1',
            seq: 1,
            departmentCode: decided.department,
            role: 'dept_approver',
            state: 'done',
            openedAt: new Date(acceptedAt),
            closedAt: new Date(decided.closedAt),
            outcome: 'approved',
          },
        });
    };
    // Tuesday 2026-12-01, 09:30 and 10:10 in Shanghai; decided Friday 12-04 (3 working days) and Tuesday 12-08 (5).
    await accepted(1, '2026-12-01T01:30:00Z', [FOOD], ['reused_certificate', 'submitted'], {
      department: 'SFS-SCJG',
      closedAt: '2026-12-04T03:00:00Z',
    });
    await accepted(2, '2026-12-01T02:10:00Z', [FOOD], ['reused_certificate', 'submitted'], {
      department: 'SFS-SCJG',
      closedAt: '2026-12-08T03:00:00Z',
    });
    // Saturday 2026-12-05, 09:00 in Shanghai: a bundle of both items, still in review.
    await accepted(3, '2026-12-05T01:00:00Z', [FOOD, DRUG], ['submitted'], undefined, 'OPEN-SHOP');
    // Before the period: not counted.
    await accepted(4, '2026-11-20T02:00:00Z', [DRUG], ['reused_certificate']);
    // 差评 of case 1 on Wednesday 2026-12-09 (an order to SFS-SCJG due 2026-12-30).
    await rateCase(
      api.deps,
      { caseNo: no(1), channel: 'public', grade: 2 },
      new Date('2026-12-09T02:00:00Z'),
    );
    lead = await signedIn(api.baseUrl, 'lead.scjg', demoPassword);
    supervisor = await signedIn(api.baseUrl, 'supervisor', demoPassword);
    approver = await signedIn(api.baseUrl, 'approver.scjg', demoPassword);
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    await api?.database.dispose();
  });

  describe('demand', () => {
    it("gives the supervisor every department's demand over the period", async () => {
      const res = await supervisor.request('GET', `/api/supervision/demand?${query}`);
      const body = await json(res);
      expect([res.status, body.detail]).toEqual([200, undefined]);
      expect(body.items).toEqual([
        { implementationCode: FOOD, name: '食品经营许可', departmentCode: 'SFS-SCJG', cases: 3 },
        { implementationCode: DRUG, name: '医疗机构执业登记', departmentCode: 'SFS-WJW', cases: 1 },
      ]);
      expect(body.bundles).toEqual([{ bundleCode: 'OPEN-SHOP', name: '开餐馆一件事', cases: 1 }]);
      expect(body.reuseByType).toEqual([{ typeCode: 'BIZ', typeName: '营业执照', reused: 2 }]);
      expect(body.reuseByMonth).toEqual([{ month: '2026-12', reused: 2, materials: 5 }]);
      expect(body.acceptances).toEqual([
        { weekday: 2, hour: 9, cases: 1 },
        { weekday: 2, hour: 10, cases: 1 },
        { weekday: 6, hour: 9, cases: 1 },
      ]);
      expect(body.handling).toEqual([
        {
          implementationCode: FOOD,
          name: '食品经营许可',
          decided: 2,
          statutoryLimit: 20,
          promisedLimit: 10,
          avgWorkingDays: 4,
          promisedCompression: 0.5,
          measuredCompression: 0.8,
        },
      ]);
    });

    it("keeps a lead to the cases with an item of the lead's department", async () => {
      const body = await json(await lead.request('GET', `/api/supervision/demand?${query}`));
      expect(body.items.map((i: { implementationCode: string }) => i.implementationCode)).toEqual([FOOD]);
      expect(body.acceptances.reduce((n: number, a: { cases: number }) => n + a.cases, 0)).toBe(3);
      expect((await lead.request('GET', `/api/supervision/demand?${query}&department=SFS-WJW`)).status).toBe(
        403,
      );
      expect((await approver.request('GET', `/api/supervision/demand?${query}`)).status).toBe(403);
    });

    it('refuses a period that ends before it starts, and a missing one, in Chinese', async () => {
      const reversed = await supervisor.request(
        'GET',
        '/api/supervision/demand?from=2026-12-15&to=2026-12-01',
      );
      expect(reversed.status).toBe(400);
      expect(JSON.stringify(await json(reversed))).toContain('截止日期 to 不能早于起始日期 from');
      const missing = await supervisor.request('GET', '/api/supervision/demand');
      expect(missing.status).toBe(400);
      expect(JSON.stringify(await json(missing))).toContain('起始日期 from');
    });

    it('exports each table as XLSX with the same numbers', async () => {
      const sheet = async (table: string) => {
        const res = await supervisor.request('GET', `/api/supervision/export/${table}.xlsx?${query}`);
        expect(res.status).toBe(200);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
        return wb.worksheets[0];
      };
      const handling = await sheet('demand-handling');
      expect(handling.name).toBe('办理时长');
      expect((handling.getRow(2).values as unknown[]).slice(1)).toEqual([
        FOOD,
        '食品经营许可',
        2,
        20,
        10,
        4,
        50,
        80,
      ]);
      const months = await sheet('demand-reuse-months');
      expect((months.getRow(2).values as unknown[]).slice(1)).toEqual(['2026-12', 2, 5, 40]);
      const hours = await sheet('demand-acceptances');
      expect((hours.getRow(4).values as unknown[]).slice(1)).toEqual(['周六', 9, 1]);
      for (const table of ['demand-items', 'demand-bundles', 'demand-reuse-types'])
        expect((await sheet(table)).rowCount).toBeGreaterThan(1);
    });
  });

  describe('the figures and the 好差评 rates over the same rows', () => {
    it('counts the decided tasks and their working days', async () => {
      const body = await json(
        await supervisor.request('GET', `/api/supervision/figures?${query}&on=2026-12-16`),
      );
      expect(
        body.departments.find((d: { departmentCode: string }) => d.departmentCode === 'SFS-SCJG'),
      ).toMatchObject({
        closed: 2,
        avgWorkingDaysUsed: 4,
        avgStatutoryLimit: 20,
        avgPromisedLimit: 10,
      });
    });

    it('gives the rates and exports the record', async () => {
      const body = await json(
        await supervisor.request('GET', `/api/supervision/evaluations?${query}&on=2026-12-16`),
      );
      expect(body.departments).toEqual([
        expect.objectContaining({
          departmentCode: 'SFS-SCJG',
          departmentName: '示范市市场监督管理局',
          ratings: 1,
          bad: 1,
          goodRate: 0,
          orders: 1,
          overdueOrders: 0,
        }),
      ]);
      expect(body.items).toEqual([
        {
          implementationCode: FOOD,
          name: '食品经营许可',
          departmentCode: 'SFS-SCJG',
          departmentName: '示范市市场监督管理局',
          ratings: 1,
          bad: 1,
          goodRate: 0,
        },
      ]);
      const res = await supervisor.request(
        'GET',
        `/api/supervision/evaluations/export/records.xlsx?${query}`,
      );
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
      expect((wb.worksheets[0].getRow(2).values as unknown[]).slice(1, 11)).toEqual([
        no(1),
        FOOD,
        '食品经营许可',
        1,
        'SFS-SCJG',
        'public',
        2,
        '不满意',
        1,
        '2026-12-09T02:00:00.000Z',
      ]);
    });
  });
});
