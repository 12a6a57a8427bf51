import type { Express } from 'express';

export interface RegisteredRoute {
  method: string;
  /** Express path, e.g. /api/cases/:caseNo */
  path: string;
}

interface Layer {
  rawPath?: unknown;
  slash?: boolean;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

const join = (prefix: string, path: string): string =>
  `${prefix}${path === '/' ? '' : path}`.replace(/\/+/g, '/') || '/';

function walk(stack: Layer[], prefix: string, out: RegisteredRoute[]): void {
  for (const layer of stack) {
    if (layer.route && typeof layer.route.path === 'string') {
      const path = join(prefix, layer.route.path);
      for (const [method, on] of Object.entries(layer.route.methods))
        if (on && method !== '_all') out.push({ method: method.toUpperCase(), path });
    } else if (layer.handle?.stack) {
      const mount = !layer.slash && typeof layer.rawPath === 'string' ? layer.rawPath : '';
      walk(layer.handle.stack, join(prefix, mount), out);
    }
  }
}

/** Every method + path the Express app routes (walks Express 5's router stacks, mounted routers included). */
export function registeredRoutes(app: Express): RegisteredRoute[] {
  const router = (app as unknown as { router: { stack: Layer[] } }).router;
  const out: RegisteredRoute[] = [];
  walk(router.stack, '', out);
  return out.filter((r, i) => out.findIndex((o) => o.method === r.method && o.path === r.path) === i);
}

/** Express `:param` → OpenAPI `{param}`. */
export const openApiPath = (expressPath: string): string => expressPath.replace(/:(\w+)/g, '{$1}');
