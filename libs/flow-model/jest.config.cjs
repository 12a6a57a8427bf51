// feelin depends on temporal-polyfill (ESM too), which the shared preset does not list yet; bpmn-moddle and
// its parts (moddle, moddle-xml, saxen) and bpmnlint's helpers are ESM-only as well (src/bpmn).
module.exports = require('../../jest.preset.cjs')(__dirname, {
  transformIgnorePatterns: [
    '/node_modules/(?!(feelin|@bpmn-io|lezer-feel|@lezer|min-dash|temporal-polyfill|temporal-spec|temporal-utils|bpmn-moddle|moddle|moddle-xml|saxen|bpmnlint-utils|bpmn-auto-layout)/)',
  ],
});
