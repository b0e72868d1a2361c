export { LanguagePicker } from './LanguagePicker';
export { LanguageSettings } from './LanguageSettings';
