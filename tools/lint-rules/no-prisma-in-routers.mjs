// onewindow/no-prisma-in-routers: routers parse and delegate; they do not query the database themselves.
// eslint.config.mjs applies it to apps/api/src/**/*.router.ts. See tools/lint-rules/README.md.
import { propertyName, variableOf } from './scope.mjs';

/** @type {import('eslint').Rule.RuleModule} */
const rule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'No Prisma query in a router: deps.db (or a db destructured from deps) may only be handed on to a function',
    },
    schema: [],
    messages: {
      query:
        'Routers parse and delegate: move this database query into a service or repository beside the router (e.g. <resource>.service.ts taking deps), and call that',
      destructure:
        'Routers parse and delegate: do not take models out of the database client here; query it in a service or repository beside the router',
    },
  },

  create(context) {
    const sourceCode = context.sourceCode;

    /** An identifier bound to the database client: `{ db }` / `{ db: client }` destructured, or `= deps.db`. */
    const boundToDb = (identifier) =>
      (variableOf(sourceCode, identifier)?.defs ?? []).some((def) => {
        let node = def.name;
        if (node.parent?.type === 'AssignmentPattern' && node.parent.left === node) node = node.parent;
        const parent = node.parent;
        if (parent?.type === 'Property' && parent.value === node && parent.parent.type === 'ObjectPattern')
          return propertyName(parent) === 'db';
        return def.type === 'Variable' && def.node.id === def.name && isDb(def.node.init);
      });

    /** `<anything>.db`, or an identifier bound to it. */
    const isDb = (node) => {
      if (!node) return false;
      if (node.type === 'MemberExpression') return propertyName(node) === 'db';
      if (node.type === 'Identifier') return boundToDb(node);
      return false;
    };

    return {
      MemberExpression(node) {
        if (isDb(node.object)) context.report({ node, messageId: 'query' });
      },
      VariableDeclarator(node) {
        if (node.id.type === 'ObjectPattern' && isDb(node.init))
          context.report({ node, messageId: 'destructure' });
      },
    };
  },
};

export default rule;
