import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { useDepartments, useQueues } from '@/lib/directory';
import { formatDateTime, formatRelative } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { AFTER_IMPORTS, CLOSED_REPLIES, MAIL_AUTHS, MAIL_SECURITIES } from '@/types/api';
import type { AfterImport, ClosedReplies, MailAuth, Mailbox, MailboxPatch, MailboxTestResult, MailSecurity, ServerCheck } from '@/types/api';
import {
  useCreateMailbox,
  useDeleteMailbox,
  useMailboxes,
  usePollMailbox,
  useTestMailbox,
  useUpdateMailbox,
  type MailboxInput,
} from '../api/mail';

// Admin › Mailboxes: the IMAP mailboxes the desk fetches mail from, and the
// SMTP servers it sends the agents' replies through. Failing ones come
// first, marked in red with their last error, so a broken login is seen at
// a glance. The password is never shown: the server does not send it, and
// the form's password field starts empty ("keep"). The server keeps the
// stored password only while it goes to the same servers as the same user,
// so the form asks for it again when one of those settings changes.

const settingFields = [
  'queue_id', 'name', 'address', 'host', 'port', 'security', 'username', 'auth', 'secret',
  'folder', 'poll_seconds', 'after_import', 'move_to', 'smtp_host', 'smtp_port', 'smtp_security',
  'from_name', 'closed_replies', 'enabled', 'mailbox_id',
];

/** Changing any of these needs the password again (the server refuses otherwise). */
const secretBoundFields = ['host', 'port', 'security', 'username', 'auth', 'smtp_host', 'smtp_port', 'smtp_security'] as const;

const defaultPort = (security: MailSecurity) => (security === 'tls' ? 993 : 143);
const defaultSmtpPort = (security: MailSecurity) => ({ tls: 465, starttls: 587, plain: 25 })[security];

/** The port to show after the security changed: the new default, unless the admin typed another one. */
const followPort = (port: string, before: number, after: number) =>
  port === String(before) || port === '' ? String(after) : port;

/** What the form edits; numbers as typed, so an empty field stays empty. */
interface MailboxValues {
  queue_id: number | '';
  name: string;
  address: string;
  host: string;
  port: string;
  security: MailSecurity;
  username: string;
  auth: MailAuth;
  secret: string;
  folder: string;
  poll_seconds: string;
  after_import: AfterImport;
  move_to: string;
  smtp_host: string;
  smtp_port: string;
  smtp_security: MailSecurity;
  from_name: string;
  closed_replies: ClosedReplies;
  enabled: boolean;
}

const emptyValues: MailboxValues = {
  queue_id: '', name: '', address: '', host: '', port: '993', security: 'tls', username: '', auth: 'password',
  secret: '', folder: 'INBOX', poll_seconds: '60', after_import: 'mark_seen', move_to: '', smtp_host: '', smtp_port: '587',
  smtp_security: 'starttls', from_name: '', closed_replies: 'reopen', enabled: true,
};

function valuesOf(m: Mailbox): MailboxValues {
  return {
    queue_id: m.queue_id, name: m.name, address: m.address, host: m.host, port: String(m.port), security: m.security,
    username: m.username, auth: m.auth, secret: '', folder: m.folder, poll_seconds: String(m.poll_seconds),
    after_import: m.after_import, move_to: m.move_to, smtp_host: m.smtp_host, smtp_port: String(m.smtp_port),
    smtp_security: m.smtp_security, from_name: m.from_name, closed_replies: m.closed_replies, enabled: m.enabled,
  };
}

const numberOrNull = (s: string) => (s.trim() === '' ? null : Number(s));

/** The request body: every setting (a queue once chosen); the secret only when one was typed. */
function settingsOf(v: MailboxValues): MailboxInput {
  return {
    ...(v.queue_id === '' ? {} : { queue_id: v.queue_id }),
    name: v.name, address: v.address, host: v.host, port: numberOrNull(v.port), security: v.security,
    username: v.username, auth: v.auth, folder: v.folder, poll_seconds: numberOrNull(v.poll_seconds),
    after_import: v.after_import, move_to: v.move_to, smtp_host: v.smtp_host, smtp_port: numberOrNull(v.smtp_port),
    smtp_security: v.smtp_security, from_name: v.from_name, closed_replies: v.closed_replies, enabled: v.enabled,
    ...(v.secret ? { secret: v.secret } : {}),
  };
}

/** Only what changed against the saved mailbox (and a new secret), for PATCH. */
function changesOf(before: MailboxValues, v: MailboxValues): MailboxPatch {
  const all = settingsOf(v) as Record<string, unknown>;
  const was = settingsOf(before) as Record<string, unknown>;
  return Object.fromEntries(Object.entries(all).filter(([k, x]) => x !== null && x !== was[k])) as MailboxPatch;
}

function useQueueLabel() {
  const queues = useQueues();
  const departments = useDepartments();
  const options = (queues.data ?? []).map((q) => {
    const dept = departments.data?.find((d) => d.id === q.department_id)?.name;
    return { id: q.id, label: dept ? `${dept} › ${q.name}` : q.name };
  });
  return { options, label: (id: number) => options.find((o) => o.id === id)?.label ?? `#${id}` };
}

function MailboxForm(props: {
  mailbox?: Mailbox;
  error: unknown;
  pending: boolean;
  onSubmit: (values: MailboxValues, initial: MailboxValues) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const { options: queueOptions } = useQueueLabel();
  const [initial] = useState(() => (props.mailbox ? valuesOf(props.mailbox) : emptyValues));
  const [f, setF] = useState(initial);
  const test = useTestMailbox();
  const [lastTried, setLastTried] = useState<'save' | 'test'>('save');
  const set = (patch: Partial<MailboxValues>) => {
    setF((x) => ({ ...x, ...patch }));
    if (test.data) test.reset();
  };
  const p = props.mailbox ? `mailbox-${props.mailbox.id}` : 'new-mailbox';
  const err = lastTried === 'test' ? test.error : props.error;
  const isNew = !props.mailbox;
  const secretLabel = f.auth === 'xoauth2' ? t('mailbox.token') : t('mailbox.password');
  // Editing: a changed server or user name sends the password elsewhere, so the server wants it again.
  const secretAgain = !isNew && !f.secret && secretBoundFields.some((k) => f[k] !== initial[k]);
  const secretHelp = [
    isNew ? t('mailbox.secretHelp') : secretAgain ? t('mailbox.secretAgain') : props.mailbox?.has_secret ? t('mailbox.secretKept') : t('mailbox.secretMissing'),
    t('mailbox.secretSmtp'),
  ].join(' ');
  /** Input props with the field's help text among what describes it. */
  const described = (name: keyof MailboxValues) => {
    const own = fieldProps(`${p}-${name}`, err, name);
    return { ...own, 'aria-describedby': [`${p}-${name}-help`, own['aria-describedby']].filter(Boolean).join(' ') };
  };
  const field = (name: keyof MailboxValues, label: string, input: React.ReactNode, help?: string) => (
    <div className="field">
      <label htmlFor={`${p}-${name}`}>{label}</label>
      {input}
      {help && (
        <p className="help" id={`${p}-${name}-help`}>
          {help}
        </p>
      )}
      <FieldError id={`${p}-${name}`} error={err} field={name} />
    </div>
  );
  type TextField = 'name' | 'address' | 'host' | 'username' | 'folder' | 'move_to' | 'smtp_host' | 'from_name';
  const text = (name: TextField, extra: React.InputHTMLAttributes<HTMLInputElement> = {}, help = false) => (
    <input {...(help ? described(name) : fieldProps(`${p}-${name}`, err, name))} {...extra} value={f[name]} onChange={(e) => set({ [name]: e.target.value })} />
  );
  return (
    <form
      className="grid-form mailbox-form"
      aria-label={isNew ? t('mailbox.add') : t('mailbox.editTitle', { name: props.mailbox?.name })}
      onSubmit={(e) => {
        e.preventDefault();
        setLastTried('save');
        props.onSubmit(f, initial);
      }}
    >
      {field('name', t('mailbox.name'), text('name', { placeholder: t('mailbox.namePlaceholder') }))}
      {field('address', t('mailbox.address'), text('address', { type: 'email', placeholder: 'support@example.org' }))}
      {field(
        'queue_id',
        t('mailbox.queue'),
        <select {...fieldProps(`${p}-queue_id`, err, 'queue_id')} value={f.queue_id} onChange={(e) => set({ queue_id: e.target.value ? Number(e.target.value) : '' })}>
          <option value="">{t('mailbox.chooseQueue')}</option>
          {queueOptions.map((q) => (
            <option key={q.id} value={q.id}>
              {q.label}
            </option>
          ))}
        </select>,
      )}
      {field('host', t('mailbox.host'), text('host', { placeholder: 'imap.example.org', autoComplete: 'off', spellCheck: false }))}
      {field(
        'security',
        t('mailbox.security'),
        <select
          {...fieldProps(`${p}-security`, err, 'security')}
          value={f.security}
          onChange={(e) => {
            const security = e.target.value as MailSecurity;
            // Follow the usual port unless the admin typed another one.
            set({ security, port: followPort(f.port, defaultPort(f.security), defaultPort(security)) });
          }}
        >
          {MAIL_SECURITIES.map((s) => (
            <option key={s} value={s}>
              {t(`mailbox.securities.${s}`)}
            </option>
          ))}
        </select>,
      )}
      {field('port', t('mailbox.port'), <input {...fieldProps(`${p}-port`, err, 'port')} type="number" min={1} max={65535} value={f.port} onChange={(e) => set({ port: e.target.value })} />)}
      {field('username', t('mailbox.username'), text('username', { autoComplete: 'off', spellCheck: false }))}
      {field(
        'auth',
        t('mailbox.auth'),
        <select {...fieldProps(`${p}-auth`, err, 'auth')} value={f.auth} onChange={(e) => set({ auth: e.target.value as MailAuth })}>
          {MAIL_AUTHS.map((a) => (
            <option key={a} value={a}>
              {t(`mailbox.auths.${a}`)}
            </option>
          ))}
        </select>,
      )}
      {field(
        'secret',
        isNew ? secretLabel : t('mailbox.newSecret', { what: secretLabel }),
        <input {...described('secret')} type="password" autoComplete="new-password" value={f.secret} onChange={(e) => set({ secret: e.target.value })} />,
        secretHelp,
      )}
      {field('folder', t('mailbox.folder'), text('folder', { spellCheck: false }))}
      {field(
        'poll_seconds',
        t('mailbox.pollSeconds'),
        <input {...fieldProps(`${p}-poll_seconds`, err, 'poll_seconds')} type="number" min={10} max={86400} value={f.poll_seconds} onChange={(e) => set({ poll_seconds: e.target.value })} />,
      )}
      {field(
        'after_import',
        t('mailbox.afterImport'),
        <select {...fieldProps(`${p}-after_import`, err, 'after_import')} value={f.after_import} onChange={(e) => set({ after_import: e.target.value as AfterImport })}>
          {AFTER_IMPORTS.map((a) => (
            <option key={a} value={a}>
              {t(`mailbox.afterImports.${a}`)}
            </option>
          ))}
        </select>,
      )}
      {f.after_import === 'move' && field('move_to', t('mailbox.moveTo'), text('move_to', { spellCheck: false }))}
      {field(
        'closed_replies',
        t('mailbox.closedReplies'),
        <select {...fieldProps(`${p}-closed_replies`, err, 'closed_replies')} value={f.closed_replies} onChange={(e) => set({ closed_replies: e.target.value as ClosedReplies })}>
          {CLOSED_REPLIES.map((c) => (
            <option key={c} value={c}>
              {t(`mailbox.closedRepliesOptions.${c}`)}
            </option>
          ))}
        </select>,
      )}
      <fieldset className="grid-form__group" aria-describedby={`${p}-outgoing-help`}>
        <legend>{t('mailbox.outgoing')}</legend>
        <p className="help grid-form__wide" id={`${p}-outgoing-help`}>
          {t('mailbox.outgoingHelp')}
        </p>
        {field(
          'smtp_host',
          t('mailbox.smtpHost'),
          text('smtp_host', { placeholder: 'smtp.example.org', autoComplete: 'off', spellCheck: false }, true),
          t('mailbox.smtpHostHelp'),
        )}
        {field(
          'smtp_security',
          t('mailbox.smtpSecurity'),
          <select
            {...fieldProps(`${p}-smtp_security`, err, 'smtp_security')}
            value={f.smtp_security}
            onChange={(e) => {
              const smtp_security = e.target.value as MailSecurity;
              set({ smtp_security, smtp_port: followPort(f.smtp_port, defaultSmtpPort(f.smtp_security), defaultSmtpPort(smtp_security)) });
            }}
          >
            {MAIL_SECURITIES.map((s) => (
              <option key={s} value={s}>
                {t(`mailbox.smtpSecurities.${s}`)}
              </option>
            ))}
          </select>,
        )}
        {field(
          'smtp_port',
          t('mailbox.smtpPort'),
          <input {...fieldProps(`${p}-smtp_port`, err, 'smtp_port')} type="number" min={1} max={65535} value={f.smtp_port} onChange={(e) => set({ smtp_port: e.target.value })} />,
        )}
        {field(
          'from_name',
          t('mailbox.fromName'),
          text('from_name', { placeholder: f.name || t('mailbox.namePlaceholder'), maxLength: 200 }, true),
          t('mailbox.fromNameHelp', { name: f.from_name || f.name || t('mailbox.namePlaceholder') }),
        )}
      </fieldset>
      <label className="toggle mailbox-form__enabled">
        <input type="checkbox" checked={f.enabled} onChange={(e) => set({ enabled: e.target.checked })} />
        <span>{t('mailbox.enabled')}</span>
      </label>
      <FormError error={err} fields={settingFields} />
      {test.data && <TestResult result={test.data} />}
      <div className="form-actions">
        {props.onCancel && (
          <button type="button" className="btn btn--ghost" onClick={props.onCancel}>
            {t('admin.cancel')}
          </button>
        )}
        <button
          type="button"
          className="btn"
          disabled={test.isPending}
          onClick={() => {
            setLastTried('test');
            test.mutate({ ...settingsOf(f), ...(props.mailbox ? { mailbox_id: props.mailbox.id } : {}) });
          }}
        >
          {test.isPending ? t('mailbox.testing') : t('mailbox.test')}
        </button>
        <button type="submit" className="btn btn--primary" disabled={props.pending}>
          {isNew ? t('mailbox.create') : t('admin.save')}
        </button>
      </div>
    </form>
  );
}

/** A connection test's outcome: overall, then IMAP's and SMTP's apart (SMTP: none when no server is set). */
function TestResult({ result }: { result: MailboxTestResult }) {
  const { t } = useTranslation();
  const check = (name: 'imap' | 'smtp', c: ServerCheck) => (
    <li className={`test-result__check--${c.ok ? 'ok' : 'failed'}`} data-testid={`mailbox-test-${name}`} data-ok={c.ok}>
      <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span>{' '}
      <strong>{name === 'imap' ? (c.ok ? t('mailbox.testImapOk') : t('mailbox.testImapFailed')) : c.ok ? t('mailbox.testSmtpOk') : t('mailbox.testSmtpFailed')}</strong>{' '}
      {c.message}
    </li>
  );
  return (
    <div className={`test-result ${result.ok ? 'test-result--ok' : 'test-result--failed'}`} role="status" data-testid="mailbox-test-result">
      <p>
        <strong>{result.ok ? t('mailbox.testOk') : t('mailbox.testFailed')}</strong>
      </p>
      <ul className="test-result__checks">
        {check('imap', result.imap)}
        {result.smtp ? (
          check('smtp', result.smtp)
        ) : (
          <li className="test-result__check--none" data-testid="mailbox-test-smtp">
            {t('mailbox.testSmtpNone')}
          </li>
        )}
      </ul>
    </div>
  );
}

/** ok / failing (with the error and when) / never polled. */
export function MailboxHealthCell({ mailbox }: { mailbox: Mailbox }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const s = mailbox.state;
  return (
    <div className="stack">
      <span className={`badge badge--health-${s.health}`} data-health={s.health}>
        {t(`mailbox.health.${s.health}`)}
      </span>
      {!mailbox.enabled && <span className="badge">{t('mailbox.disabled')}</span>}
      {s.health === 'failing' && (
        <>
          {s.last_error && <p className="mailbox-error">{s.last_error}</p>}
          <p className="small muted">
            {s.last_error_at && <time dateTime={s.last_error_at} title={formatDateTime(s.last_error_at, lang)}>{formatRelative(s.last_error_at, lang)}</time>}
            {' · '}
            {t('mailbox.failuresInARow', { count: s.failures })}
          </p>
        </>
      )}
    </div>
  );
}

function MailboxRow({ mailbox, queueLabel }: { mailbox: Mailbox; queueLabel: string }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const [editing, setEditing] = useState(false);
  const update = useUpdateMailbox(mailbox.id);
  const poll = usePollMailbox();
  const remove = useDeleteMailbox();
  const c = mailbox.counts;
  const last = mailbox.state.last_success_at;
  if (editing) {
    return (
      <tr>
        <td colSpan={10}>
          <MailboxForm
            mailbox={mailbox}
            error={update.error}
            pending={update.isPending}
            onCancel={() => setEditing(false)}
            onSubmit={(values, initial) => update.mutate(changesOf(initial, values), { onSuccess: () => setEditing(false) })}
          />
        </td>
      </tr>
    );
  }
  const failing = mailbox.state.health === 'failing';
  return (
    <tr className={[failing ? 'is-failing' : '', mailbox.enabled ? '' : 'is-muted'].filter(Boolean).join(' ') || undefined} data-testid="mailbox-row" data-health={mailbox.state.health}>
      <th scope="row" className="mailbox-name">
        <span>{mailbox.name}</span>
        <span className="small muted">{mailbox.address}</span>
        <span className="small muted" data-testid="mailbox-sends">
          {mailbox.smtp_host ? t('mailbox.sendsVia', { host: mailbox.smtp_host }) : t('mailbox.sendsNothing')}
        </span>
      </th>
      <td>{queueLabel}</td>
      <td>
        <MailboxHealthCell mailbox={mailbox} />
      </td>
      <td>{last ? <time dateTime={last} title={formatDateTime(last, lang)}>{formatRelative(last, lang)}</time> : t('admin.never')}</td>
      <td className="num">{c.received}</td>
      <td className="num">{c.imported}</td>
      <td className="num">{c.duplicates}</td>
      <td className="num">{c.ignored}</td>
      <td className={c.quarantined > 0 ? 'num is-warning' : 'num'}>{c.quarantined}</td>
      <td>
        <div className="row-actions">
          <button type="button" className="btn btn--small" aria-label={`${t('admin.edit')} ${mailbox.name}`} onClick={() => setEditing(true)}>
            {t('admin.edit')}
          </button>
          <button
            type="button"
            className="btn btn--small"
            aria-label={`${t('mailbox.fetchNow')} ${mailbox.name}`}
            disabled={poll.isPending || !mailbox.enabled}
            onClick={() => poll.mutate(mailbox.id)}
          >
            {t('mailbox.fetchNow')}
          </button>
          <button
            type="button"
            className="btn btn--small btn--danger"
            aria-label={`${t('mailbox.delete')} ${mailbox.name}`}
            disabled={remove.isPending}
            onClick={() => window.confirm(t('mailbox.deleteConfirm', { name: mailbox.name })) && remove.mutate(mailbox.id)}
          >
            {t('mailbox.delete')}
          </button>
        </div>
        {poll.data && (
          <p className="small muted" role="status">
            {poll.data.scheduled ? t('mailbox.fetchScheduled') : t('mailbox.fetchRunning')}
          </p>
        )}
        <FormError error={poll.error ?? remove.error} />
      </td>
    </tr>
  );
}

export function MailboxesAdmin() {
  const { t } = useTranslation();
  const mailboxes = useMailboxes();
  const { label: queueLabel } = useQueueLabel();
  const create = useCreateMailbox();
  const [formKey, setFormKey] = useState(0);
  if (mailboxes.isPending) return <Spinner />;
  if (mailboxes.isError) return <ErrorPanel error={mailboxes.error} onRetry={() => void mailboxes.refetch()} />;
  // Failing mailboxes first; otherwise the server's order (by id).
  const rows = [...mailboxes.data].sort((a, b) => Number(b.state.health === 'failing') - Number(a.state.health === 'failing'));
  const failing = rows.filter((m) => m.state.health === 'failing');
  return (
    <>
      {failing.length > 0 && (
        <div className="banner banner--danger" role="alert" data-testid="failing-mailboxes">
          <strong>{t('mailbox.failingSummary', { count: failing.length })}</strong> {failing.map((m) => m.name).join(', ')}
        </div>
      )}
      {rows.length === 0 ? (
        <Empty>{t('mailbox.none')}</Empty>
      ) : (
        <div className="table-scroll">
          <table className="table table--dense" aria-label={t('admin.mailboxes')}>
            <thead>
              <tr>
                <th scope="col">{t('mailbox.mailbox')}</th>
                <th scope="col">{t('mailbox.queue')}</th>
                <th scope="col">{t('mailbox.status')}</th>
                <th scope="col">{t('mailbox.lastSuccess')}</th>
                <th scope="col" className="num">{t('mailbox.counts.received')}</th>
                <th scope="col" className="num">{t('mailbox.counts.imported')}</th>
                <th scope="col" className="num">{t('mailbox.counts.duplicates')}</th>
                <th scope="col" className="num">{t('mailbox.counts.ignored')}</th>
                <th scope="col" className="num">{t('mailbox.counts.quarantined')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('mailbox.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((m) => (
                <MailboxRow key={m.id} mailbox={m} queueLabel={queueLabel(m.queue_id)} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section className="card" aria-labelledby="add-mailbox-title">
        <h3 id="add-mailbox-title" className="panel-title">
          {t('mailbox.add')}
        </h3>
        <MailboxForm
          key={formKey}
          error={create.error}
          pending={create.isPending}
          onSubmit={(values) => create.mutate(settingsOf(values), { onSuccess: () => setFormKey((k) => k + 1) })}
        />
      </section>
    </>
  );
}
