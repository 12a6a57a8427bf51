// Load-test baseline workflows (tools/load): a bare 5-Update case and a timer probe.
export { bareCaseWorkflow } from './bare-case.workflow';
export { timerProbeWorkflow } from './timer-probe.workflow';
export * from './bare-case.messages';
