// Tests of the repository's own tooling: the formatting gate of `npm test` and the local ESLint rules.
module.exports = require('../jest.preset.cjs')(__dirname);
