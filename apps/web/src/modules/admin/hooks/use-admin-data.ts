import { useApiQuery } from '../../api-client/hooks/use-api-query';
import {
  fetchAudit,
  fetchBundles,
  fetchCatalogueDepartments,
  fetchCertificateTypes,
  fetchDepartments,
  fetchUsers,
  type AuditFilters,
} from '../api/admin.api';

export const useAdminUsers = () => useApiQuery('admin-users', fetchUsers);

export const useAdminDepartments = () => useApiQuery('admin-departments', fetchDepartments);

export const useAuditPage = (filters: AuditFilters, page: number, pageSize: number) =>
  useApiQuery(JSON.stringify({ filters, page, pageSize }), (signal) =>
    fetchAudit(filters, page, pageSize, signal),
  );

export const useCertificateTypes = () => useApiQuery('admin-certificate-types', fetchCertificateTypes);

export const useCatalogueBundles = () => useApiQuery('admin-bundles', fetchBundles);

export const useCatalogueDepartments = () => useApiQuery('catalogue-departments', fetchCatalogueDepartments);
