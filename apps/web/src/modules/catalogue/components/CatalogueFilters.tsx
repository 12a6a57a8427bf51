import { useState } from 'react';
import { Button, Flex, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { ITEM_TYPES } from '@onewindow/standards';
import type { CatalogueSearch, Department } from '../api/catalogue.api';
import { useCodeLabel } from '../hooks/use-code-labels';

interface CatalogueFiltersProps {
  search: CatalogueSearch;
  departments: Department[] | undefined;
  departmentsLoading: boolean;
  onChange: (change: Partial<CatalogueSearch>) => void;
  onReset: () => void;
}

export function CatalogueFilters({
  search,
  departments,
  departmentsLoading,
  onChange,
  onReset,
}: CatalogueFiltersProps) {
  const { t } = useTranslation();
  const codeLabel = useCodeLabel();
  // The box keeps what is typed; the search runs on Enter or the search button.
  const [text, setText] = useState(search.q ?? '');
  const [searched, setSearched] = useState(search.q);
  if (searched !== search.q) {
    setSearched(search.q);
    setText(search.q ?? '');
  }

  return (
    <Flex wrap gap={8} role="search" aria-label={t('catalogue.searchLabel')}>
      <Input.Search
        aria-label={t('catalogue.searchLabel')}
        placeholder={t('catalogue.searchPlaceholder')}
        allowClear
        enterButton
        value={text}
        onChange={(event) => setText(event.target.value)}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
        style={{ width: 320 }}
        data-testid="catalogue-search"
      />
      <Select
        aria-label={t('catalogue.department')}
        placeholder={t('catalogue.allDepartments')}
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={departmentsLoading}
        value={search.department}
        onChange={(department?: string) => onChange({ department })}
        options={(departments ?? []).map((d) => ({ value: d.code, label: d.name }))}
        style={{ width: 220 }}
        data-testid="catalogue-department"
      />
      <Select
        aria-label={t('catalogue.itemType')}
        placeholder={t('catalogue.allTypes')}
        allowClear
        value={search.type}
        onChange={(type?: string) => onChange({ type })}
        options={Object.keys(ITEM_TYPES).map((code) => ({
          value: code,
          label: `${code} ${codeLabel('itemType', code)}`,
        }))}
        style={{ width: 220 }}
        data-testid="catalogue-type"
      />
      <Button onClick={onReset}>{t('catalogue.reset')}</Button>
    </Flex>
  );
}
