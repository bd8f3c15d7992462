// The JSON API as the server speaks it: every type comes from
// docs/openapi.yaml through openapi-typescript (npm run gen:api, part of the
// build), never copied by hand.
import type { components, paths } from '../generated/api-types';

type Schemas = components['schemas'];
export type Progress = Schemas['Progress'];
export type ApiError = Schemas['ErrorBody']['error'];
export type User = Schemas['User'];
export type Certificate = Schemas['Certificate'];
export type Item = Schemas['Item'];
export type ItemView = Schemas['ItemView'];
export type QueueRow = Schemas['QueueRow'];
export type Kind = Schemas['Kind'];
export type Status = Schemas['Status'];
export type FileMeta = Schemas['File'];
export type Doctor = Schemas['Doctor'];
export type ActivityInput = Schemas['ActivityInput'];
export type DeclarationInput = Schemas['DeclarationInput'];
export type LectureCredit = Schemas['LectureCredit'];
export type MailBatch = Schemas['MailBatch'];
export type Signatory = Schemas['Signatory'];
export type CertificateSettings = Schemas['CertificateSettings'];
export type Level = Schemas['Level'];

// The JSON body of a path's successful answer, straight from the contract.
type Methods = 'get' | 'post' | 'put' | 'delete';
type Answer<R> = R extends { content: { 'application/json': infer T } } ? T : null;
export type Ok<P extends keyof paths, M extends Methods, S extends number = 200> =
  paths[P][M] extends { responses: infer R } ? (S extends keyof R ? Answer<R[S]> : never) : never;

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError | null; status: number };

// The CSRF token the login set as a (script-readable) cookie; sent back on
// every state-changing request.
function csrfToken(): string {
  const m = document.cookie.match(/(?:^|;\s*)kakari_csrf=([^;]+)/);
  return m ? decodeURIComponent(m[1]) : '';
}

// The session's life as the page sees it: the time of the last answer, and
// who to ask when the server says the session has ended (the page logs in
// again in place; the request is then sent once more).
export const sessionWatch = {
  lastAnswerAt: Date.now(),
  onExpired: null as null | (() => Promise<boolean>),
};

const isLogin = (path: string) => path.startsWith('/api/v1/session');

async function send<T>(method: string, path: string, body: BodyInit | undefined,
  extra: Record<string, string>): Promise<Result<T>> {
  const first = await sendOnce<T>(method, path, body, extra);
  if (first.ok || first.status !== 401 || isLogin(path) || !sessionWatch.onExpired) return first;
  return (await sessionWatch.onExpired()) ? sendOnce<T>(method, path, body, extra) : first;
}

async function sendOnce<T>(method: string, path: string, body: BodyInit | undefined,
  extra: Record<string, string>): Promise<Result<T>> {
  try {
    const headers: Record<string, string> = { Accept: 'application/json', ...extra };
    if (method !== 'GET') headers['X-CSRF-Token'] = csrfToken();
    const res = await fetch(path, { method, headers, credentials: 'same-origin', body });
    const text = await res.text();
    const parsed = text ? JSON.parse(text) : null;
    if (!res.ok) return { ok: false, error: (parsed?.error ?? null) as ApiError | null, status: res.status };
    sessionWatch.lastAnswerAt = Date.now();
    return { ok: true, value: parsed as T };
  } catch {
    return { ok: false, error: null, status: 0 };
  }
}

export function call<T>(method: string, path: string, body?: unknown,
  headers: Record<string, string> = {}): Promise<Result<T>> {
  if (body === undefined) return send<T>(method, path, undefined, headers);
  return send<T>(method, path, JSON.stringify(body), { 'Content-Type': 'application/json', ...headers });
}

// A fresh key per user action: a retried request never acts twice.
export function idempotencyKey(): Record<string, string> {
  return { 'Idempotency-Key': crypto.randomUUID() };
}

export const get = <P extends keyof paths>(path: P | string) => call<Ok<P, 'get'>>('GET', path as string);

export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const enc = encodeURIComponent;

export const uploadFile = (file: File) => send<FileMeta>('POST', '/api/v1/files', file,
  { 'Content-Type': 'application/octet-stream', 'X-File-Name': enc(file.name) });

export const currentUser = () => call<Ok<'/api/v1/session', 'get'>>('GET', '/api/v1/session');
export const logIn = (login: string, password: string) =>
  call<Ok<'/api/v1/session', 'post'>>('POST', '/api/v1/session', { login, password });
export const logInWithCode = (login: string, code: string, newPassword: string) =>
  call<Ok<'/api/v1/session/one-time-code', 'post'>>('POST', '/api/v1/session/one-time-code',
    { login, code, new_password: newPassword });
export const logOut = () => call<null>('DELETE', '/api/v1/session');
export const certificatePdfUrl = (number: string) => `/api/v1/certificates/${enc(number)}/pdf`;
