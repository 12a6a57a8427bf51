import {
  bundlesResponseSchema,
  catalogueItemDetailSchema,
  catalogueItemsResponseSchema,
  departmentsResponseSchema,
  type CatalogueItemDetail,
  type CatalogueItemsResponse,
} from '@onewindow/contracts';
import type { z } from 'zod';
import { apiClient } from '../../api-client/api-client';

export interface CatalogueSearch {
  q?: string;
  department?: string;
  type?: string;
  page: number;
  pageSize: number;
}

export type Department = z.infer<typeof departmentsResponseSchema>['departments'][number];
export type CatalogueBundle = z.infer<typeof bundlesResponseSchema>['bundles'][number];

export function searchCatalogueItems(
  search: CatalogueSearch,
  signal?: AbortSignal,
): Promise<CatalogueItemsResponse> {
  return apiClient.get('/api/catalogue/items', {
    responseSchema: catalogueItemsResponseSchema,
    query: { ...search },
    signal,
  });
}

export function fetchCatalogueItem(itemKey: string, signal?: AbortSignal): Promise<CatalogueItemDetail> {
  return apiClient.get(`/api/catalogue/items/${encodeURIComponent(itemKey)}`, {
    responseSchema: catalogueItemDetailSchema,
    signal,
  });
}

export async function fetchDepartments(signal?: AbortSignal): Promise<Department[]> {
  return (
    await apiClient.get('/api/catalogue/departments', { responseSchema: departmentsResponseSchema, signal })
  ).departments;
}

export async function fetchBundles(signal?: AbortSignal): Promise<CatalogueBundle[]> {
  return (await apiClient.get('/api/catalogue/bundles', { responseSchema: bundlesResponseSchema, signal }))
    .bundles;
}
