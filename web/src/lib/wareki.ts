// Dates as Japanese forms give them: 昭和45年4月1日, S45.4.1, 令和元年5月1日,
// H1/1/8, 2026年4月1日, 2026-04-01, 2026/4/1, 20260401 (full-width digits
// too). Each becomes an ISO date, or says why it cannot: unreadable, or a
// day that does not exist (2月30日, 昭和65年, 平成元年1月7日).
import { halfWidth } from './text';

type Era = { names: string[]; start: [number, number, number] };

// The first day of each era (the day it took effect).
const ERAS: Era[] = [
  { names: ['明治', 'M'], start: [1868, 1, 25] },
  { names: ['大正', 'T'], start: [1912, 7, 30] },
  { names: ['昭和', 'S'], start: [1926, 12, 25] },
  { names: ['平成', 'H'], start: [1989, 1, 8] },
  { names: ['令和', 'R'], start: [2019, 5, 1] },
];

export type ParsedDate = { kind: 'empty' } | { kind: 'unreadable' } | { kind: 'impossible' } | { kind: 'ok'; iso: string };

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

function exists(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function western(y: number, m: number, d: number): ParsedDate {
  if (y < 1868 || y > 2200 || !exists(y, m, d)) return { kind: 'impossible' };
  return { kind: 'ok', iso: iso(y, m, d) };
}

function inEra(index: number, year: number, m: number, d: number): ParsedDate {
  const era = ERAS[index];
  const y = era.start[0] + year - 1;
  if (year < 1 || !exists(y, m, d)) return { kind: 'impossible' };
  const day = iso(y, m, d);
  const next = ERAS[index + 1];
  if (day < iso(...era.start) || (next && day >= iso(...next.start))) return { kind: 'impossible' };
  return { kind: 'ok', iso: day };
}

const SEP = '\\s*[年./\\-－ー]\\s*';
const warekiPattern = new RegExp(`^(明治|大正|昭和|平成|令和|[MTSHR])\\s*(元|\\d{1,2})${SEP}(\\d{1,2})(?:${SEP.replace('年', '月')})(\\d{1,2})\\s*日?$`, 'i');
const westernPattern = new RegExp(`^(\\d{4})${SEP}(\\d{1,2})(?:${SEP.replace('年', '月')})(\\d{1,2})\\s*日?$`);

export function parseJapaneseDate(typed: string): ParsedDate {
  const text = halfWidth(typed).replace(/\s+/g, ' ');
  if (text === '') return { kind: 'empty' };
  const w = warekiPattern.exec(text);
  if (w) {
    const era = ERAS.findIndex((e) => e.names.includes(w[1].toUpperCase()) || e.names.includes(w[1]));
    return inEra(era, w[2] === '元' ? 1 : Number(w[2]), Number(w[3]), Number(w[4]));
  }
  const g = westernPattern.exec(text);
  if (g) return western(Number(g[1]), Number(g[2]), Number(g[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (compact) return western(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return { kind: 'unreadable' };
}
