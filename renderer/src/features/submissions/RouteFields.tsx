import { Controller, useFieldArray, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { CompanySummary } from '@shared/api/diary';
import type { Person } from '@shared/api/identity';
import { SP_MANDATES } from '@shared/api/plans';
import { OECD_CHAPTERS, PARTNER_URGENCIES, UPR_ADDRESSEES, type SubmissionRoute } from '@shared/api/submissions';
import { CountryPicker } from '../../components/CountryPicker';
import { FieldGuidanceWords, useFieldGuidance } from './FieldGuidance';
import { consentDisplay, newRecommendation, newVictim, type SubmissionForm } from './submission-form';
import type { TemplateWords } from './template-words';

type Form = UseFormReturn<SubmissionForm>;

export interface Choices {
  companies: CompanySummary[];
  people: Person[];
}

/** A labelled text area bound to one of the route's fields. */
function TextField({ form, name, rows = 4 }: { form: Form; name: keyof SubmissionForm['fields']; rows?: number }) {
  const { t } = useTranslation('submissions');
  const id = `submission-${name}`;
  // The template's ids of text fields are the form's names.
  const guidance = useFieldGuidance(name);
  return (
    <div className="field">
      <label htmlFor={id}>{t(`fields.${name}`)}</label>
      <textarea id={id} rows={rows} aria-describedby={`${id}-hint`} {...form.register(`fields.${name}` as 'fields.facts')} />
      <span id={`${id}-hint`} className="hint">
        {guidance}
        {t(`hints.${name}`)}
      </span>
    </div>
  );
}

/** Companies chosen from the diary, several at once. */
function CompaniesField({ form, name, field: templateField, companies }: { form: Form; name: 'perpetratorCompanyIds' | 'enterpriseCompanyIds'; field: string; companies: CompanySummary[] }) {
  const { t } = useTranslation('submissions');
  const id = `submission-${name}`;
  const guidance = useFieldGuidance(templateField);
  return (
    <Controller
      control={form.control}
      name={`fields.${name}`}
      render={({ field }) => (
        <div className="field">
          <label htmlFor={id}>{t(`fields.${name}`)}</label>
          <select id={id} multiple size={Math.min(6, Math.max(2, companies.length))} aria-describedby={`${id}-hint`} value={field.value} onChange={(event) => field.onChange(Array.from(event.target.selectedOptions, (option) => option.value))}>
            {companies.map((company) => (
              <option key={company.id} value={company.id}>
                {company.name}
              </option>
            ))}
          </select>
          <span id={`${id}-hint`} className="hint">
            {guidance}
            {t('hints.companies')}
          </span>
        </div>
      )}
    />
  );
}

/**
 * The structured fields of the draft's route, as its mechanism asks for them, each with what the
 * route's template says it needs (`words`: the template's words as the page shows them).
 */
export function RouteFields({ form, route, choices, words }: { form: Form; route: SubmissionRoute; choices: Choices; words: TemplateWords | null }) {
  return (
    <FieldGuidanceWords.Provider value={words}>
      <FieldsOf form={form} route={route} choices={choices} />
    </FieldGuidanceWords.Provider>
  );
}

function FieldsOf({ form, route, choices }: { form: Form; route: SubmissionRoute; choices: Choices }) {
  switch (route) {
    case 'spCommunication':
      return <SpCommunication form={form} choices={choices} />;
    case 'uprStakeholder':
      return <UprStakeholder form={form} />;
    case 'ncpSpecificInstance':
      return <NcpSpecificInstance form={form} choices={choices} />;
    case 'bhrrcResponse':
      return <BhrrcResponse form={form} />;
    case 'rightOfReply':
      return <RightOfReply form={form} />;
    case 'oversightBoard':
      return <OversightBoard form={form} />;
    case 'trustedPartner':
      return <TrustedPartner form={form} />;
  }
}

function SpCommunication({ form, choices }: { form: Form; choices: Choices }) {
  const { t } = useTranslation('submissions');
  const { register } = form;
  const mandatesGuidance = useFieldGuidance('mandates');
  return (
    <>
      <div className="field">
        <label htmlFor="submission-spKind">{t('fields.spKind')}</label>
        <select id="submission-spKind" aria-describedby="submission-spKind-hint" {...register('fields.spKind')}>
          <option value="allegationLetter">{t('options.allegationLetter')}</option>
          <option value="urgentAppeal">{t('options.urgentAppeal')}</option>
        </select>
        <span id="submission-spKind-hint" className="hint">
          {t('hints.spKind')}
        </span>
      </div>
      <VictimsFieldset form={form} people={choices.people} />
      <div className="field">
        <label htmlFor="submission-stateActors">{t('fields.stateActors')}</label>
        <textarea id="submission-stateActors" rows={3} {...register('fields.stateActors')} />
      </div>
      <CompaniesField form={form} name="perpetratorCompanyIds" field="perpetrators.companyIds" companies={choices.companies} />
      <TextField form={form} name="datesAndPlaces" rows={3} />
      <TextField form={form} name="facts" rows={6} />
      <TextField form={form} name="domesticSteps" rows={4} />
      <TextField form={form} name="request" rows={3} />
      <fieldset className="mandates">
        <legend>{t('fields.mandates')}</legend>
        <p className="hint">
          {mandatesGuidance}
          {t('hints.mandates')}
        </p>
        {SP_MANDATES.map((mandate) => (
          <label key={mandate} className="check">
            <input type="checkbox" value={mandate} {...register('fields.mandates')} /> {t(`plans:mandates.${mandate}`)}
          </label>
        ))}
      </fieldset>
    </>
  );
}

/** The alleged victims, each by pseudonym, with whether their real name is known and their consent to be named. */
function VictimsFieldset({ form, people }: { form: Form; people: Person[] }) {
  const { t } = useTranslation('submissions');
  const victims = useFieldArray({ control: form.control, name: 'fields.victims', keyName: 'key' });
  const values = useWatch({ control: form.control, name: 'fields.victims' }) ?? [];
  const guidance = useFieldGuidance('victims');
  return (
    <fieldset className="victims" data-testid="victims">
      <legend>{t('fields.victims')}</legend>
      <p className="hint">
        {guidance}
        {t('hints.victims')}
      </p>
      {victims.fields.length === 0 && <p className="hint">{t('victims.none')}</p>}
      <ol className="victim-list">
        {victims.fields.map((victim, index) => {
          const value = values[index] ?? victim;
          const consent = consentDisplay(value);
          const id = (name: string) => `victim-${index}-${name}`;
          const n = index + 1;
          const label = value.pseudonym || t('victims.item', { n });
          return (
            <li key={victim.key} className="card victim" aria-label={t('victims.item', { n })}>
              <div className="editor-grid">
                <div className="field">
                  <label htmlFor={id('pseudonym')}>{t('victims.pseudonym', { n })}</label>
                  <input id={id('pseudonym')} {...form.register(`fields.victims.${index}.pseudonym`)} />
                </div>
                <div className="field">
                  <label htmlFor={id('consent')}>{t('victims.consent', { n })}</label>
                  <select id={id('consent')} aria-describedby={id('consent-state')} {...form.register(`fields.victims.${index}.consentToBeNamed`)}>
                    <option value="notRecorded">{t('victims.consentNotRecorded')}</option>
                    <option value="given">{t('victims.consentGiven')}</option>
                    <option value="refused">{t('victims.consentRefused')}</option>
                  </select>
                </div>
                <div className="field">
                  <label htmlFor={id('person')}>{t('victims.person', { n })}</label>
                  <select id={id('person')} aria-describedby={id('person-hint')} {...form.register(`fields.victims.${index}.personId`)}>
                    <option value="">{t('victims.noPerson')}</option>
                    {people.map((person) => (
                      <option key={person.id} value={person.id}>
                        {person.pseudonym || t('victims.personWithoutPseudonym')}
                      </option>
                    ))}
                  </select>
                  <span id={id('person-hint')} className="hint">
                    {t('victims.personHint')}
                  </span>
                </div>
              </div>
              <label className="check">
                <input type="checkbox" {...form.register(`fields.victims.${index}.realNameKnown`)} /> {t('victims.realNameKnown', { n })}
              </label>
              <p id={id('consent-state')} className={`consent-state consent-${consent.tone}`} data-testid="victim-consent">
                {t(consent.key, { victim: label })}
              </p>
              <button type="button" className="button danger" onClick={() => victims.remove(index)} aria-label={t('victims.remove', { victim: label })}>
                {t('remove')}
              </button>
            </li>
          );
        })}
      </ol>
      <button type="button" className="button" onClick={() => victims.append(newVictim(), { shouldFocus: true })}>
        {t('victims.add')}
      </button>
    </fieldset>
  );
}

function UprStakeholder({ form }: { form: Form }) {
  const { t } = useTranslation('submissions');
  const { register, control } = form;
  const joint = useWatch({ control, name: 'fields.joint' });
  const recommendations = useFieldArray({ control, name: 'fields.recommendations', keyName: 'key' });
  const guidance = { state: useFieldGuidance('stateUnderReview'), cycle: useFieldGuidance('cycle'), recommendations: useFieldGuidance('recommendations') };
  return (
    <>
      <Controller
        control={control}
        name="fields.stateUnderReview"
        render={({ field }) => (
          <CountryPicker
            id="submission-stateUnderReview"
            label={t('fields.stateUnderReview')}
            hint={guidance.state}
            single
            value={field.value ? [field.value] : []}
            onChange={(codes) => field.onChange(codes[0] ?? '')}
          />
        )}
      />
      <div className="field">
        <label htmlFor="submission-cycle">{t('fields.cycle')}</label>
        <input id="submission-cycle" aria-describedby="submission-cycle-hint" {...register('fields.cycle')} />
        <span id="submission-cycle-hint" className="hint">
          {guidance.cycle}
          {t('hints.cycle')}
        </span>
      </div>
      <label className="check">
        <input type="checkbox" aria-describedby="submission-joint-hint" {...register('fields.joint')} /> {t('fields.joint')}
      </label>
      <p id="submission-joint-hint" className="hint">
        {t('hints.joint')}
      </p>
      {joint && <TextField form={form} name="coalitionMembers" rows={3} />}
      <fieldset className="recommendations" data-testid="recommendations">
        <legend>{t('fields.recommendations')}</legend>
        <p className="hint">
          {guidance.recommendations}
          {t('hints.recommendations')}
        </p>
        <ol>
          {recommendations.fields.map((item, index) => (
            <li key={item.key} className="card recommendation" aria-label={t('recommendations.item', { n: index + 1 })}>
              <div className="field">
                <label htmlFor={`recommendation-${index}-text`}>{t('recommendations.text', { n: index + 1 })}</label>
                <textarea id={`recommendation-${index}-text`} rows={2} {...register(`fields.recommendations.${index}.text`)} />
              </div>
              <div className="field">
                <label htmlFor={`recommendation-${index}-addressee`}>{t('recommendations.addressee', { n: index + 1 })}</label>
                <select id={`recommendation-${index}-addressee`} {...register(`fields.recommendations.${index}.addressee`)}>
                  {UPR_ADDRESSEES.map((value) => (
                    <option key={value} value={value}>
                      {t(`recommendations.addressees.${value}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" className="button danger" onClick={() => recommendations.remove(index)} aria-label={t('recommendations.remove', { n: index + 1 })}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={() => recommendations.append(newRecommendation(), { shouldFocus: true })}>
          {t('recommendations.add')}
        </button>
      </fieldset>
    </>
  );
}

function NcpSpecificInstance({ form, choices }: { form: Form; choices: Choices }) {
  const { t } = useTranslation('submissions');
  const { register, control } = form;
  const guidance = { where: useFieldGuidance('whereIssueArose'), ncp: useFieldGuidance('ncpId'), chapters: useFieldGuidance('chapters') };
  return (
    <>
      <CompaniesField form={form} name="enterpriseCompanyIds" field="enterprises.companyIds" companies={choices.companies} />
      <TextField form={form} name="entityNames" rows={3} />
      <div className="editor-grid">
        <Controller
          control={control}
          name="fields.whereIssueArose"
          render={({ field }) => (
            <CountryPicker id="submission-whereIssueArose" label={t('fields.whereIssueArose')} hint={guidance.where} single value={field.value ? [field.value] : []} onChange={(codes) => field.onChange(codes[0] ?? '')} />
          )}
        />
        <Controller
          control={control}
          name="fields.ncpId"
          render={({ field }) => (
            <CountryPicker
              id="submission-ncpId"
              label={t('fields.ncpId')}
              hint={
                <>
                  {guidance.ncp}
                  {t('hints.ncpId')}
                </>
              }
              single
              value={field.value ? [field.value] : []}
              onChange={(codes) => field.onChange(codes[0] ?? '')}
            />
          )}
        />
      </div>
      <fieldset>
        <legend>{t('fields.chapters')}</legend>
        <p className="hint">
          {guidance.chapters}
          {t('hints.chapters')}
        </p>
        {OECD_CHAPTERS.map((chapter) => (
          <label key={chapter} className="check">
            <input type="checkbox" value={chapter} {...register('fields.chapters')} /> {t(`chapters.${chapter}`)}
          </label>
        ))}
      </fieldset>
      <TextField form={form} name="submitterInterest" rows={3} />
      <TextField form={form} name="desiredOutcome" rows={3} />
      <TextField form={form} name="confidentialityRequests" rows={3} />
    </>
  );
}

function BhrrcResponse({ form }: { form: Form }) {
  const { t } = useTranslation('submissions');
  const { register, control } = form;
  const sources = useFieldArray({ control, name: 'fields.sources', keyName: 'key' });
  const guidance = useFieldGuidance('sources');
  return (
    <>
      <TextField form={form} name="allegationSummary" rows={5} />
      <fieldset>
        <legend>{t('fields.sources')}</legend>
        {guidance && <p className="hint">{guidance}</p>}
        <ol>
          {sources.fields.map((item, index) => (
            <li key={item.key} className="editor-grid" aria-label={t('sources.item', { n: index + 1 })}>
              <div className="field">
                <label htmlFor={`source-${index}-title`}>{t('sources.title', { n: index + 1 })}</label>
                <input id={`source-${index}-title`} {...register(`fields.sources.${index}.title`)} />
              </div>
              <div className="field">
                <label htmlFor={`source-${index}-url`}>{t('sources.url', { n: index + 1 })}</label>
                <input id={`source-${index}-url`} type="url" {...register(`fields.sources.${index}.url`)} />
              </div>
              <button type="button" className="button danger" onClick={() => sources.remove(index)} aria-label={t('sources.remove', { n: index + 1 })}>
                {t('remove')}
              </button>
            </li>
          ))}
        </ol>
        <button type="button" className="button" onClick={() => sources.append({ title: '', url: '', hash: '' })}>
          {t('sources.add')}
        </button>
      </fieldset>
      <TextField form={form} name="questions" rows={4} />
      <DateField form={form} name="replyDeadline" />
    </>
  );
}

function RightOfReply({ form }: { form: Form }) {
  return (
    <>
      <TextField form={form} name="findingsToPublish" rows={6} />
      <div className="editor-grid">
        <DateField form={form} name="sentOn" />
        <DateField form={form} name="replyDeadline" />
      </div>
      <TextField form={form} name="howResponseUsed" rows={3} />
    </>
  );
}

function OversightBoard({ form }: { form: Form }) {
  const { t } = useTranslation('submissions');
  const guidance = useFieldGuidance('caseReference');
  return (
    <>
      <div className="editor-grid">
        <div className="field">
          <label htmlFor="submission-boardKind">{t('fields.boardKind')}</label>
          <select id="submission-boardKind" {...form.register('fields.boardKind')}>
            <option value="appeal">{t('options.appeal')}</option>
            <option value="publicComment">{t('options.publicComment')}</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="submission-caseReference">{t('fields.caseReference')}</label>
          <input id="submission-caseReference" aria-describedby={guidance ? 'submission-caseReference-hint' : undefined} {...form.register('fields.caseReference')} />
          {guidance && (
            <span id="submission-caseReference-hint" className="hint">
              {guidance}
            </span>
          )}
        </div>
      </div>
      <TextField form={form} name="contentDescription" rows={4} />
      <TextField form={form} name="policyArguments" rows={5} />
    </>
  );
}

function TrustedPartner({ form }: { form: Form }) {
  const { t } = useTranslation('submissions');
  const guidance = useFieldGuidance('partner');
  return (
    <>
      <div className="editor-grid">
        <div className="field">
          <label htmlFor="submission-partner">{t('fields.partner')}</label>
          <input id="submission-partner" aria-describedby={guidance ? 'submission-partner-hint' : undefined} {...form.register('fields.partner')} />
          {guidance && (
            <span id="submission-partner-hint" className="hint">
              {guidance}
            </span>
          )}
        </div>
        <div className="field">
          <label htmlFor="submission-platformReference">{t('fields.platformReference')}</label>
          <input id="submission-platformReference" {...form.register('fields.platformReference')} />
        </div>
        <div className="field">
          <label htmlFor="submission-urgency">{t('fields.urgency')}</label>
          <select id="submission-urgency" {...form.register('fields.urgency')}>
            {PARTNER_URGENCIES.map((value) => (
              <option key={value} value={value}>
                {t(`options.${value}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <TextField form={form} name="ask" rows={4} />
    </>
  );
}

function DateField({ form, name }: { form: Form; name: 'replyDeadline' | 'sentOn' }) {
  const { t } = useTranslation('submissions');
  const guidance = useFieldGuidance(name);
  const hintId = `submission-${name}-hint`;
  return (
    <div className="field">
      <label htmlFor={`submission-${name}`}>{t(`fields.${name}`)}</label>
      <input id={`submission-${name}`} type="date" aria-describedby={guidance ? hintId : undefined} {...form.register(`fields.${name}`)} />
      {guidance && (
        <span id={hintId} className="hint">
          {guidance}
        </span>
      )}
    </div>
  );
}
