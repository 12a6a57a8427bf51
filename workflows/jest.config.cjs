// The shared preset (../jest.preset.cjs) already transpiles the ESM-only packages that feelin (FEEL conditions) needs.
module.exports = require('../jest.preset.cjs')(__dirname);
