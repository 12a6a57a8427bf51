import { z } from 'zod';
import { problemSchema } from '@onewindow/contracts';
import { sessionCookieName } from '../auth/session-cookie';
import { DOCUMENTED_ROUTES, type DocumentedRoute } from './documented-routes';
import { openApiPath, type RegisteredRoute } from './registered-routes';

type Json = Record<string, unknown>;

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output'): Json =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;

const isOptional = (field: z.ZodType): boolean => field.safeParse(undefined).success;

function operation(route: DocumentedRoute): Json {
  const params: Json[] = [...route.path.matchAll(/:(\w+)/g)].map((m) => ({
    name: m[1],
    in: 'path',
    required: true,
    schema: { type: 'string' },
  }));
  if (route.query) {
    for (const [name, field] of Object.entries(route.query.shape as Record<string, z.ZodType>)) {
      params.push({ name, in: 'query', required: !isOptional(field), schema: jsonSchema(field, 'input') });
    }
  }
  if (route.idempotencyKey) {
    params.push({
      name: 'Idempotency-Key',
      in: 'header',
      required: false,
      description:
        route.idempotencyKey === 'request'
          ? 'A retried request with the same key returns the first answer (200, same body); the same key with a different body is 422'
          : 'Used as the workflow Update id: a retried action is applied once and answers the same',
      schema: { type: 'string', pattern: '^[\\w.:-]{8,128}$' },
    });
  }
  const responses: Json = {};
  const binary = (types: readonly string[]) =>
    Object.fromEntries(types.map((type) => [type, { schema: { type: 'string', contentMediaType: type } }]));
  for (const [status, schema] of Object.entries(route.responses)) {
    responses[status] =
      schema === 'problem'
        ? {
            description: 'Problem',
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          }
        : status === '200' && route.fileResponse
          ? { description: 'The file', content: binary(route.fileResponse) }
          : {
              description: Number(status) < 300 ? 'OK' : 'Answer',
              content: { 'application/json': { schema: jsonSchema(schema, 'output') } },
            };
  }
  const requestBody = route.body
    ? { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } }
    : route.rawBody
      ? { required: true, content: binary(route.rawBody) }
      : undefined;
  return {
    summary: route.summary,
    tags: [route.tag],
    operationId: `${route.method.toLowerCase()}${openApiPath(route.path)
      .replace(/[{}]/g, '')
      .replace(/[^A-Za-z0-9]+(.)?/g, (_m, c: string | undefined) => (c ? c.toUpperCase() : ''))}`,
    ...(route.action ? { security: [{ session: [] }], 'x-onewindow-action': route.action } : {}),
    ...(params.length > 0 ? { parameters: params } : {}),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/**
 * OpenAPI 3.1 from the zod contracts. Every route the app registers appears: documented ones with their
 * contracts, the rest (owned by other modules) with a generic entry until their contracts are added.
 */
export function buildOpenApiDocument(registered: RegisteredRoute[], version: string): Json {
  const paths: Record<string, Json> = {};
  const put = (method: string, path: string, op: Json) => {
    const key = openApiPath(path);
    paths[key] = { ...(paths[key] ?? {}), [method.toLowerCase()]: op };
  };
  for (const route of DOCUMENTED_ROUTES) put(route.method, route.path, operation(route));
  for (const route of registered) {
    if (DOCUMENTED_ROUTES.some((d) => d.method === route.method && d.path === route.path)) continue;
    put(route.method, route.path, {
      summary: `${route.method} ${route.path}`,
      tags: [route.path.split('/')[2] ?? 'other'],
      responses: {
        default: { description: 'See the owning module', content: { 'application/json': { schema: {} } } },
      },
    });
  }
  return {
    openapi: '3.1.0',
    info: { title: 'OneWindow API (一窗通办)', version, description: 'Errors are RFC 9457 problem+json.' },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    paths,
    components: {
      schemas: { Problem: jsonSchema(problemSchema, 'output') },
      // POST /api/auth/login sets the cookie; state-changing requests also send X-CSRF-Token.
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: sessionCookieName } },
    },
  };
}
