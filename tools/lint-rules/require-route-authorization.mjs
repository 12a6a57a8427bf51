// onewindow/require-route-authorization: every Express route is either behind authorize(…) or named, with a
// reason, on the public allow-list in eslint.config.mjs. See tools/lint-rules/README.md.
import path from 'node:path';
import { propertyName, someNode, variableOf } from './scope.mjs';

const routeMethods = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'options', 'head']);

/** `Router()`, `express.Router()` or `express()`: what routes are registered on. */
function createsRouter(init) {
  if (init?.type !== 'CallExpression') return false;
  const callee = init.callee;
  if (callee.type === 'Identifier') return callee.name === 'Router' || callee.name === 'express';
  return callee.type === 'MemberExpression' && propertyName(callee) === 'Router';
}

const isAuthorizeCall = (node) =>
  node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'authorize';

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Every Express route calls authorize(…) or is on the named public allow-list (file, method, path, reason)',
    },
    schema: [
      {
        type: 'object',
        properties: {
          publicRoutes: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                file: { type: 'string', minLength: 1 },
                method: { enum: [...routeMethods].map((m) => m.toUpperCase()) },
                path: { type: 'string', minLength: 1 },
                reason: { type: 'string', minLength: 10 },
              },
              required: ['file', 'method', 'path', 'reason'],
              additionalProperties: false,
            },
          },
        },
        additionalProperties: false,
      },
    ],
    messages: {
      unauthorized:
        "{{method}} {{path}} is neither behind authorize(…) nor on the public allow-list: add authorize('<action>') before the handler, or (for a route anyone may call) an entry { file: '{{file}}', method: '{{method}}', path: '{{path}}', reason: '…' } to publicRoutes of onewindow/require-route-authorization in eslint.config.mjs",
      needlesslyPublic:
        '{{method}} {{path}} calls authorize(…) and is also on the public allow-list: remove its entry from eslint.config.mjs',
      staleEntry:
        'The public allow-list names {{method}} {{path}} in this file, but no such route is registered here: remove or fix the entry in eslint.config.mjs',
      routeChain:
        'Register routes as router.<method>(path, authorize(…), handler), not through router.route(…), so their authorisation can be checked',
    },
  },

  create(context) {
    const sourceCode = context.sourceCode;
    const file = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    const entries = (context.options[0]?.publicRoutes ?? []).filter((entry) => entry.file === file);
    const matched = new Set();
    /** @type {Set<import('eslint').Scope.Variable>} */
    const routers = new Set();

    const isRouter = (node) => {
      if (node.type !== 'Identifier') return false;
      const variable = variableOf(sourceCode, node);
      return variable !== undefined && routers.has(variable);
    };

    /** authorize(…) itself, a variable holding one, or a function of this file that calls it. */
    const authorizes = (node) => {
      if (isAuthorizeCall(node)) return true;
      if (node.type !== 'Identifier') return false;
      const variable = variableOf(sourceCode, node);
      return (variable?.defs ?? []).some((def) => {
        if (def.type === 'FunctionName') return someNode(sourceCode, def.node.body, isAuthorizeCall);
        if (def.type !== 'Variable' || !def.node.init) return false;
        const init = def.node.init;
        if (isAuthorizeCall(init)) return true;
        const isFunction = init.type === 'ArrowFunctionExpression' || init.type === 'FunctionExpression';
        return isFunction && someNode(sourceCode, init.body, isAuthorizeCall);
      });
    };

    /** The route's path as written: a string's value, a regular expression's source, else the code. */
    const pathText = (node) => {
      if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
      if (node.type === 'Literal' && node.regex) return `/${node.regex.pattern}/${node.regex.flags}`;
      if (node.type === 'TemplateLiteral' && node.expressions.length === 0)
        return node.quasis[0].value.cooked;
      if (node.type === 'Identifier') {
        const def = variableOf(sourceCode, node)?.defs[0];
        const init = def?.type === 'Variable' && def.parent.kind === 'const' ? def.node.init : undefined;
        if (init?.type === 'Literal' && typeof init.value === 'string') return init.value;
      }
      return sourceCode.getText(node);
    };

    return {
      VariableDeclarator(node) {
        if (createsRouter(node.init))
          for (const variable of sourceCode.getDeclaredVariables(node)) routers.add(variable);
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type !== 'MemberExpression' || !isRouter(callee.object)) return;
        const name = propertyName(callee);
        if (name === 'route') {
          context.report({ node, messageId: 'routeChain' });
          return;
        }
        // app.get('setting') with one argument reads a setting; a route has a path and a handler.
        if (!routeMethods.has(name) || node.arguments.length < 2) return;
        const method = name.toUpperCase();
        const routePath = pathText(node.arguments[0]);
        const entry = entries.find((e) => e.method === method && e.path === routePath);
        if (entry) matched.add(entry);
        const data = { method, path: routePath, file };
        const authorized = node.arguments.slice(1).some(authorizes);
        if (authorized && entry) context.report({ node, messageId: 'needlesslyPublic', data });
        if (!authorized && !entry) context.report({ node, messageId: 'unauthorized', data });
      },
      'Program:exit'(node) {
        for (const entry of entries.filter((e) => !matched.has(e)))
          context.report({ node, messageId: 'staleEntry', data: { method: entry.method, path: entry.path } });
      },
    };
  },
};

export default rule;
