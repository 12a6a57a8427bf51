// `npm run compile-bpmn -- <file.bpmn>`: prints the ServicePlan JSON and exits 0, or one line per problem
// (`<element id> [name]: message`) and exits 1. The diagram alone is compiled: a step without ow:assignees
// (the role group) needs the users of that role, which only the API knows, so it is reported here.
import fs from 'node:fs';
import { compileBpmn } from '@onewindow/flow-model/src/bpmn';

export async function main(args: string[], out = process.stdout, err = process.stderr): Promise<number> {
  if (args.length !== 1 || args[0].startsWith('-')) {
    err.write('usage: npm run compile-bpmn -- <file.bpmn>\n');
    return 2;
  }
  let xml: string;
  try {
    xml = fs.readFileSync(args[0], 'utf8');
  } catch (e) {
    err.write(`cannot read ${args[0]}: ${(e as Error).message}\n`);
    return 2;
  }
  const { plan, problems } = await compileBpmn(xml);
  if (plan) {
    out.write(`${JSON.stringify(plan, null, 2)}\n`);
    return 0;
  }
  for (const p of problems) {
    err.write(
      `${p.elementId}${p.elementName ? ` [${p.elementName}]` : ''}: ${p.message.replace(/\n/g, ' ')}\n`,
    );
  }
  return 1;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
