import { readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqliteFilePath } from '@onewindow/db';
import { planBuilder, hashPlan, parseServicePlan } from '@onewindow/flow-model';
import { planToBpmn } from '@onewindow/flow-model/src/bpmn';
import { demoPassword, seedDemoUsers } from '../src';
import { planFor } from '../src/cases/case-plan';
import { HttpSession, json, signedIn, startTestApi, type TestApi } from './support/test-api';

/**
 * The process designer's flows over real HTTP and a real SQLite file: drafts, publishing with lint and
 * compile on the server (refused with the problem list, nothing stored), access by grant, immutable versions,
 * and acceptance's pick of the newest published version.
 */
let api: TestApi;
let designer: HttpSession;
let clerk: HttpSession;
const FOOD = 'IMPL-FOOD';
const approver = 'demo-approver.scjg';

/** accept → 市场监管 (limit days) → issue, as the designer would draw it. */
const diagram = (limitWorkingDays: number) =>
  planToBpmn(
    planBuilder('food')
      .accept()
      .department({ id: 'scjg', departmentCode: 'SFS-SCJG', limitWorkingDays, assignees: [approver] })
      .issue()
      .build(),
  );

beforeAll(async () => {
  api = await startTestApi({ LOGIN_RATE_LIMIT: 1000 });
  const db = api.deps.db;
  await seedDemoUsers(db);
  const version = await db.catalogueVersion.create({ data: { label: 't', source: 'seed', createdBy: 't' } });
  await db.item.create({
    data: {
      id: `${FOOD}@1`,
      itemKey: FOOD,
      basicCode: FOOD,
      implementationCode: FOOD,
      name: '食品经营许可',
      itemType: '01',
      departmentCode: 'SFS-SCJG',
      version: 1,
      statutoryLimitValue: 20,
      statutoryLimitUnit: 'working_day',
      promisedLimitValue: 10,
      promisedLimitUnit: 'working_day',
      data: '{}',
      catalogueVersionId: version.id,
    },
  });
  designer = await signedIn(api.baseUrl, 'designer', demoPassword);
  clerk = await signedIn(api.baseUrl, 'clerk', demoPassword);
});

afterAll(async () => {
  await api?.stop();
});

const versionCount = () => api.deps.db.flowVersion.count({ where: { subjectCode: FOOD } });

describe('flows', () => {
  it('saves a draft (even an incomplete one) and shows it with the lint context', async () => {
    const xml = (await diagram(5)).replace(/ ow:limitWorkingDays="5"/, '');
    const put = await designer.request('PUT', `/api/flows/${FOOD}/draft`, {
      body: { bpmnXml: xml },
      csrf: true,
    });
    expect(put.status).toBe(200);
    expect((await json(put)).draft.savedBy).toBe('demo-designer');

    const res = await designer.request('GET', `/api/flows/${FOOD}`);
    expect(res.status).toBe(200);
    const detail = await json(res);
    expect(detail.subject).toEqual({
      key: FOOD,
      kind: 'item',
      name: '食品经营许可',
      promisedWorkingDays: 10,
      statutoryWorkingDays: 20,
    });
    expect(detail.draft.bpmnXml).toBe(xml);
    expect(detail.versions).toEqual([]);
    expect(detail.lintContext.departments).toContainEqual(expect.objectContaining({ code: 'SFS-SCJG' }));
    expect(detail.lintContext.roleMembers['SFS-SCJG/dept_approver']).toEqual([approver]);

    const list = await json(await designer.request('GET', '/api/flows'));
    expect(list.items).toEqual([
      expect.objectContaining({ key: FOOD, name: '食品经营许可', latestVersion: null, versions: 0 }),
    ]);
  });

  it('refuses to publish a diagram with errors, naming each element, and stores nothing', async () => {
    const noLimit = (await diagram(5)).replace(/ ow:limitWorkingDays="5"/, '');
    const res = await designer.request('POST', `/api/flows/${FOOD}/publish`, {
      body: { bpmnXml: noLimit },
      csrf: true,
    });
    expect(res.status).toBe(422);
    const problem = await json(res);
    expect(problem.errors).toContainEqual(
      expect.objectContaining({ path: 'scjg', message: expect.stringMatching(/limitWorkingDays/) }),
    );
    // With the code and params the designer translates; the limit is reported once (lint and compiler agree).
    const limitErrors = (problem.errors as { path: string; code?: string }[]).filter(
      (e) => e.code === 'department.limitMissing',
    );
    expect(limitErrors).toEqual([
      { path: 'scjg', code: 'department.limitMissing', message: expect.any(String) },
    ]);

    // Over the statutory 20 working days (a 25-day step; issuance has its own clock): an error of the critical path.
    const tooLong = await designer.request('POST', `/api/flows/${FOOD}/publish`, {
      body: { bpmnXml: await diagram(25) },
      csrf: true,
    });
    expect(tooLong.status).toBe(422);
    expect((await json(tooLong)).errors).toContainEqual(
      expect.objectContaining({
        code: 'criticalPath.statutory',
        params: expect.objectContaining({ days: 25, limit: 20 }),
        message: expect.stringMatching(/statutory/),
      }),
    );

    const unknownDepartment = await designer.request('POST', `/api/flows/${FOOD}/publish`, {
      body: { bpmnXml: (await diagram(5)).replace('SFS-SCJG', 'SFS-NOPE') },
      csrf: true,
    });
    expect(unknownDepartment.status).toBe(422);
    expect(await versionCount()).toBe(0);
  });

  it('refuses drafting and publishing without the grants, and an unknown subject', async () => {
    const xml = await diagram(5);
    const anonymous = new HttpSession(api.baseUrl);
    expect((await anonymous.request('GET', '/api/flows')).status).toBe(401);
    expect((await clerk.request('GET', '/api/flows')).status).toBe(403);
    expect(
      (await clerk.request('PUT', `/api/flows/${FOOD}/draft`, { body: { bpmnXml: xml }, csrf: true })).status,
    ).toBe(403);
    expect(
      (await clerk.request('POST', `/api/flows/${FOOD}/publish`, { body: { bpmnXml: xml }, csrf: true }))
        .status,
    ).toBe(403);
    expect(
      (
        await designer.request('POST', '/api/flows/NO-SUCH-ITEM/publish', {
          body: { bpmnXml: xml },
          csrf: true,
        })
      ).status,
    ).toBe(404);
    expect(await versionCount()).toBe(0);
  });

  it('publishes immutable versions that acceptance of the item then uses', async () => {
    const first = await designer.request('POST', `/api/flows/${FOOD}/publish`, {
      body: { bpmnXml: await diagram(5) },
      csrf: true,
    });
    expect(first.status).toBe(201);
    const v1 = (await json(first)).version;
    expect(v1).toEqual(
      expect.objectContaining({
        version: 1,
        source: 'designer',
        publishedBy: 'demo-designer',
        hasBpmn: true,
      }),
    );

    const second = await designer.request('POST', `/api/flows/${FOOD}/publish`, {
      body: { bpmnXml: await diagram(6) },
      csrf: true,
    });
    expect(second.status).toBe(201);
    const v2 = (await json(second)).version;
    expect(v2.version).toBe(2);

    // Version 1 is unchanged and the database refuses to change it.
    const one = await json(await designer.request('GET', `/api/flows/${FOOD}/versions/1`));
    expect(one.planHash).toBe(v1.planHash);
    expect(one.plan.key).toBe(FOOD);
    expect(one.plan.nodes).toContainEqual(expect.objectContaining({ id: 'scjg', limitWorkingDays: 5 }));
    expect(hashPlan(parseServicePlan(one.plan))).toBe(v1.planHash);
    const raw = new Database(sqliteFilePath(api.database.url));
    try {
      expect(() =>
        raw.prepare('UPDATE "FlowVersion" SET "planHash" = ? WHERE "id" = ?').run('changed', v1.id),
      ).toThrow(/immutable/);
    } finally {
      raw.close();
    }
    await expect(
      api.deps.db.flowVersion.update({ where: { id: v1.id }, data: { planHash: 'changed' } }),
    ).rejects.toThrow();

    const detail = await json(await designer.request('GET', `/api/flows/${FOOD}`));
    expect(detail.versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(detail.versions[0].openCases).toBe(0);

    // Acceptance of the item picks the newest published version.
    const item = await api.deps.db.item.findFirstOrThrow({ where: { itemKey: FOOD } });
    const planned = await planFor(api.deps.db, [item], new Map());
    expect(planned.publishedVersionId).toBe(v2.id);
    expect(planned.planHash).toBe(v2.planHash);
  });

  describe('bad input: a precise report for each, and nothing published or drafted changes', () => {
    const fixture = (name: string) =>
      readFileSync(path.join(__dirname, '../../../libs/flow-model/test/fixtures', name), 'utf8');
    type Sent = {
      status: number;
      problem: {
        errors?: { path: string; code?: string; params?: Record<string, unknown> }[];
        detail: string;
      };
    };
    const send = async (method: 'PUT' | 'POST', bpmnXml: string): Promise<Sent> => {
      const res = await designer.request(
        method,
        `/api/flows/${FOOD}/${method === 'PUT' ? 'draft' : 'publish'}`,
        {
          body: { bpmnXml },
          csrf: true,
        },
      );
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      return { status: res.status, problem: await json(res) };
    };
    let before: { versions: unknown; draft: string };
    const published = async () => ({
      versions: await api.deps.db.flowVersion.findMany({
        where: { subjectCode: FOOD },
        orderBy: { version: 'asc' },
        select: { id: true, version: true, planHash: true, bpmnXml: true },
      }),
      draft: (await api.deps.db.flowDraft.findUniqueOrThrow({ where: { subjectCode: FOOD } })).bpmnXml,
    });

    beforeAll(async () => {
      before = await published();
      expect(before.versions).toHaveLength(2);
    });
    afterEach(async () => {
      expect(await published()).toEqual(before);
    });

    it('a 5 MB diagram: 413 before anything reads it, with the sizes the designer translates', async () => {
      const huge = (await diagram(5)).replace(
        '</bpmn:definitions>',
        `<!--${'x'.repeat(5 * 1024 * 1024)}-->\n</bpmn:definitions>`,
      );
      for (const method of ['PUT', 'POST'] as const) {
        const { status, problem } = await send(method, huge);
        expect(status).toBe(413);
        expect(problem.errors).toEqual([
          {
            path: 'bpmnXml',
            code: 'parse.tooLarge',
            params: { mb: 5, maxMb: 1 },
            message: expect.stringMatching(/5 MB, over the 1 MB/),
          },
        ]);
      }
    });

    it('malformed XML: the parser says where', async () => {
      const broken = (await diagram(5)).replace('</bpmn:process>', '');
      for (const method of ['PUT', 'POST'] as const) {
        const { status, problem } = await send(method, broken);
        expect(status).toBe(422);
        expect(problem.errors).toContainEqual(
          expect.objectContaining({ path: 'diagram', code: 'parse.notXml' }),
        );
      }
      expect((await send('POST', 'not a diagram at all')).problem.errors).toContainEqual(
        expect.objectContaining({ path: 'diagram', code: 'parse.notXml' }),
      );
    });

    it('an empty diagram: blank text is refused as empty, a diagram without a process cannot be published', async () => {
      for (const method of ['PUT', 'POST'] as const) {
        const blank = await send(method, '   ');
        expect(blank.status).toBe(422);
        expect(blank.problem.errors).toEqual([
          expect.objectContaining({ path: 'diagram', code: 'parse.empty' }),
        ]);
        const nothing = await designer.request(
          method,
          `/api/flows/${FOOD}/${method === 'PUT' ? 'draft' : 'publish'}`,
          {
            body: { bpmnXml: '' },
            csrf: true,
          },
        );
        expect(nothing.status).toBe(400);
        expect((await json(nothing)).errors).toEqual([{ path: 'bpmnXml', message: 'the BPMN XML is empty' }]);
      }
      const noProcess =
        '<?xml version="1.0" encoding="UTF-8"?><bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="urn:x" />';
      const { status, problem } = await send('POST', noProcess);
      expect(status).toBe(422);
      expect(problem.errors).toContainEqual(expect.objectContaining({ code: 'diagram.noProcess' }));
    });

    it('duplicate ids: the id and its line, at save and at publish', async () => {
      for (const method of ['PUT', 'POST'] as const) {
        const { status, problem } = await send(method, fixture('duplicate-ids.bpmn'));
        expect(status).toBe(422);
        expect(problem.errors).toContainEqual(
          expect.objectContaining({
            code: 'parse.duplicateId',
            params: expect.objectContaining({ id: 'food' }),
          }),
        );
      }
    });

    it("another modeller's extensions: each attribute and extension element named on its element; a draft may keep them to be fixed", async () => {
      const { status, problem } = await send('POST', fixture('foreign-extensions.bpmn'));
      expect(status).toBe(422);
      expect(problem.errors).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ path: 'task', code: 'element.foreignAttribute' }),
          expect.objectContaining({ path: 'task', code: 'element.extensionElements' }),
        ]),
      );
      const draft = await designer.request('PUT', `/api/flows/${FOOD}/draft`, {
        body: { bpmnXml: fixture('foreign-extensions.bpmn') },
        csrf: true,
      });
      expect(draft.status).toBe(200);
      // The draft as it was, for the check after each test.
      await designer.request('PUT', `/api/flows/${FOOD}/draft`, {
        body: { bpmnXml: before.draft },
        csrf: true,
      });
    });
  });

  it('acceptance of a bundle uses the flow published for the bundle when it names exactly the items applied for', async () => {
    const db = api.deps.db;
    const food = await db.item.findFirstOrThrow({ where: { itemKey: FOOD } });
    const fire = await db.item.create({
      data: {
        ...food,
        id: 'IMPL-FIRE@1',
        itemKey: 'IMPL-FIRE',
        basicCode: 'IMPL-FIRE',
        implementationCode: 'IMPL-FIRE',
        name: '消防安全检查',
      },
    });
    await db.bundle.create({ data: { code: 'SHOP', version: 1, name: '开办小店', data: '{}' } });
    const subflow = (itemCode: string) => ({ id: `sub_${itemCode.slice(5).toLowerCase()}`, itemCode });
    const bundleFlow = await planToBpmn(
      planBuilder('SHOP')
        .accept()
        .parallel([
          (b) =>
            b.subflow(subflow(FOOD), (s) =>
              s.department({
                id: 'scjg',
                departmentCode: 'SFS-SCJG',
                limitWorkingDays: 5,
                assignees: [approver],
              }),
            ),
          (b) =>
            b.subflow(subflow('IMPL-FIRE'), (s) =>
              s.department({
                id: 'scjg',
                departmentCode: 'SFS-SCJG',
                limitWorkingDays: 7,
                assignees: [approver],
              }),
            ),
        ])
        .issue()
        .build(),
    );
    const res = await designer.request('POST', '/api/flows/SHOP/publish', {
      body: { bpmnXml: bundleFlow },
      csrf: true,
    });
    expect(res.status).toBe(201);
    const published = (await json(res)).version;

    const asBundle = await planFor(db, [food, fire], new Map(), 'SHOP');
    expect(asBundle.publishedVersionId).toBe(published.id);
    expect(asBundle.planHash).toBe(published.planHash);
    // Without the bundle, the two items take the default plan; one item of the bundle alone takes its own flow.
    const apart = await planFor(db, [food, fire], new Map());
    expect(apart.publishedVersionId).toBeUndefined();
    expect(apart.plan.key).not.toBe('SHOP');
    const foodFlow = await db.flowVersion.findFirstOrThrow({
      where: { subjectCode: FOOD },
      orderBy: { version: 'desc' },
    });
    expect((await planFor(db, [food], new Map(), 'SHOP')).publishedVersionId).toBe(foodFlow.id);
  });
});
