import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Card, Dropdown, Empty, Select, Space, Tooltip, Typography, Upload } from 'antd';
import {
  AppstoreAddOutlined,
  CloudUploadOutlined,
  DownloadOutlined,
  RedoOutlined,
  SaveOutlined,
  UndoOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import Modeler from 'bpmn-js/lib/Modeler';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import { owDescriptor } from '@onewindow/flow-model/src/bpmn';
import type { WorkingCalendar } from '@onewindow/calendar';
import type { FlowDetail, FlowProblem, Problem } from '@onewindow/contracts';
import type { ServicePlan } from '@onewindow/flow-model';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api-client/api-error';
import { searchCatalogueItems } from '../../catalogue/api/catalogue.api';
import { fetchFlow, fetchWorkingCalendar, publishFlow, saveFlowDraft } from '../api/flows.api';
import { lintDiagram } from '../bpmn/lint';
import type {
  Canvas,
  CommandStack,
  DiagramElement,
  ElementRegistry,
  ModdleService,
  Modeling,
  Overlays,
  Selection,
} from '../bpmn/modeler-types';
import { reduceModule } from '../bpmn/reduce';
import { TEMPLATE_KINDS, templateFor, type TemplateKind } from '../bpmn/template';
import { drawSimulation, flatPlanId, simulateOnCalendar } from '../bpmn/simulation';
import { translateModule } from '../bpmn/translate';
import { ProblemList } from './ProblemList';
import { SimulationPanel } from './SimulationPanel';
import { PropertiesPanel } from './PropertiesPanel';
import { VersionDiff } from './VersionDiff';
import { VersionList } from './VersionList';
import { hasProblemText, problemText } from '../utils/problem-text';
import './designer.css';
import { centreToday } from '../../../ui/centre-day';

const LINT_DEBOUNCE_MS = 300;
/** The palette covers the canvas's left edge: the diagram is fitted to the right of it. */
const PALETTE_WIDTH = 130;
const MARGIN = 24;

function fitBesidePalette(canvas: Canvas): void {
  const { inner, outer } = canvas.viewbox();
  if (!inner.width || !inner.height) return;
  const scale = Math.min(
    (outer.width - PALETTE_WIDTH - MARGIN) / inner.width,
    (outer.height - 2 * MARGIN) / inner.height,
    1,
  );
  canvas.viewbox({
    x: inner.x - PALETTE_WIDTH / scale,
    y: inner.y - (outer.height / scale - inner.height) / 2,
    width: outer.width / scale,
    height: outer.height / scale,
  });
}
const ERROR_MARKER = 'ow-lint-error';

/**
 * The process designer: a bpmn-js Modeler reduced to OneWindow's elements, the OneWindow properties of the
 * selected element, live lint (the rules publishing repeats), and drafts, import/export and publishing of
 * the flow of one item or bundle. The Modeler and its moddle objects live in refs, never in React state.
 */
export function DesignerWorkspace({ canPublish }: { canPublish: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const canvasRef = useRef<HTMLDivElement>(null);
  const modelerRef = useRef<Modeler | null>(null);
  const [subjects, setSubjects] = useState<{ value: string; label: string }[]>([]);
  const [key, setKey] = useState<string>();
  const [detail, setDetail] = useState<FlowDetail>();
  const [loaded, setLoaded] = useState(false);
  const [selectedId, setSelectedId] = useState<string>();
  const [, setRevision] = useState(0);
  const [problems, setProblems] = useState<FlowProblem[]>([]);
  // The compiled plan of the last lint without errors (a plain object), and the simulation's inputs.
  const [plan, setPlan] = useState<ServicePlan>();
  const [acceptedOn, setAcceptedOn] = useState(() => centreToday().format('YYYY-MM-DD'));
  const [calendar, setCalendar] = useState<WorkingCalendar>();
  const [linting, setLinting] = useState(false);
  const [busy, setBusy] = useState<'save' | 'publish'>();
  // The server's refusal: each error's path is the element id, its code and params those of the problem.
  const [publishProblems, setPublishProblems] = useState<NonNullable<Problem['errors']>>([]);
  const [refused, setRefused] = useState<'publish' | 'save'>('publish');
  const [comparing, setComparing] = useState<{ from: number; to: number }>();
  const lintTimer = useRef<number>(undefined);
  const lintRun = useRef(0);
  const detailRef = useRef<FlowDetail>(undefined);
  detailRef.current = detail;

  const service = <T,>(name: string): T => modelerRef.current!.get<T>(name);

  useEffect(() => {
    const controller = new AbortController();
    fetchWorkingCalendar(controller.signal)
      .then(setCalendar)
      .catch(() => undefined);
    return () => controller.abort();
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    searchCatalogueItems({ page: 1, pageSize: 100 }, controller.signal)
      .then((r) =>
        setSubjects(r.items.map((i) => ({ value: i.itemKey, label: `${i.name}（${i.itemKey}）` }))),
      )
      .catch(() => undefined);
    return () => controller.abort();
  }, []);

  const lint = useCallback(() => {
    window.clearTimeout(lintTimer.current);
    setLinting(true);
    lintTimer.current = window.setTimeout(async () => {
      const modeler = modelerRef.current;
      const current = detailRef.current;
      if (!modeler || !current) return;
      const run = ++lintRun.current;
      const { xml } = await modeler.saveXML();
      const { problems: found, plan: compiled } = await lintDiagram(
        xml ?? '',
        current.subject.key,
        current.lintContext,
      );
      if (run !== lintRun.current) return;
      const registry = modeler.get<ElementRegistry>('elementRegistry');
      const canvas = modeler.get<Canvas>('canvas');
      const withError = new Set(found.filter((p) => p.severity === 'error').map((p) => p.elementId));
      for (const el of registry.getAll())
        if (withError.has(el.id)) canvas.addMarker(el, ERROR_MARKER);
        else canvas.removeMarker(el, ERROR_MARKER);
      setProblems(found);
      setPlan(compiled);
      setLinting(false);
    }, LINT_DEBOUNCE_MS);
  }, []);

  useEffect(() => {
    if (!canvasRef.current) return;
    const modeler = new Modeler({
      container: canvasRef.current,
      moddleExtensions: { ow: owDescriptor },
      additionalModules: [reduceModule, translateModule],
    });
    modelerRef.current = modeler;
    // A selected label (a flow's condition text, an event's name) shows its element's properties.
    modeler.on('selection.changed', (e: { newSelection: DiagramElement[] }) =>
      setSelectedId(
        e.newSelection.length === 1 ? (e.newSelection[0].labelTarget?.id ?? e.newSelection[0].id) : undefined,
      ),
    );
    modeler.on('commandStack.changed', () => {
      setRevision((r) => r + 1);
      lint();
    });
    modeler.on('import.done', () => lint());
    return () => {
      window.clearTimeout(lintTimer.current);
      modeler.destroy();
      modelerRef.current = null;
    };
  }, [lint]);

  const importXml = useCallback(
    async (xml: string) => {
      const modeler = modelerRef.current;
      if (!modeler) return;
      try {
        await modeler.importXML(xml);
        fitBesidePalette(modeler.get<Canvas>('canvas'));
        setSelectedId(undefined);
        setLoaded(true);
      } catch (error) {
        void message.error(t('designer.importFailed', { error: (error as Error).message }));
      }
    },
    [message, t],
  );

  const openSubject = useCallback(
    async (next: string) => {
      setKey(next);
      setPublishProblems([]);
      try {
        const flow = await fetchFlow(next);
        setDetail(flow);
        detailRef.current = flow;
        if (flow.draft) await importXml(flow.draft.bpmnXml);
        else {
          setLoaded(false);
          setProblems([]);
          setPlan(undefined);
          modelerRef.current?.clear();
        }
      } catch (error) {
        void message.error(error instanceof ApiError ? error.message : String(error));
      }
    },
    [importXml, message],
  );

  const startTemplate = async (kind: TemplateKind) => {
    if (!detail) return;
    try {
      await importXml(await templateFor(kind, detail));
    } catch (error) {
      void message.error(t('designer.importFailed', { error: (error as Error).message }));
    }
  };

  const currentXml = async () => (await modelerRef.current!.saveXML({ format: true })).xml ?? '';

  const save = async () => {
    if (!key) return;
    setBusy('save');
    setPublishProblems([]);
    try {
      await saveFlowDraft(key, await currentXml());
      void message.success(t('designer.saved'));
    } catch (error) {
      if (error instanceof ApiError && error.problem?.errors) {
        setRefused('save');
        setPublishProblems(error.problem.errors);
      } else void message.error((error as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  const publish = async () => {
    if (!key) return;
    setBusy('publish');
    setPublishProblems([]);
    try {
      const xml = await currentXml();
      await saveFlowDraft(key, xml);
      const published = await publishFlow(key, xml);
      void message.success(t('designer.published', { version: published.version.version }));
      setDetail(await fetchFlow(key));
    } catch (error) {
      if (error instanceof ApiError && error.problem?.errors) {
        setRefused('publish');
        setPublishProblems(error.problem.errors);
      } else void message.error((error as Error).message);
    } finally {
      setBusy(undefined);
    }
  };

  const exportFile = async () => {
    const blob = new Blob([await currentXml()], { type: 'application/xml' });
    const link = document.createElement('a');
    link.href = URL.createObjectURL(blob);
    link.download = `${key ?? 'flow'}.bpmn`;
    link.click();
    URL.revokeObjectURL(link.href);
  };

  const selectProblem = (elementId: string) => {
    const element = service<ElementRegistry>('elementRegistry').get(elementId);
    if (!element) return;
    service<Selection>('selection').select(element);
    service<Canvas>('canvas').scrollToElement(element);
  };

  const selectStep = (stepId: string) => {
    const element = service<ElementRegistry>('elementRegistry')
      .getAll()
      .find((el) => el.type !== 'label' && el.businessObject && flatPlanId(el.businessObject) === stepId);
    if (element) selectProblem(element.id);
  };

  const simulation = useMemo(() => {
    if (!loaded || !plan || !calendar || !detail) return undefined;
    try {
      return simulateOnCalendar(plan, acceptedOn, calendar, detail.lintContext.limits);
    } catch {
      return undefined;
    }
  }, [loaded, plan, calendar, acceptedOn, detail]);

  // The simulation's due dates as badges on the steps, and its critical path marked.
  useEffect(() => {
    const modeler = modelerRef.current;
    if (!modeler || !loaded) return;
    drawSimulation(
      {
        overlays: modeler.get<Overlays>('overlays'),
        canvas: modeler.get<Canvas>('canvas'),
        elementRegistry: modeler.get<ElementRegistry>('elementRegistry'),
      },
      simulation,
      (date) => ({
        text: t('designer.simulation.badge', { date: date.slice(5) }),
        title: t('designer.simulation.badgeTitle', { date }),
      }),
    );
  }, [simulation, loaded, t]);

  const errors = problems.filter((p) => p.severity === 'error').length;
  const commandStack = loaded ? service<CommandStack>('commandStack') : undefined;
  const selected =
    loaded && selectedId ? service<ElementRegistry>('elementRegistry').get(selectedId) : undefined;

  return (
    <div className="ow-designer">
      <Space wrap className="ow-designer-toolbar">
        <Select
          aria-label={t('designer.subject')}
          placeholder={t('designer.subjectPlaceholder')}
          showSearch={{ optionFilterProp: 'label' }}
          style={{ width: 320 }}
          value={key}
          options={subjects}
          onChange={(v: string) => void openSubject(v)}
        />
        <Dropdown
          disabled={!detail}
          trigger={['click']}
          menu={{
            items: TEMPLATE_KINDS.map((kind) => ({ key: kind, label: t(`designer.templates.${kind}`) })),
            onClick: ({ key: kind }) => void startTemplate(kind as TemplateKind),
          }}
        >
          <Button icon={<AppstoreAddOutlined />} disabled={!detail}>
            {t('designer.template')}
          </Button>
        </Dropdown>
        <Upload
          accept=".bpmn,.xml"
          showUploadList={false}
          disabled={!detail}
          beforeUpload={(file) => {
            void file.text().then(importXml);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={!detail}>
            {t('designer.import')}
          </Button>
        </Upload>
        <Button icon={<DownloadOutlined />} disabled={!loaded} onClick={() => void exportFile()}>
          {t('designer.export')}
        </Button>
        <Tooltip title={t('designer.undo')}>
          <Button
            aria-label={t('designer.undo')}
            icon={<UndoOutlined />}
            disabled={!commandStack?.canUndo()}
            onClick={() => commandStack?.undo()}
          />
        </Tooltip>
        <Tooltip title={t('designer.redo')}>
          <Button
            aria-label={t('designer.redo')}
            icon={<RedoOutlined />}
            disabled={!commandStack?.canRedo()}
            onClick={() => commandStack?.redo()}
          />
        </Tooltip>
        <Button
          icon={<SaveOutlined />}
          disabled={!loaded}
          loading={busy === 'save'}
          onClick={() => void save()}
        >
          {t('designer.saveDraft')}
        </Button>
        <Tooltip title={errors > 0 ? t('designer.publishBlocked', { n: errors }) : undefined}>
          <Button
            type="primary"
            icon={<CloudUploadOutlined />}
            disabled={!canPublish || !loaded || linting || errors > 0}
            loading={busy === 'publish'}
            onClick={() => void publish()}
          >
            {t('designer.publish')}
          </Button>
        </Tooltip>
        {detail ? (
          <Typography.Text type="secondary">
            {t('designer.limits', {
              promised: detail.subject.promisedWorkingDays ?? '—',
              statutory: detail.subject.statutoryWorkingDays ?? '—',
            })}
          </Typography.Text>
        ) : null}
      </Space>
      {publishProblems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          closable
          title={t(refused === 'save' ? 'designer.saveRefused' : 'designer.publishRefused')}
          description={
            <ul style={{ margin: 0 }}>
              {publishProblems.map((p, index) => (
                <li key={`${p.path}-${index}`}>
                  {hasProblemText(i18n, p.code) ? (
                    <>
                      {p.path === 'diagram' ? null : <strong>{p.params?.elementName ?? p.path}：</strong>}
                      {problemText(i18n, p)}
                    </>
                  ) : (
                    p.message
                  )}
                </li>
              ))}
            </ul>
          }
        />
      ) : null}
      <div className="ow-designer-body">
        <div className="ow-designer-canvas-wrap">
          <div ref={canvasRef} className="ow-designer-canvas" data-testid="designer-canvas" />
          {!loaded ? (
            <div className="ow-designer-empty">
              <Empty description={detail ? t('designer.emptyDiagram') : t('designer.pickSubject')} />
            </div>
          ) : null}
        </div>
        <aside className="ow-designer-side">
          <Card
            size="small"
            title={t('designer.panel.title')}
            // As tall as the window allows beside the canvas, so most of a step's fields show without scrolling.
            styles={{ body: { maxHeight: 'max(330px, calc(100vh - 400px))', overflow: 'auto' } }}
          >
            {loaded && detail ? (
              <PropertiesPanel
                element={selected}
                modeling={service<Modeling>('modeling')}
                moddle={service<ModdleService>('moddle')}
                elementById={(id) => service<ElementRegistry>('elementRegistry').get(id)}
                context={detail.lintContext}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.panel.nothing')} />
            )}
          </Card>
          <Card size="small">
            <ProblemList problems={loaded ? problems : []} linting={linting} onSelect={selectProblem} />
          </Card>
          <Card size="small" title={t('designer.simulation.title')}>
            {detail ? (
              <SimulationPanel
                acceptedOn={acceptedOn}
                onDateChange={setAcceptedOn}
                simulation={simulation}
                unavailable={!loaded ? 'empty' : errors > 0 || !plan ? 'errors' : 'calendar'}
                context={detail.lintContext}
                onSelect={selectStep}
              />
            ) : (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.pickSubject')} />
            )}
          </Card>
          <Card size="small" title={t('designer.versions.title')}>
            <VersionList
              versions={detail?.versions ?? []}
              onCompare={(from, to) => setComparing({ from, to })}
            />
          </Card>
        </aside>
      </div>
      {detail ? (
        <VersionDiff
          subjectKey={detail.subject.key}
          versions={detail.versions}
          pair={comparing}
          onClose={() => setComparing(undefined)}
        />
      ) : null}
    </div>
  );
}
