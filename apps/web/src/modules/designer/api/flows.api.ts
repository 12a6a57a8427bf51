import {
  calendarResponseSchema,
  flowDetailSchema,
  flowVersionDetailSchema,
  flowDraftSavedSchema,
  flowPublishedSchema,
  flowXmlRequestSchema,
  type FlowDetail,
  type FlowDraftSaved,
  type FlowPublished,
  type FlowVersionDetail,
} from '@onewindow/contracts';
import { WorkingCalendar } from '@onewindow/calendar';
import { apiClient, apiRequest } from '../../api-client/api-client';

export function fetchFlow(key: string, signal?: AbortSignal): Promise<FlowDetail> {
  return apiClient.get(`/api/flows/${encodeURIComponent(key)}`, { responseSchema: flowDetailSchema, signal });
}

export function saveFlowDraft(key: string, bpmnXml: string): Promise<FlowDraftSaved> {
  return apiRequest(`/api/flows/${encodeURIComponent(key)}/draft`, {
    method: 'PUT',
    body: { bpmnXml },
    requestSchema: flowXmlRequestSchema,
    responseSchema: flowDraftSavedSchema,
  });
}

export function publishFlow(key: string, bpmnXml: string): Promise<FlowPublished> {
  return apiClient.post(`/api/flows/${encodeURIComponent(key)}/publish`, {
    body: { bpmnXml },
    requestSchema: flowXmlRequestSchema,
    responseSchema: flowPublishedSchema,
  });
}

/** One published version with its BPMN XML (null for a default plan) and its plan. */
export function fetchFlowVersion(key: string, version: number): Promise<FlowVersionDetail> {
  return apiClient.get(`/api/flows/${encodeURIComponent(key)}/versions/${version}`, {
    responseSchema: flowVersionDetailSchema,
  });
}

/** The working calendar in force (notices, and provisional statutory years without one), for the simulation. */
export async function fetchWorkingCalendar(signal?: AbortSignal): Promise<WorkingCalendar> {
  const { years } = await apiClient.get('/api/calendar', { responseSchema: calendarResponseSchema, signal });
  return WorkingCalendar.fromData({ years, regionalRules: [] });
}
