// The JSON API as the server speaks it: every type comes from
// docs/openapi.yaml through openapi-typescript (npm run gen:api, part of the
// build), never copied by hand.
import type { components } from './generated/api-types';

type Schemas = components['schemas'];
export type Missing = Schemas['Missing'];
export type Progress = Schemas['Progress'];
export type ApiError = Schemas['ErrorBody']['error'];

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError | null };

export async function fetchProgress(registryNumber: string): Promise<Result<Progress>> {
  try {
    const res = await fetch(`/api/v1/doctors/${encodeURIComponent(registryNumber)}/progress`, {
      headers: { Accept: 'application/json' },
    });
    const body = await res.json();
    if (!res.ok) return { ok: false, error: body.error as ApiError };
    return { ok: true, value: body as Progress };
  } catch {
    return { ok: false, error: null };
  }
}

export type User = Schemas['User'];
export type Certificate = Schemas['Certificate'];

// The CSRF token the login set as a (script-readable) cookie; sent back on
// every state-changing request.
function csrfToken(): string {
  const m = document.cookie.match(/(?:^|;\s*)kakari_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

export async function call<T>(method: string, path: string, body?: unknown): Promise<Result<T>> {
  try {
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(path, {
      method, headers, credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!res.ok) return { ok: false, error: (parsed?.error ?? null) as ApiError | null };
    return { ok: true, value: parsed as T };
  } catch {
    return { ok: false, error: null };
  }
}

export const currentUser = () => call<{ user: User }>('GET', '/api/v1/session');
export const logIn = (login: string, password: string) =>
  call<{ user: User; csrf_token: string }>('POST', '/api/v1/session', { login, password });
export const logOut = () => call<null>('DELETE', '/api/v1/session');
export const myProgress = () => call<Progress>('GET', '/api/v1/me/progress');
export const myCertificates = () => call<{ items: Certificate[] }>('GET', '/api/v1/me/certificates');
export const certificatePdfUrl = (number: string) =>
  `/api/v1/certificates/${encodeURIComponent(number)}/pdf`;
