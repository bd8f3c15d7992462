// The JSON API as the server speaks it (see docs/openapi.yaml).
export interface Missing {
  kind: 'lecture_units' | 'practical_activities';
  units: number;
  activities: number;
  message_ja: string;
  message_en: string;
}

export interface Progress {
  registry_number: string;
  name: string;
  kana: string;
  programme: {
    code: string;
    name_ja: string;
    name_en: string;
    required_total_units: number;
    units_per_activity: number;
  };
  lecture_units: number;
  practical_units: number;
  approved_activities: number;
  total_units: number;
  complete: boolean;
  missing: Missing[];
}

export interface ApiError {
  code: string;
  message_ja: string;
  message_en: string;
  field: string | null;
}

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
