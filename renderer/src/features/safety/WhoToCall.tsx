import { useTranslation } from 'react-i18next';

/**
 * Who to contact when something goes wrong: plain text only. Nothing here links out or loads
 * anything, so the page works on an air-gapped laptop and leaves no trace of a visit; the
 * addresses are written out to copy by hand onto a safe device.
 */
const CONTACTS = ['accessNow', 'frontLine', 'lifeline', 'dfak', 'unReprisals'] as const;

export function WhoToCall() {
  const { t } = useTranslation('safety');
  return (
    <section className="who-to-call" aria-labelledby="who-to-call-title">
      <h2 id="who-to-call-title">{t('whoToCall.title')}</h2>
      <p>{t('whoToCall.intro')}</p>
      <dl>
        {CONTACTS.map((key) => (
          <div key={key} className="who-to-call-entry">
            <dt>{t(`whoToCall.${key}.name`)}</dt>
            <dd>
              <p>{t(`whoToCall.${key}.offers`)}</p>
              <p>
                <strong>{t('whoToCall.reach')}</strong> {t(`whoToCall.${key}.reach`)}
              </p>
            </dd>
          </div>
        ))}
      </dl>
      <p className="hint">{t('whoToCall.checked')}</p>
    </section>
  );
}
