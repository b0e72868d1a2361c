// The app's additions to phase 7 (not the toolkit's): draft findings returned to the affected
// people, the company's right of reply (directly or through a partner, with a deadline, and its
// response printed in the report), and a legal review for defamation, computer-crime and SLAPP risk.
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { LEGAL_REVIEW_STATUSES, REPLY_ROUTES, REPLY_STATUSES, VALIDATION_STATUSES } from '@shared/api/assessments';
import { CollapsibleSection } from '../../../components/CollapsibleSection';
import { useWorkspace } from '../workspace/context';
import { SelectField, TextField } from './fields';

export function BeforePublication() {
  const { t } = useTranslation('assessments');
  const { form } = useWorkspace();
  const validation = useWatch({ control: form.control, name: 'publication.validation.status' });
  const reply = useWatch({ control: form.control, name: 'publication.rightOfReply.status' });
  const route = useWatch({ control: form.control, name: 'publication.rightOfReply.route' });
  const legal = useWatch({ control: form.control, name: 'publication.legalReview.status' });
  const options = (list: readonly string[], key: string) => list.map((value) => ({ value, label: t(`${key}.${value}`) }));
  const sought = reply && reply !== 'not-started' && reply !== 'not-sought';
  const summary = t('sections.publication', {
    validation: t(`publication.validation.statuses.${validation ?? 'not-started'}`),
    reply: t(`publication.reply.statuses.${reply ?? 'not-started'}`),
    legal: t(`publication.legal.statuses.${legal ?? 'not-started'}`),
  });
  return (
    <CollapsibleSection name="assessment.beforePublication" title={t('publication.title')} summary={summary}>
      <section aria-labelledby="before-publication-title">
        {/* The section's line shows the title; the heading stays for navigation by headings. */}
        <h2 id="before-publication-title" className="visually-hidden">
          {t('publication.title')}
        </h2>
        <p className="hint">{t('publication.intro')}</p>

        <fieldset>
          <legend>{t('publication.validation.legend')}</legend>
          <p className="hint">{t('publication.validation.hint')}</p>
          <SelectField id="validation-status" name="publication.validation.status" label={t('publication.status')} options={options(VALIDATION_STATUSES, 'publication.validation.statuses')} />
          {(validation === 'returned' || validation === 'done') && (
            <>
              <div className="editor-grid">
                <TextField id="validation-on" name="publication.validation.returnedOn" label={t('publication.validation.returnedOn')} type="date" />
                <TextField id="validation-how" name="publication.validation.how" label={t('publication.validation.how')} hint={t('publication.validation.howHint')} />
              </div>
              <TextField id="validation-feedback" name="publication.validation.feedback" label={t('publication.validation.feedback')} multiline />
            </>
          )}
          {validation === 'not-possible' && <TextField id="validation-reason" name="publication.validation.notPossibleReason" label={t('publication.validation.reason')} multiline />}
        </fieldset>

        <fieldset>
          <legend>{t('publication.reply.legend')}</legend>
          <p className="hint">{t('publication.reply.hint')}</p>
          <SelectField id="reply-status" name="publication.rightOfReply.status" label={t('publication.status')} options={options(REPLY_STATUSES, 'publication.reply.statuses')} />
          {sought && (
            <>
              <div className="editor-grid">
                <SelectField id="reply-route" name="publication.rightOfReply.route" label={t('publication.reply.route')} options={options(REPLY_ROUTES, 'publication.reply.routes')} />
                {route === 'partner' && <TextField id="reply-partner" name="publication.rightOfReply.partner" label={t('publication.reply.partner')} hint={t('publication.reply.partnerHint')} />}
                <TextField id="reply-sent" name="publication.rightOfReply.sentOn" label={t('publication.reply.sentOn')} type="date" />
                <TextField id="reply-deadline" name="publication.rightOfReply.replyDeadline" label={t('publication.reply.deadline')} type="date" />
              </div>
              {route === 'partner' && <TextField id="reply-route-reason" name="publication.rightOfReply.routeReason" label={t('publication.reply.routeReason')} hint={t('publication.reply.routeReasonHint')} />}
            </>
          )}
          {reply === 'replied' && (
            <>
              <TextField id="reply-on" name="publication.rightOfReply.respondedOn" label={t('publication.reply.respondedOn')} type="date" />
              <TextField id="reply-response" name="publication.rightOfReply.response" label={t('publication.reply.response')} hint={t('publication.reply.responseHint')} multiline />
            </>
          )}
          {reply === 'not-sought' && <TextField id="reply-not-sought" name="publication.rightOfReply.notSoughtReason" label={t('publication.reply.notSoughtReason')} multiline />}
        </fieldset>

        <fieldset>
          <legend>{t('publication.legal.legend')}</legend>
          <p className="hint">{t('publication.legal.hint')}</p>
          <SelectField id="legal-review-status" name="publication.legalReview.status" label={t('publication.status')} options={options(LEGAL_REVIEW_STATUSES, 'publication.legal.statuses')} />
          {legal === 'done' && (
            <>
              <div className="editor-grid">
                <TextField id="legal-review-on" name="publication.legalReview.reviewedOn" label={t('publication.legal.reviewedOn')} type="date" />
                <TextField id="legal-review-role" name="publication.legalReview.reviewerRole" label={t('publication.legal.reviewerRole')} hint={t('publication.legal.reviewerRoleHint')} />
              </div>
              <TextField id="legal-review-risks" name="publication.legalReview.risks" label={t('publication.legal.risks')} multiline />
            </>
          )}
        </fieldset>
      </section>
    </CollapsibleSection>
  );
}
