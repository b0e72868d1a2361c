// What the contract's validation found, as a message key the renderer can say in the user's
// language. The contract's own sentences (the second argument of .min(), .refine() and the like)
// are matched here by their English text, so the shared schemas stay plain zod; zod's generic
// problems are keyed by issue code. tests/unit/core/error-keys.test.ts fails when a sentence in
// the contract has no entry here, or when an English text below differs from the catalogue's.
import type { ErrorParams } from '@shared/api/result';
import type { z } from 'zod';

export interface Problem {
  key: string;
  params: ErrorParams;
  /** The English sentence, as the catalogue's English says it. */
  message: string;
}

type Issue = z.core.$ZodIssue;

/** The contract's sentences, exactly as written there. */
const CONTRACT_SENTENCES = new Map<string, string>(Object.entries({
  'Give the note a title.': 'validation.noteTitle',
  'Give the draft a title.': 'validation.submissionTitle',
  'Choose the language the draft is written in.': 'validation.submissionLanguage',
  'The fields belong to another kind of submission.': 'validation.submissionRoute',
  'Use a two-letter country code such as JP.': 'validation.countryCodeForm',
  'That is not a country code. Choose the country from the list.': 'validation.notACountry',
  'Give the company a name.': 'validation.companyName',
  'Say what was committed.': 'validation.commitmentText',
  'Say what we will do.': 'validation.followUpText',
  'That file is larger than 25 MB, the most one attachment can be.': 'validation.attachmentTooLarge',
  'Give every stakeholder a pseudonym; a real name is never needed.': 'validation.stakeholderPseudonym',
  'Describe every source, or remove the empty one.': 'validation.sourceText',
  'Give the assessment a title.': 'validation.assessmentTitle',
  'Give the real name, as the person is known.': 'validation.personRealName',
  'Say what to print instead.': 'validation.replacementText',
  'Use a key with Ctrl (or Cmd) or Alt, for example CommandOrControl+Shift+H.': 'validation.shortcutModifier',
  'Choose 3 or more wrong passphrases, or leave it off.': 'validation.eraseThreshold',
  'Give the partner organisation a name.': 'validation.partnerName',
  'Give each step a title.': 'validation.stepTitle',
  'Give the plan a title.': 'validation.planTitle',
  'A plan can have at most 40 steps.': 'validation.tooManySteps',
  'Give the package a title.': 'validation.packageTitle',
  'Enter the passphrase of the file.': 'validation.filePassphrase',
  'Give the new vault a name.': 'validation.newVaultName',
  'Name your organisation, so partners know who sent the bundle.': 'validation.bundleOrganisation',
  'Choose at least one plan, package or assessment.': 'validation.bundleItems',
  'Look at the preview and confirm the import first.': 'validation.confirmImport',
}));

const FILE_CONTEXT: Record<string, string> = { 'a backup file': 'backup', 'a partner bundle': 'bundle' };

/** The contract's sentences built from constants: the numbers and names become params. */
const CONTRACT_PATTERNS: Array<{ pattern: RegExp; key: string; params: (m: RegExpExecArray) => ErrorParams }> = [
  { pattern: /^A package holds at most (\d+) findings: untick or remove the ones you will not use\.$/, key: 'validation.tooManyFindings', params: (m) => ({ count: Number(m[1]) }) },
  { pattern: /^A package holds at most (\d+) asks: remove the ones you will not use\.$/, key: 'validation.tooManyAsks', params: (m) => ({ count: Number(m[1]) }) },
  { pattern: /^Choose (a backup file|a partner bundle) first\.$/, key: 'validation.chooseFile', params: (m) => ({ context: FILE_CONTEXT[m[1]!]! }) },
  {
    pattern: /^That file is larger than (\d+) MB, the most the app accepts for (a backup file|a partner bundle)\.$/,
    key: 'validation.fileTooLarge',
    params: (m) => ({ max: Number(m[1]), context: FILE_CONTEXT[m[2]!]! }),
  },
  { pattern: /^Use at least (\d+) characters\.$/, key: 'validation.passphraseTooShort', params: (m) => ({ count: Number(m[1]) }) },
];

/**
 * English for zod's own problems and for the sentence that names the fields. A key with `_one`
 * and `_other` is a plural on `count`, the way i18next reads the catalogue.
 */
export const GENERIC_ENGLISH: Record<string, string> = {
  'validation.required': 'This cannot be left empty.',
  'validation.wrongType': 'This is not the kind of value expected here.',
  'validation.notWholeNumber': 'Enter a whole number.',
  'validation.tooLong_one': 'Use at most {{count}} character.',
  'validation.tooLong_other': 'Use at most {{count}} characters.',
  'validation.tooShort_one': 'Use at least {{count}} character.',
  'validation.tooShort_other': 'Use at least {{count}} characters.',
  'validation.tooMany_one': 'Give at most {{count}} item.',
  'validation.tooMany_other': 'Give at most {{count}} items.',
  'validation.tooFew_one': 'Give at least {{count}} item.',
  'validation.tooFew_other': 'Give at least {{count}} items.',
  'validation.tooSmall': 'Enter {{min}} or more.',
  'validation.tooLarge': 'Enter {{max}} or less.',
  'validation.notMultiple': 'Enter a multiple of {{step}}.',
  'validation.badDate': 'This is not a valid date.',
  'validation.badReference': 'This does not point at a record in the form the app uses.',
  'validation.badFormat': 'This is not in the expected form.',
  'validation.notAnOption': 'Choose one of the options offered.',
  'validation.unknownField': 'The request holds a field this version of the app does not know.',
  'validation.notAccepted': 'This value is not accepted.',
  'invalidInput.fields_one': 'Please check this field: {{fields}}. {{problem}}',
  'invalidInput.fields_other': 'Please check these fields: {{fields}}. {{problem}}',
  'invalidInput.request': 'That request was not in the expected form. {{problem}}',
};

/** English text of a key with its params, chosen and filled as i18next would for English. */
export function english(key: string, params: ErrorParams): string {
  const plural = typeof params.count === 'number' ? `${key}_${params.count === 1 ? 'one' : 'other'}` : key;
  const template = (Object.hasOwn(GENERIC_ENGLISH, plural) ? GENERIC_ENGLISH[plural] : GENERIC_ENGLISH[key]) ?? key;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
}

const generic = (key: string, params: ErrorParams = {}): Problem => ({ key, params, message: english(key, params) });

const valueAt = (payload: unknown, path: readonly PropertyKey[]): unknown =>
  path.reduce<unknown>((value, step) => (value !== null && typeof value === 'object' ? (value as Record<PropertyKey, unknown>)[step] : undefined), payload);

/** One zod issue as a key, its params and the English sentence. Never reads the input's content beyond "is it there". */
export function problemOf(issue: Issue, payload: unknown): Problem {
  const key = CONTRACT_SENTENCES.get(issue.message);
  if (key) return { key, params: {}, message: issue.message };
  for (const entry of CONTRACT_PATTERNS) {
    const match = entry.pattern.exec(issue.message);
    if (match) return { key: entry.key, params: entry.params(match), message: issue.message };
  }
  switch (issue.code) {
    case 'invalid_type':
      if (valueAt(payload, issue.path) === undefined) return generic('validation.required');
      return generic(issue.expected === 'int' ? 'validation.notWholeNumber' : 'validation.wrongType');
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) === 1 ? generic('validation.required') : generic('validation.tooShort', { count: Number(issue.minimum) });
      if (issue.origin === 'array' || issue.origin === 'set') return generic('validation.tooFew', { count: Number(issue.minimum) });
      return generic('validation.tooSmall', { min: Number(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return generic('validation.tooLong', { count: Number(issue.maximum) });
      if (issue.origin === 'array' || issue.origin === 'set') return generic('validation.tooMany', { count: Number(issue.maximum) });
      return generic('validation.tooLarge', { max: Number(issue.maximum) });
    case 'not_multiple_of':
      return generic('validation.notMultiple', { step: Number(issue.divisor) });
    case 'invalid_format':
      if (/date|time/.test(issue.format)) return generic('validation.badDate');
      if (/uuid|guid|cuid|ulid|nanoid/.test(issue.format)) return generic('validation.badReference');
      return generic('validation.badFormat');
    case 'invalid_value':
      return generic('validation.notAnOption');
    case 'unrecognized_keys':
      return generic('validation.unknownField');
    default:
      return generic('validation.notAccepted');
  }
}
