// Scores the identity check against the hand-annotated corpus (tests/fixtures/identity-corpus.json):
// recall for registered people, for unregistered names (Latin scripts and others apart) and for
// each other kind, and every flag that marks nothing annotated (a false positive). Shared by the
// bench, which prints the figures, and the test, which holds them to the targets.
import fs from 'node:fs';
import type { IdentityFlagKind, Person } from '@shared/api/identity';
import { identityScanner, type IdentitySpan } from '../electron/core/identity/check';

interface Annotated {
  text: string;
  start: number;
  end: number;
}
export interface CorpusText {
  id: string;
  lang: string;
  /** 'tuning': the detectors were adjusted on it; 'held-out': written afterwards (see the corpus's "about"). */
  set: 'tuning' | 'held-out';
  text: string;
  registered: Array<Annotated & { personId: string; givenName: boolean }>;
  unregistered: Array<Annotated & { kind: Exclude<IdentityFlagKind, 'registered' | 'givenName'>; script?: 'latin' | 'other' }>;
}
export interface Corpus {
  people: Person[];
  texts: CorpusText[];
}

export interface Recall {
  total: number;
  caught: number;
  /** "text id: what was missed". */
  missed: string[];
}
export interface CorpusScore {
  texts: number;
  registered: Recall;
  latinNames: Recall;
  otherNames: Recall;
  byKind: Record<'email' | 'phone' | 'handle' | 'url', Recall>;
  flags: number;
  /** "text id: kind 'matched'". */
  falsePositives: string[];
  /** Per-text scan times in milliseconds, in corpus order. */
  timings: number[];
}

export const loadCorpus = (file = 'tests/fixtures/identity-corpus.json'): Corpus => JSON.parse(fs.readFileSync(file, 'utf8')) as Corpus;

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;
const recall = (): Recall => ({ total: 0, caught: 0, missed: [] });
const tally = (r: Recall, caught: boolean, miss: string) => {
  r.total++;
  if (caught) r.caught++;
  else r.missed.push(miss);
};

/** The score of the given texts of the corpus (all of them unless chosen). */
export function scoreCorpus(corpus: Corpus, texts: readonly CorpusText[] = corpus.texts): CorpusScore {
  const scanner = identityScanner(corpus.people);
  const score: CorpusScore = {
    texts: texts.length,
    registered: recall(),
    latinNames: recall(),
    otherNames: recall(),
    byKind: { email: recall(), phone: recall(), handle: recall(), url: recall() },
    flags: 0,
    falsePositives: [],
    timings: [],
  };
  for (const item of texts) {
    for (const a of [...item.registered, ...item.unregistered]) {
      if (item.text.slice(a.start, a.end) !== a.text) throw new Error(`${item.id}: the annotation "${a.text}" is not at its offsets`);
    }
    const started = performance.now();
    const spans: IdentitySpan[] = scanner.scan(item.text);
    score.timings.push(performance.now() - started);
    score.flags += spans.length;
    for (const a of item.registered) {
      const caught = spans.some((s) => overlaps(s, a) && s.personId === a.personId);
      tally(score.registered, caught, `${item.id}: ${a.text}${a.givenName ? ' (given name)' : ''}`);
    }
    for (const a of item.unregistered) {
      const caught = spans.some((s) => overlaps(s, a));
      const bucket = a.kind === 'name' ? (a.script === 'latin' ? score.latinNames : score.otherNames) : score.byKind[a.kind];
      tally(bucket, caught, `${item.id}: ${a.text}`);
    }
    const annotated = [...item.registered, ...item.unregistered];
    for (const s of spans) {
      if (!annotated.some((a) => overlaps(s, a))) score.falsePositives.push(`${item.id}: ${s.kind} '${item.text.slice(s.start, s.end)}'`);
    }
  }
  return score;
}

export const rate = (r: Recall): number => (r.total === 0 ? 1 : r.caught / r.total);
