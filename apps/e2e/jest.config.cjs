// The stack runs the API in-process, and its flows routes import the BPMN entry of @onewindow/flow-model:
// bpmn-moddle and its parts (moddle, moddle-xml, saxen), bpmnlint's helpers and bpmn-auto-layout are
// ESM-only, so Jest transpiles them too.
module.exports = require('../../jest.preset.cjs')(__dirname, {
  transformIgnorePatterns: [
    '/node_modules/(?!(feelin|@bpmn-io|lezer-feel|@lezer|min-dash|temporal-polyfill|temporal-spec|temporal-utils|bpmn-moddle|moddle|moddle-xml|saxen|bpmnlint-utils|bpmn-auto-layout)/)',
  ],
});
