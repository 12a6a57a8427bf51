// Small helpers shared by the local rules: finding what an identifier is bound to, walking a subtree.

/**
 * The variable an identifier refers to, looked up from the innermost scope outwards.
 * @param {import('eslint').SourceCode} sourceCode
 * @param {any} identifier an Identifier node
 * @returns {import('eslint').Scope.Variable | undefined}
 */
export function variableOf(sourceCode, identifier) {
  for (let scope = sourceCode.getScope(identifier); scope; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable) return variable;
  }
  return undefined;
}

/**
 * Whether `test` holds for `node` or any node below it.
 * @param {import('eslint').SourceCode} sourceCode
 * @param {any} node
 * @param {(node: any) => boolean} test
 * @returns {boolean}
 */
export function someNode(sourceCode, node, test) {
  if (!node || typeof node.type !== 'string') return false;
  if (test(node)) return true;
  for (const key of sourceCode.visitorKeys[node.type] ?? []) {
    const child = node[key];
    const children = Array.isArray(child) ? child : [child];
    if (children.some((c) => someNode(sourceCode, c, test))) return true;
  }
  return false;
}

/**
 * The name of a non-computed property (`a.name`) or of a string-keyed one (`a['name']`).
 * @param {any} node a MemberExpression or Property
 * @returns {string | undefined}
 */
export function propertyName(node) {
  const key = node.type === 'MemberExpression' ? node.property : node.key;
  if (!node.computed && key.type === 'Identifier') return key.name;
  if (key.type === 'Literal' && typeof key.value === 'string') return key.value;
  return undefined;
}
