// Compile + lint of a 500-element diagram in Node (target < 150 ms), against the bare baseline in the same run:
// bpmn-moddle reading the same XML, which any BPMN tool pays. Run with
// `npx tsx tools/bench/bpmn-compile.bench.ts`. Prints a markdown table.
import { BpmnModdle } from 'bpmn-moddle';
import { bigPlan } from './big-plan';
import { compileBpmn, lintAndCompile, owDescriptor, planToBpmn } from '@onewindow/flow-model/src/bpmn';

async function measure(fn: () => Promise<unknown>, rounds = 40): Promise<{ median: number; p95: number }> {
  for (let i = 0; i < 10; i++) await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(rounds / 2)], p95: times[Math.floor(rounds * 0.95)] };
}

void (async () => {
  const plan = bigPlan();
  const xml = await planToBpmn(plan);
  const elements = (
    xml.match(
      /<bpmn:(?!definitions|process|incoming|outgoing|conditionExpression|timerEventDefinition|timeDuration)[a-zA-Z]+ /g,
    ) ?? []
  ).length;
  const checked = await lintAndCompile(xml, { limits: { statutoryWorkingDays: 1000 } });
  if (!checked.plan)
    throw new Error(`the benchmark diagram has problems: ${JSON.stringify(checked.problems.slice(0, 3))}`);
  const both = await measure(() =>
    lintAndCompile(xml, { limits: { promisedWorkingDays: 500, statutoryWorkingDays: 1000 } }),
  );
  const compile = await measure(() => compileBpmn(xml));
  const bare = await measure(() => new BpmnModdle({ ow: owDescriptor }).fromXML(xml));
  console.log(
    `Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${elements} BPMN elements (${plan.nodes.length} plan nodes, ${plan.edges.length} edges), ${(xml.length / 1024).toFixed(0)} KB with layout\n`,
  );
  console.log('| operation | median | p95 | target |');
  console.log('|---|---:|---:|---|');
  console.log(
    `| lintAndCompile (parse + 9 lint rules + compile + validatePlan) | ${both.median.toFixed(1)} ms | ${both.p95.toFixed(1)} ms | < 150 ms |`,
  );
  console.log(
    `| compileBpmn (parse + compile + validatePlan) | ${compile.median.toFixed(1)} ms | ${compile.p95.toFixed(1)} ms | |`,
  );
  console.log(
    `| bare baseline: bpmn-moddle fromXML alone | ${bare.median.toFixed(1)} ms | ${bare.p95.toFixed(1)} ms | |`,
  );
})();
