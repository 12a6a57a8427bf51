import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, Empty, List, Modal, Select, Space, Spin, Tag, Typography } from 'antd';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { FlowDetail } from '@onewindow/contracts';
import { diffBpmn, owDescriptor, type BpmnDiff, type FieldChange } from '@onewindow/flow-model/src/bpmn';
import { fetchFlowVersion } from '../api/flows.api';
import type { Canvas } from '../bpmn/modeler-types';

interface Props {
  subjectKey: string;
  versions: FlowDetail['versions'];
  /** The two versions to compare (older, newer); undefined while the dialog is closed. */
  pair?: { from: number; to: number };
  onClose: () => void;
}

type Kind = 'added' | 'removed' | 'changed';
const MARKER: Record<Kind, string> = {
  added: 'ow-diff-added',
  removed: 'ow-diff-removed',
  changed: 'ow-diff-changed',
};
const COLOR: Record<Kind, string> = { added: 'success', removed: 'error', changed: 'warning' };

/** "审批环节「食品经营许可」" — the element's kind and its name (or id). */
const what = (t: TFunction, e: { type: string; name?: string; id: string }) =>
  `${t(`designer.types.${e.type}`, { defaultValue: e.type })}「${e.name ?? e.id}」`;

const fieldText = (t: TFunction, c: FieldChange) => {
  const label = c.field.startsWith('attr:')
    ? t('designer.diff.foreign', { name: c.field.slice(5) })
    : t(`designer.diff.fields.${c.field}`, { defaultValue: c.field });
  const none = t('designer.diff.none');
  return `${label}：${c.before ?? none} → ${c.after ?? none}`;
};

interface Row {
  key: string;
  kind: Kind;
  id: string;
  text: string;
}

function rowsOf(t: TFunction, diff: BpmnDiff): Row[] {
  return [
    ...diff.added.map((e) => ({
      key: `a-${e.id}`,
      kind: 'added' as const,
      id: e.id,
      text: t('designer.diff.addedText', { what: what(t, e) }),
    })),
    ...diff.removed.map((e) => ({
      key: `r-${e.id}`,
      kind: 'removed' as const,
      id: e.id,
      text: t('designer.diff.removedText', { what: what(t, e) }),
    })),
    ...diff.changed.map((e) => ({
      key: `c-${e.id}`,
      kind: 'changed' as const,
      id: e.id,
      text: `${what(t, e)}：${e.changes.map((c) => fieldText(t, c)).join('；')}`,
    })),
  ];
}

/** One read-only diagram with the diff's markers on the elements it has. */
function DiffCanvas({
  xml,
  marks,
  testId,
}: {
  xml: string;
  marks: { id: string; kind: Kind }[];
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const viewer = new NavigatedViewer({ container: ref.current, moddleExtensions: { ow: owDescriptor } });
    let alive = true;
    void viewer.importXML(xml).then(() => {
      if (!alive) return;
      const canvas = viewer.get<Canvas>('canvas');
      canvas.zoom('fit-viewport');
      // A margin around the fitted diagram, so nothing touches the frame.
      const box = canvas.viewbox();
      canvas.viewbox({ x: box.x - 30, y: box.y - 30, width: box.width + 60, height: box.height + 60 });
      for (const m of marks) {
        try {
          canvas.addMarker(m.id, MARKER[m.kind]);
        } catch {
          // An element without a shape (a process, a lane set) carries no marker.
        }
      }
    });
    return () => {
      alive = false;
      viewer.destroy();
    };
  }, [xml, marks]);
  return <div ref={ref} className="ow-diff-canvas" data-testid={testId} />;
}

/**
 * Two published versions side by side, the older with what was removed (red) and changed (gold), the newer
 * with what was added (green) and changed; under them the changes in the user's language. The versions are
 * picked from those with a diagram (default plans have none).
 */
export function VersionDiff({ subjectKey, versions, pair, onClose }: Props) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState(pair);
  const [loaded, setLoaded] = useState<{ before: string; after: string; diff: BpmnDiff }>();
  const [error, setError] = useState<string>();
  useEffect(() => setChosen(pair), [pair]);

  useEffect(() => {
    setLoaded(undefined);
    setError(undefined);
    if (!chosen) return;
    let alive = true;
    void (async () => {
      try {
        const [a, b] = await Promise.all([
          fetchFlowVersion(subjectKey, chosen.from),
          fetchFlowVersion(subjectKey, chosen.to),
        ]);
        if (a.bpmnXml === null || b.bpmnXml === null) throw new Error(t('designer.diff.noDiagram'));
        const diff = await diffBpmn(a.bpmnXml, b.bpmnXml);
        if (alive) setLoaded({ before: a.bpmnXml, after: b.bpmnXml, diff });
      } catch (e) {
        if (alive) setError((e as Error).message);
      }
    })();
    return () => {
      alive = false;
    };
  }, [chosen, subjectKey, t]);

  const rows = useMemo(() => (loaded ? rowsOf(t, loaded.diff) : []), [loaded, t]);
  const beforeMarks = useMemo(() => rows.filter((r) => r.kind !== 'added'), [rows]);
  const afterMarks = useMemo(() => rows.filter((r) => r.kind !== 'removed'), [rows]);
  const options = versions
    .filter((v) => v.hasBpmn)
    .map((v) => ({ value: v.version, label: `v${v.version}` }));
  return (
    <Modal
      open={pair !== undefined}
      onCancel={onClose}
      footer={null}
      width={1240}
      destroyOnHidden
      title={t('designer.diff.title')}
    >
      <div data-testid="designer-diff">
        <Space style={{ marginBottom: 12 }}>
          <Select
            aria-label={t('designer.diff.from')}
            style={{ width: 100 }}
            value={chosen?.from}
            options={options}
            onChange={(from: number) => setChosen((c) => c && { ...c, from })}
          />
          <Typography.Text>→</Typography.Text>
          <Select
            aria-label={t('designer.diff.to')}
            style={{ width: 100 }}
            value={chosen?.to}
            options={options}
            onChange={(to: number) => setChosen((c) => c && { ...c, to })}
          />
          <Tag color="success">{t('designer.diff.added')}</Tag>
          <Tag color="error">{t('designer.diff.removed')}</Tag>
          <Tag color="warning">{t('designer.diff.changed')}</Tag>
        </Space>
        {error ? <Alert type="error" showIcon title={error} /> : null}
        {!loaded && !error ? <Spin /> : null}
        {loaded ? (
          <>
            <div className="ow-diff-canvases">
              <div>
                <Typography.Text strong>v{chosen?.from}</Typography.Text>
                <DiffCanvas xml={loaded.before} marks={beforeMarks} testId="designer-diff-before" />
              </div>
              <div>
                <Typography.Text strong>v{chosen?.to}</Typography.Text>
                <DiffCanvas xml={loaded.after} marks={afterMarks} testId="designer-diff-after" />
              </div>
            </div>
            {rows.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('designer.diff.same')} />
            ) : (
              <List
                size="small"
                bordered
                data-testid="designer-diff-changes"
                style={{ maxHeight: 200, overflow: 'auto' }}
                dataSource={rows}
                renderItem={(r) => (
                  <List.Item data-element-id={r.id} data-kind={r.kind}>
                    <span>
                      <Tag color={COLOR[r.kind]}>{t(`designer.diff.${r.kind}`)}</Tag>
                      {r.text}
                    </span>
                  </List.Item>
                )}
              />
            )}
          </>
        ) : null}
      </div>
    </Modal>
  );
}
