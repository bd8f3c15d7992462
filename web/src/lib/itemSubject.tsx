// What an item is about, as every list names it: an activity's category and
// organisation, a declaration's title; and whether proof is attached.
import type { Kind } from './api';
import { makeT, tc, useLang } from './i18n';

export type Subject = { category: string; text: string; has_proof: boolean };

const tm = makeT({
  proof: { ja: '証明書類', en: 'Proof' },
  withProof: { ja: '添付あり', en: 'attached' },
  noProof: { ja: '添付なし', en: 'none attached' },
  notNeeded: { ja: '対象外', en: 'not applicable' },
});

// Japanese and English each write parts and asides their own way.
export const separator = (lang: 'ja' | 'en') => (lang === 'ja' ? '・' : ' · ');
export const joinParts = (lang: 'ja' | 'en', parts: string[]) => parts.filter(Boolean).join(separator(lang));
const aside = (lang: 'ja' | 'en', text: string) => (lang === 'ja' ? `（${text}）` : ` (${text})`);

export function subjectLine(lang: 'ja' | 'en', subject: Subject, catName: (code: string) => string): string {
  if (subject.category) return subject.text ? `${catName(subject.category)}${aside(lang, subject.text)}` : catName(subject.category);
  return subject.text;
}

// The kind and what it is about: 「実地研修（経験）・学校医（区立小学校）」.
export function itemLabel(lang: 'ja' | 'en', kind: Kind, subject: Subject, catName: (code: string) => string): string {
  return joinParts(lang, [tc(lang, `kind_${kind}`), subjectLine(lang, subject, catName)]);
}

// An application carries the doctor's record, not a proof file of its own.
export function needsProof(kind: Kind): boolean {
  return kind !== 'application';
}

export function ProofMark({ kind, subject }: { kind: Kind; subject: Subject }) {
  const lang = useLang();
  if (!needsProof(kind)) return <span class="proof na">—<span class="sr-only">{tm(lang, 'notNeeded')}</span></span>;
  return subject.has_proof
    ? <span class="proof yes">{tm(lang, 'withProof')}</span>
    : <span class="proof no">{tm(lang, 'noProof')}</span>;
}

export function useProofHeading(): string {
  return tm(useLang(), 'proof');
}
