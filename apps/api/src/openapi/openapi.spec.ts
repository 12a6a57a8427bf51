import { caseVerbs, windowCaseVerbs } from '@onewindow/contracts';
import { createApp } from '../create-app';
import { startTestApi, type TestApi } from '../../test/support/test-api';
import { DOCUMENTED_ROUTES } from './documented-routes';
import { openApiPath, registeredRoutes } from './registered-routes';

describe('GET /api/openapi.json', () => {
  let api: TestApi;
  let doc: {
    openapi: string;
    paths: Record<
      string,
      Record<string, { requestBody?: unknown; parameters?: { name: string; in: string }[] }>
    >;
  };
  beforeAll(async () => {
    api = await startTestApi();
    const res = await fetch(`${api.baseUrl}/api/openapi.json`);
    expect(res.status).toBe(200);
    doc = (await res.json()) as typeof doc;
  }, 60_000);
  afterAll(() => api?.stop());

  it('is an OpenAPI 3.1 document listing every route the app registers', () => {
    expect(doc.openapi).toBe('3.1.0');
    const routes = registeredRoutes(createApp(api.deps));
    expect(routes.length).toBeGreaterThan(8);
    const missing = routes
      .filter((r) => !doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()])
      .map((r) => `${r.method} ${r.path}`);
    expect(missing).toEqual([]);
  });

  it('documents no route the app does not have', () => {
    const routes = registeredRoutes(createApp(api.deps));
    const stale = DOCUMENTED_ROUTES.filter(
      (d) => !routes.some((r) => r.method === d.method && r.path === d.path),
    ).map((d) => `${d.method} ${d.path}`);
    expect(stale).toEqual([]);
  });

  it('takes request and response schemas from the zod contracts', () => {
    const accept = doc.paths['/api/cases'].post as {
      requestBody: {
        content: Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }>;
      };
      parameters: { name: string }[];
    };
    expect(Object.keys(accept.requestBody.content['application/json'].schema.properties)).toEqual(
      expect.arrayContaining(['items', 'applicant', 'materials', 'acceptanceMode']),
    );
    expect(accept.parameters.map((p) => p.name)).toContain('Idempotency-Key');
    type Variant = { properties: { verb: { const: string } } };
    const action = doc.paths['/api/cases/{caseNo}/actions'].post as {
      requestBody: { content: Record<string, { schema: { oneOf?: Variant[]; anyOf?: Variant[] } }> };
      'x-onewindow-action': string;
    };
    const variants =
      action.requestBody.content['application/json'].schema.oneOf ??
      action.requestBody.content['application/json'].schema.anyOf;
    // One body per verb of the contract, and the window's verbs named with their access action.
    expect(variants?.map((v) => v.properties.verb.const)).toEqual(caseVerbs);
    expect(caseVerbs).toHaveLength(21);
    expect(windowCaseVerbs).toEqual(['submit_supplement', 'withdraw', 'resubmit_from_window']);
    expect(action['x-onewindow-action']).toBe(
      'case.decide (submit_supplement, withdraw, resubmit_from_window: case.issue)',
    );
    expect(doc.paths['/api/tasks'].get.parameters?.map((p) => `${p.in}:${p.name}`)).toEqual(
      expect.arrayContaining(['query:department', 'query:state', 'query:page']),
    );
    for (const path of ['/api/tasks/reassign', '/api/tasks/approve'])
      expect(doc.paths[path].post.requestBody).toBeDefined();
    expect(doc.paths['/api/cases/copied'].get.parameters?.map((p) => p.name)).toEqual(
      expect.arrayContaining(['page', 'pageSize']),
    );
    const file = doc.paths['/api/cases/{caseNo}/materials/{materialCode}/file'] as Record<
      string,
      {
        requestBody?: { content: Record<string, unknown> };
        responses: Record<string, { content: Record<string, unknown> }>;
      }
    >;
    expect(Object.keys(file.put.requestBody!.content)).toEqual([
      'application/pdf',
      'image/jpeg',
      'image/png',
      'application/ofd',
    ]);
    expect(Object.keys(file.get.responses['200'].content)).toContain('application/ofd');
    const lookup = doc.paths['/api/public/cases/{caseNo}/status'].post as {
      requestBody: { content: Record<string, { schema: { properties: Record<string, unknown> } }> };
      security?: unknown;
    };
    expect(Object.keys(lookup.requestBody.content['application/json'].schema.properties)).toEqual(['code']);
    expect(lookup.security).toBeUndefined();
    expect(doc.paths['/api/health'].get).toBeDefined();
    expect(doc.paths['/api/demo-cases'].post).toBeDefined();
  });
});
