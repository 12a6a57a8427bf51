// Bundled by designer-browser.bench.ts (esbuild) into a page: bpmn-js as the designer configures it, and the
// lint + compile the designer runs on every change, against vanilla bpmn-js importing the same file.
import Modeler from 'bpmn-js/lib/Modeler';
import { lintAndCompile, owDescriptor } from '@onewindow/flow-model/src/bpmn';
// The benchmark measures the designer's own bpmn-js modules, which live in the web app (Nx forbids app imports).
// eslint-disable-next-line @nx/enforce-module-boundaries
import { reduceModule } from '@onewindow/web/src/modules/designer/bpmn/reduce';
// eslint-disable-next-line @nx/enforce-module-boundaries
import { translateModule } from '@onewindow/web/src/modules/designer/bpmn/translate';

declare global {
  interface Window {
    benchVanilla: (xml: string) => Promise<number>;
    benchOneWindow: (xml: string) => Promise<{ total: number; problems: number; compiled: boolean }>;
  }
}

const fresh = () => {
  const container = document.getElementById('canvas')!;
  container.innerHTML = '';
  return container;
};

/** Vanilla bpmn-js: a Modeler importing the file (what any bpmn-io based designer pays). */
window.benchVanilla = async (xml) => {
  const modeler = new Modeler({ container: fresh() });
  const t0 = performance.now();
  await modeler.importXML(xml);
  const took = performance.now() - t0;
  modeler.destroy();
  return took;
};

/** OneWindow's designer: the same import with its modules and ow: extension, then saveXML + lint + compile. */
window.benchOneWindow = async (xml) => {
  const modeler = new Modeler({
    container: fresh(),
    moddleExtensions: { ow: owDescriptor },
    additionalModules: [reduceModule, translateModule],
  });
  const t0 = performance.now();
  await modeler.importXML(xml);
  const { xml: saved } = await modeler.saveXML({ format: false });
  const checked = await lintAndCompile(saved ?? '', {
    limits: { statutoryWorkingDays: 1000, promisedWorkingDays: 500 },
  });
  const total = performance.now() - t0;
  modeler.destroy();
  return { total, problems: checked.problems.length, compiled: checked.plan !== undefined };
};
