export { ExchangeSettings } from './ExchangeSettings';
export { Provenance } from './Provenance';
