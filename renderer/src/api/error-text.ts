// The sentence a person reads for an API error, in the language they chose. Core sends a
// catalogue key and its params beside the English message; the `errors` catalogue says it in
// each language, and the English message stands in wherever a catalogue lacks the key.
import type { RpcError } from '@shared/api/result';
import i18next from 'i18next';

/**
 * A validation problem (a `validation.` key, sent with INVALID_INPUT) is said inside the sentence
 * that names the fields, as core's English message does; every other key is a whole sentence.
 */
export function errorText(error: RpcError): string {
  if (!error.key || !i18next.isInitialized) return error.message;
  const key = `errors:${error.key}`;
  const params = error.params ?? {};
  if (!i18next.exists(key, params)) return error.message;
  const sentence = i18next.t(key, params);
  if (error.code !== 'INVALID_INPUT' || !error.key.startsWith('validation.')) return sentence;
  const fields = error.fields ?? [];
  return fields.length === 0
    ? i18next.t('errors:invalidInput.request', { problem: sentence })
    : i18next.t('errors:invalidInput.fields', { count: fields.length, fields: fields.join(', '), problem: sentence });
}
