// feelin (FEEL conditions) depends on temporal-polyfill/temporal-utils (ESM), which the shared preset does not list yet.
module.exports = require('../jest.preset.cjs')(__dirname, {
  transformIgnorePatterns: [
    '/node_modules/(?!(feelin|@bpmn-io|lezer-feel|@lezer|min-dash|temporal-polyfill|temporal-spec|temporal-utils)/)',
  ],
});
