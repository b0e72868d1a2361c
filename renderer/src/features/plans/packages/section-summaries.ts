// What each closed section of the package editor holds, as counts for its summary line. Pure, so
// what counts as "reviewed" or "written" is tested without a browser.
import type { PackageForm } from './package-form';

const written = (text: string | undefined): boolean => Boolean(text?.trim());

/** A finding counts once it has a title or a statement; a disputed one is not confirmed, as the readiness check reads it. */
export function findingCounts(findings: PackageForm['findings']): { total: number; confirmed: number; included: number } {
  const real = findings.filter((f) => written(f.title) || written(f.statement));
  return {
    total: real.length,
    confirmed: real.filter((f) => f.review.status === 'confirmed').length,
    included: real.filter((f) => f.included).length,
  };
}

/** Asks with words in them; the five empty slots a new package starts with are not asks yet. */
export function askCounts(asks: PackageForm['asks']): { total: number; included: number } {
  const real = asks.filter((a) => written(a.text));
  return { total: real.length, included: real.filter((a) => a.included).length };
}

/** Sources listed, and how many of the three notes (consent, verification, limitations) are written. */
export function methodologyCounts(methodology: PackageForm['methodology']): { sources: number; notes: number } {
  const notes = [methodology.consent, methodology.verification, methodology.limitations].filter(written).length;
  return { sources: methodology.sources.length, notes };
}
