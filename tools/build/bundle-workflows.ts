// Pre-bundles the workflow code for production workers (WORKFLOW_BUNDLE_PATH), as Temporal recommends.
import fs from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode } from '@temporalio/worker';
import { sharedWorkflowModules, workflowsPath } from '@onewindow/workflows';
import { repoRoot } from '@onewindow/config';

async function main(): Promise<void> {
  const { code } = await bundleWorkflowCode({ workflowsPath, preloadModules: [...sharedWorkflowModules] });
  const out = path.join(repoRoot(), 'dist', 'apps', 'worker', 'workflow-bundle.js');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, code);
  console.log(`built ${path.relative(repoRoot(), out)} (${Math.round(code.length / 1024)} KiB)`);
}

void main();
