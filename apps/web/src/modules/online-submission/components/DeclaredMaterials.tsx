import { useEffect, useState } from 'react';
import { Alert, Checkbox, Segmented, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { MATERIAL_NECESSITY_LABELS } from '@onewindow/standards';
import { fetchCatalogueItem } from '../../catalogue/api/catalogue.api';

interface CatalogueMaterial {
  code: string;
  name: string;
  necessity: keyof typeof MATERIAL_NECESSITY_LABELS;
  itemNames: string[];
}

/** What the applicant declares per material: handed in or not, and in which form. */
export type Declarations = Record<string, { included: boolean; form: 'electronic' | 'paper' }>;

/** The materials of the chosen items (from the public service guide), merged by material code. */
export function useItemMaterials(itemKeys: string[]) {
  const [materials, setMaterials] = useState<CatalogueMaterial[]>();
  const [error, setError] = useState<unknown>();
  const joined = itemKeys.join(',');
  useEffect(() => {
    const keys = joined ? joined.split(',') : [];
    setMaterials(undefined);
    setError(undefined);
    if (keys.length === 0) return;
    const controller = new AbortController();
    Promise.all(keys.map((k) => fetchCatalogueItem(k, controller.signal)))
      .then((details) => {
        const merged = new Map<string, CatalogueMaterial>();
        for (const { item } of details)
          for (const m of item.materials) {
            const seen = merged.get(m.code);
            if (seen) {
              seen.itemNames.push(item.name);
              if (m.necessity === 'required') seen.necessity = 'required';
            } else
              merged.set(m.code, {
                code: m.code,
                name: m.name,
                necessity: m.necessity,
                itemNames: [item.name],
              });
          }
        setMaterials([...merged.values()]);
      })
      .catch((failure: unknown) => {
        if (!controller.signal.aborted) setError(failure);
      });
    return () => controller.abort();
  }, [joined]);
  return { materials, error };
}

/** The material list with a tick and a form (electronic / paper) per material; required ones come ticked. */
export function DeclaredMaterials({
  materials,
  value,
  onChange,
}: {
  materials: CatalogueMaterial[];
  value: Declarations;
  onChange: (next: Declarations) => void;
}) {
  const { t } = useTranslation();
  const entry = (code: string) => value[code] ?? { included: false, form: 'electronic' as const };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('onlineSubmission.materialsHint')} />
      <Table<CatalogueMaterial>
        size="small"
        rowKey="code"
        pagination={false}
        dataSource={materials}
        data-testid="declared-materials"
        columns={[
          {
            key: 'included',
            width: 48,
            render: (_, m) => (
              <Checkbox
                aria-label={m.name}
                checked={entry(m.code).included}
                onChange={(e) =>
                  onChange({ ...value, [m.code]: { ...entry(m.code), included: e.target.checked } })
                }
              />
            ),
          },
          {
            key: 'name',
            title: t('onlineSubmission.materialsTitle'),
            render: (_, m) => (
              <Space wrap>
                {m.name}
                <Tag color={m.necessity === 'required' ? 'red' : 'default'}>
                  {MATERIAL_NECESSITY_LABELS[m.necessity]}
                </Tag>
              </Space>
            ),
          },
          {
            key: 'form',
            title: t('onlineSubmission.materialForm'),
            width: 180,
            render: (_, m) => (
              <Segmented<'electronic' | 'paper'>
                size="small"
                disabled={!entry(m.code).included}
                value={entry(m.code).form}
                onChange={(form) => onChange({ ...value, [m.code]: { ...entry(m.code), form } })}
                options={[
                  { value: 'electronic', label: t('onlineSubmission.electronic') },
                  { value: 'paper', label: t('onlineSubmission.paper') },
                ]}
              />
            ),
          },
        ]}
      />
    </Space>
  );
}
