import { z } from 'zod';
import { loginRequestSchema, sessionResponseSchema, type SessionResponse } from '@onewindow/contracts';
import { apiClient } from '../../api-client/api-client';
import { isApiError } from '../../api-client/api-error';

/** The current session, or null when nobody is signed in (401). */
export async function fetchSession(signal?: AbortSignal): Promise<SessionResponse | null> {
  try {
    return await apiClient.get('/api/auth/me', { responseSchema: sessionResponseSchema, signal });
  } catch (error) {
    if (isApiError(error) && error.kind === 'problem' && error.status === 401) return null;
    throw error;
  }
}

export function signIn(username: string, password: string): Promise<SessionResponse> {
  return apiClient.post('/api/auth/login', {
    responseSchema: sessionResponseSchema,
    requestSchema: loginRequestSchema,
    body: { username, password },
  });
}

export async function signOut(): Promise<void> {
  await apiClient.post('/api/auth/logout', { responseSchema: z.unknown() });
}

/** How one may sign in here: the sign-in form offers the identity provider when OIDC is configured. */
export function fetchSignInOptions(signal?: AbortSignal): Promise<{ password: boolean; oidc: boolean }> {
  return apiClient.get('/api/auth/sign-in-options', {
    responseSchema: z.object({ password: z.boolean(), oidc: z.boolean() }),
    signal,
  });
}
