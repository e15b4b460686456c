import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { Spinner } from '@/components/feedback';
import { useDepartments, useLocations, useNameLookup } from '@/lib/directory';
import type { Language, WalkIn } from '@/types/api';
import { useLogWalkIn } from '../api/walk_in';

const LAST_LOCATION = 'luister.walkIn.location';

/**
 * The counter's screen: a customer walked in. The agent picks the location
 * (remembered on this device), says who it is and what they came for.
 * `customerId` comes from a customer's page ("log a walk-in").
 */
export function WalkInPage({ customerId }: { customerId?: number }) {
  const { t } = useTranslation();
  const locations = useLocations();
  const departments = useDepartments();
  const departmentName = useNameLookup(departments.data);
  const log = useLogWalkIn();
  const [location, setLocation] = useState(() => localStorage.getItem(LAST_LOCATION) ?? '');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [language, setLanguage] = useState<Language>('nl');
  const [subject, setSubject] = useState('');
  const [question, setQuestion] = useState('');
  const [resolved, setResolved] = useState(false);
  const [done, setDone] = useState<WalkIn | null>(null);

  if (locations.isPending) return <Spinner />;
  const open = locations.data?.filter((l) => l.active) ?? [];
  const chosen = open.some((l) => String(l.id) === location) ? location : '';
  const errorFields = ['location_id', 'name', 'email', 'phone', 'question', 'customer_id'];
  return (
    <div className="page page--narrow">
      <header className="page-header">
        <h1>{t('walkIn.title')}</h1>
        <p className="help">{t('walkIn.intro')}</p>
      </header>
      {done && (
        <p className="notice" role="status" data-testid="walk-in-logged">
          {t(done.new_customer ? 'walkIn.loggedNew' : 'walkIn.logged', { id: done.conversation.id })}{' '}
          <Link to={`/conversations/${done.conversation.id}`}>{t('walkIn.open')}</Link>
        </p>
      )}
      {open.length === 0 ? (
        <p className="empty">{t('walkIn.noLocations')}</p>
      ) : (
        <form
          className="stack card"
          data-testid="walk-in-form"
          onSubmit={(e) => {
            e.preventDefault();
            setDone(null);
            localStorage.setItem(LAST_LOCATION, chosen);
            log.mutate(
              {
                location_id: Number(chosen),
                question,
                resolved,
                language,
                ...(customerId != null ? { customer_id: customerId } : {}),
                ...(customerId == null && name.trim() ? { name } : {}),
                ...(customerId == null && email.trim() ? { email } : {}),
                ...(customerId == null && phone.trim() ? { phone } : {}),
                ...(subject.trim() ? { subject } : {}),
              },
              {
                onSuccess: (w) => {
                  setDone(w);
                  setName('');
                  setEmail('');
                  setPhone('');
                  setSubject('');
                  setQuestion('');
                  setResolved(false);
                },
              },
            );
          }}
        >
          <div className="field">
            <label htmlFor="walk-in-location">{t('walkIn.location')}</label>
            <select {...fieldProps('walk-in-location', log.error, 'location_id')} required value={chosen} onChange={(e) => setLocation(e.target.value)}>
              <option value="">{t('walkIn.chooseLocation')}</option>
              {open.map((l) => (
                <option key={l.id} value={String(l.id)}>
                  {l.name} ({departmentName(l.department_id) ?? l.department_id})
                </option>
              ))}
            </select>
            <FieldError id="walk-in-location" error={log.error} field="location_id" />
          </div>
          {customerId != null ? (
            <p className="label">
              <Link to={`/customers/${customerId}`}>{t('walkIn.knownCustomer', { id: customerId })}</Link>
            </p>
          ) : (
            <fieldset className="fieldset">
              <legend>{t('walkIn.customer')}</legend>
              <div className="field">
                <label htmlFor="walk-in-name">{t('walkIn.name')}</label>
                <input {...fieldProps('walk-in-name', log.error, 'name')} autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} />
                <FieldError id="walk-in-name" error={log.error} field="name" />
              </div>
              <div className="field">
                <label htmlFor="walk-in-email">{t('walkIn.email')}</label>
                <input {...fieldProps('walk-in-email', log.error, 'email')} type="email" autoComplete="off" value={email} onChange={(e) => setEmail(e.target.value)} />
                <FieldError id="walk-in-email" error={log.error} field="email" />
              </div>
              <div className="field">
                <label htmlFor="walk-in-phone">{t('walkIn.phone')}</label>
                <input {...fieldProps('walk-in-phone', log.error, 'phone')} type="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} />
                <FieldError id="walk-in-phone" error={log.error} field="phone" />
              </div>
              <div className="field">
                <label htmlFor="walk-in-language">{t('walkIn.language')}</label>
                <select id="walk-in-language" value={language} onChange={(e) => setLanguage(e.target.value as Language)}>
                  <option value="nl">Nederlands</option>
                  <option value="en">English</option>
                </select>
              </div>
            </fieldset>
          )}
          <div className="field">
            <label htmlFor="walk-in-subject">{t('walkIn.subject')}</label>
            <input id="walk-in-subject" value={subject} onChange={(e) => setSubject(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="walk-in-question">{t('walkIn.question')}</label>
            <textarea {...fieldProps('walk-in-question', log.error, 'question')} required rows={4} value={question} onChange={(e) => setQuestion(e.target.value)} />
            <FieldError id="walk-in-question" error={log.error} field="question" />
          </div>
          <label className="toggle">
            <input type="checkbox" checked={resolved} onChange={(e) => setResolved(e.target.checked)} />
            <span>{t('walkIn.resolved')}</span>
          </label>
          <div className="form-actions">
            <button type="submit" className="btn btn--primary" disabled={log.isPending}>
              {t('walkIn.submit')}
            </button>
          </div>
          <FormError error={log.error} fields={errorFields} />
        </form>
      )}
    </div>
  );
}
