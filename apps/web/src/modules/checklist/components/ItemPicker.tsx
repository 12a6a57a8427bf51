import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ItemSummary } from '@onewindow/contracts';
import { searchCatalogueItems } from '../../catalogue/api/catalogue.api';

interface ItemPickerProps {
  value: string[];
  /** Called with the chosen item keys and the names of every item seen so far. */
  onChange: (itemKeys: string[], names: Record<string, string>) => void;
}

/** Several items, searched in the catalogue by name or code as the clerk types. */
export function ItemPicker({ value, onChange }: ItemPickerProps) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [options, setOptions] = useState<ItemSummary[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setLoading(true);
      searchCatalogueItems({ q: query || undefined, page: 1, pageSize: 30 }, controller.signal)
        .then((result) => {
          setOptions(result.items);
          setNames((current) => ({
            ...current,
            ...Object.fromEntries(result.items.map((i) => [i.itemKey, i.name])),
          }));
        })
        .catch(() => undefined)
        .finally(() => {
          if (!controller.signal.aborted) setLoading(false);
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  return (
    <Select
      mode="multiple"
      aria-label={t('checklist.items')}
      placeholder={t('checklist.itemsPlaceholder')}
      value={value}
      onChange={(keys: string[]) => onChange(keys, names)}
      showSearch={{ filterOption: false, onSearch: setQuery }}
      loading={loading}
      options={options.map((item) => ({
        value: item.itemKey,
        label: `${item.name}（${item.departmentName}）`,
      }))}
      labelRender={({ value: key, label }) => label ?? names[String(key)] ?? key}
      style={{ width: '100%' }}
      data-testid="checklist-items"
      maxTagTextLength={24}
    />
  );
}
