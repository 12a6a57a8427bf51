// The API counts the centre's days (Asia/Shanghai) whatever the host's zone: its tests run on New York time (UTC−5,
// with daylight saving), so code that reads the host's day or hour fails here. Set before Jest starts its workers.
process.env.TZ = 'America/New_York';

// The flows routes import the BPMN entry of @onewindow/flow-model: bpmn-moddle and its parts (moddle,
// moddle-xml, saxen), bpmnlint's helpers and bpmn-auto-layout are ESM-only, so Jest transpiles them too.
module.exports = require('../../jest.preset.cjs')(__dirname, {
  transformIgnorePatterns: [
    '/node_modules/(?!(feelin|@bpmn-io|lezer-feel|@lezer|min-dash|temporal-polyfill|temporal-spec|temporal-utils|bpmn-moddle|moddle|moddle-xml|saxen|bpmnlint-utils|bpmn-auto-layout)/)',
  ],
});
