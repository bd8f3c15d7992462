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
