import { Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../api-client/components/ApiErrorAlert';
import { useCatalogueItems } from '../hooks/use-catalogue-items';
import { useCatalogueSearch } from '../hooks/use-catalogue-search';
import { useDepartments } from '../hooks/use-departments';
import { CatalogueFilters } from './CatalogueFilters';
import { CatalogueTable } from './CatalogueTable';
import { ItemDetailDrawer } from './ItemDetailDrawer';

/** Search the item catalogue by name or code, filter by department and type, open an item's guide. */
export function CatalogueBrowser() {
  const { t } = useTranslation();
  const { search, openItemKey, update, openItem, reset } = useCatalogueSearch();
  const items = useCatalogueItems(search);
  const departments = useDepartments();
  const filtered = Boolean(search.q || search.department || search.type);

  return (
    <Card>
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <CatalogueFilters
          search={search}
          departments={departments.data}
          departmentsLoading={departments.loading}
          onChange={update}
          onReset={reset}
        />
        {items.error !== undefined && <ApiErrorAlert error={items.error} onRetry={items.refresh} />}
        <CatalogueTable
          result={items.data}
          loading={items.loading}
          emptyText={filtered ? t('catalogue.empty') : t('catalogue.emptyCatalogue')}
          onOpenItem={openItem}
          onPageChange={(page, pageSize) => update({ page, pageSize })}
        />
      </Space>
      <ItemDetailDrawer itemKey={openItemKey} onClose={() => openItem(undefined)} />
    </Card>
  );
}
