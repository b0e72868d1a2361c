// Assessments saved before severity criteria, consent per use, typed sources and the steps before
// publication existed, brought to the current shape without inventing anything:
// - a severity chosen from one list stays, marked "rated before scale, scope and irremediability
//   were recorded"; the criteria start as not assessed;
// - a single consent status stays as the earlier status; a refusal or withdrawal applies to every
//   use, but a "given" is never read as consent to a use nobody asked about;
// - a source written as a line of text keeps its words, with its type not recorded.
// Everything else the current schema adds takes its default. Records already in the current shape
// pass through unchanged, so this is safe to run on any revision.
import { z } from 'zod';
import { AssessmentRecord, CONSENT_STATUSES, Impact, SEVERITIES } from '@shared/api/assessments';

type Raw = Record<string, unknown>;
const isObject = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const includes = <T extends string>(list: readonly T[], value: unknown): value is T => typeof value === 'string' && (list as readonly string[]).includes(value);

function sources(value: unknown): unknown {
  return Array.isArray(value) ? value.map((s) => (typeof s === 'string' ? { text: s, type: 'not-recorded' } : s)) : value;
}

function impactShape(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const severity = includes(SEVERITIES, raw.severity) ? { earlier: raw.severity } : raw.severity;
  return { ...raw, severity, sources: sources(raw.sources) };
}

function stakeholderShape(raw: unknown): unknown {
  if (!isObject(raw) || !includes(CONSENT_STATUSES, raw.consent)) return raw;
  const earlier = raw.consent;
  const refusal = earlier === 'refused' || earlier === 'withdrawn';
  const consent = refusal ? { publication: earlier, company: earlier, unSubmission: earlier, citation: 'refused', earlier } : { earlier };
  return { ...raw, consent };
}

/** One impact as the current schema reads it; impact evidence compares revisions in this form. */
export function currentImpact(raw: unknown): Impact {
  return Impact.parse(impactShape(raw));
}

/** A record in any earlier shape, reshaped but not yet checked. */
function recordShape(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const list = (value: unknown, shape: (item: unknown) => unknown) => (Array.isArray(value) ? value.map(shape) : value);
  return {
    ...raw,
    stakeholders: list(raw.stakeholders, stakeholderShape),
    impacts: list(raw.impacts, impactShape),
    findings: list(raw.findings, (f) => (isObject(f) ? { ...f, sources: sources(f.sources) } : f)),
  };
}

/** A whole record (as stored in `doc` or in a revision) in the current shape. */
export function currentRecord(raw: unknown): AssessmentRecord {
  return AssessmentRecord.parse(recordShape(raw));
}

/** The record schema for records written by any version: a partner's bundle may come from an older app. */
export const AssessmentRecordAnyVersion = z.preprocess(recordShape, AssessmentRecord);
