import { z } from 'zod';
import {
  phraseListSchema,
  phraseListsSchema,
  phraseOrderRequestSchema,
  phraseRequestSchema,
  standardPhraseSchema,
  type PhraseList,
  type PhraseLists,
  type StandardPhrase,
} from '@onewindow/contracts';
import { apiClient, apiRequest } from '../../api-client/api-client';

/** Which list: one's own, or a department's (kept by its lead). */
export type PhraseListRef = { kind: 'mine' } | { kind: 'department'; code: string };

const base = (list: PhraseListRef) =>
  list.kind === 'mine' ? '/api/phrases/mine' : `/api/phrases/departments/${encodeURIComponent(list.code)}`;

/** The signed-in approver's phrases and their department's (GET /api/phrases). */
export function fetchPhrases(signal?: AbortSignal): Promise<PhraseLists> {
  return apiClient.get('/api/phrases', { responseSchema: phraseListsSchema, signal });
}

export function addPhrase(list: PhraseListRef, text: string): Promise<StandardPhrase> {
  return apiClient.post(base(list), {
    responseSchema: standardPhraseSchema,
    requestSchema: phraseRequestSchema,
    body: { text },
  });
}

export function editPhrase(list: PhraseListRef, id: string, text: string): Promise<StandardPhrase> {
  return apiRequest(`${base(list)}/${encodeURIComponent(id)}`, {
    method: 'PUT',
    responseSchema: standardPhraseSchema,
    requestSchema: phraseRequestSchema,
    body: { text },
  });
}

export async function deletePhrase(list: PhraseListRef, id: string): Promise<void> {
  await apiRequest(`${base(list)}/${encodeURIComponent(id)}`, {
    method: 'DELETE',
    responseSchema: z.undefined(),
  });
}

export function reorderPhrases(list: PhraseListRef, ids: string[]): Promise<PhraseList> {
  return apiRequest(`${base(list)}/order`, {
    method: 'PUT',
    responseSchema: phraseListSchema,
    requestSchema: phraseOrderRequestSchema,
    body: { ids },
  });
}
