import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { useNameLookup, useUsers } from '@/lib/directory';
import { formatDateTime, formatNumber, formatPercent } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { TopicOverview, TopicsOverview, User } from '@/types/api';
import { isStale, useCreateTopic, useStartTopicJob, useTopicsOverview, useUpdateTopic } from '../api/topics';
import { CandidateCard } from './candidate_card';

// The training and discovery tab (`manage_topics`): train the classifier
// or look for new topics now, define a topic by hand, rename a topic or
// give it an owner (who is mailed when it rises), and the candidates
// discovery proposes, each to accept, merge, split or dismiss. Every change
// names the version it saw; a refusal because the topic changed meanwhile
// (409) refetches and says so beside the action.

/** How long the page waits for a job's outcome to show in the overview before it says to look later. */
const JOB_PATIENCE_MS = 120_000;

interface Waiting {
  kind: 'train' | 'discover';
  jobId: number;
  since: number;
  /** What the job changes, as it was when it started: the newest model, or the candidates. */
  before: string;
}

/** What a training changes (the newest model) or a discovery (the candidates), to see it happen. */
function mark(kind: Waiting['kind'], o: TopicsOverview | undefined): string {
  if (!o) return '';
  return kind === 'train' ? String(o.model?.id ?? '') : o.candidates.map((c) => `${c.id}.${c.version}`).join(',');
}

export function TopicManageView() {
  const { t } = useTranslation();
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const overview = useTopicsOverview({}, { poll: waiting != null });
  const [notice, setNotice] = useState<string | null>(null);
  const o = overview.data;
  // Each read, also one that found nothing new (the data then keeps its identity).
  const readAt = overview.dataUpdatedAt;

  // A job's outcome shows in the overview (training a new model; discovery new candidates), or after a while it is left.
  useEffect(() => {
    if (!waiting || !o) return;
    const now = mark(waiting.kind, o);
    if (now !== waiting.before) {
      setNotice(waiting.kind === 'train' ? t('topics.jobs.trained') : t('topics.jobs.discovered', { count: o.candidates.length }));
      setWaiting(null);
    } else if (Date.now() - waiting.since > JOB_PATIENCE_MS) {
      setNotice(t(`topics.jobs.slow.${waiting.kind}`));
      setWaiting(null);
    }
  }, [waiting, o, readAt, t]);

  return (
    <section aria-labelledby="topics-manage-title" aria-busy={overview.isFetching} data-testid="topics-manage">
      <h2 id="topics-manage-title" className="visually-hidden">
        {t('topics.view.manage')}
      </h2>
      {overview.isPending ? (
        <Spinner />
      ) : overview.isError ? (
        <ErrorPanel error={overview.error} onRetry={() => void overview.refetch()} />
      ) : (
        <>
          <ModelJobs
            overview={overview.data}
            waiting={waiting}
            notice={notice}
            onStarted={(kind, jobId) => {
              setNotice(null);
              setWaiting({ kind, jobId, since: Date.now(), before: mark(kind, overview.data) });
            }}
          />
          <Candidates overview={overview.data} />
          <div className="topic-manage-grid">
            <DefineTopic />
            <ActiveTopics topics={overview.data.topics} />
          </div>
        </>
      )}
    </section>
  );
}

function ModelJobs({ overview: o, waiting, notice, onStarted }: {
  overview: TopicsOverview;
  waiting: Waiting | null;
  notice: string | null;
  onStarted: (kind: Waiting['kind'], jobId: number) => void;
}) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const start = useStartTopicJob();
  const m = o.model;
  return (
    <section className="card topic-jobs" aria-labelledby="topic-jobs-title" data-testid="topic-jobs">
      <h3 id="topic-jobs-title" className="panel-subtitle">
        {t('topics.jobs.title')}
      </h3>
      <p className="help" data-testid="topic-model-summary">
        {m
          ? t('topics.jobs.model', {
              examples: formatNumber(m.examples, lang),
              topics: m.topics,
              accuracy: formatPercent(m.accuracy, lang),
              time: formatDateTime(m.created_at, lang),
            })
          : t('topics.model.none')}{' '}
        {t('topics.jobs.help')}
      </p>
      <div className="row-actions">
        {(['train', 'discover'] as const).map((kind) => (
          <button
            key={kind}
            type="button"
            className="btn btn--small"
            disabled={start.isPending || waiting != null}
            onClick={() => start.mutate({ kind }, { onSuccess: (job) => onStarted(kind, job.job_id) })}
          >
            {t(`topics.jobs.${kind}`)}
          </button>
        ))}
      </div>
      {waiting && (
        <p role="status" data-testid="topic-job-status">
          {t(`topics.jobs.started.${waiting.kind}`, { job: waiting.jobId })}
        </p>
      )}
      {!waiting && notice && (
        <p role="status" data-testid="topic-job-status">
          {notice}
        </p>
      )}
      <FormError error={start.error} />
    </section>
  );
}

function Candidates({ overview: o }: { overview: TopicsOverview }) {
  const { t } = useTranslation();
  const [done, setDone] = useState<string | null>(null);
  return (
    <section aria-labelledby="topic-candidates-title" data-testid="topic-candidates">
      <h3 id="topic-candidates-title" className="panel-subtitle">
        {t('topics.candidates.title', { count: o.candidates.length })}
      </h3>
      <p className="help">{t('topics.candidates.help')}</p>
      {done && (
        <p role="status" className="notice" data-testid="candidate-done">
          {done}
        </p>
      )}
      {o.candidates.length === 0 ? (
        <Empty>{t('topics.candidates.empty')}</Empty>
      ) : (
        <ul className="topic-candidates">
          {o.candidates.map((c) => (
            <CandidateCard key={c.id} candidate={c} topics={o.topics} candidates={o.candidates} onDone={setDone} />
          ))}
        </ul>
      )}
    </section>
  );
}

/** The active users to choose an owner from; the current owner stays a choice even when no longer active. */
function ownerChoices(users: User[] | undefined, current: number | null): User[] {
  return (users ?? []).filter((u) => u.active || u.id === current);
}

function DefineTopic() {
  const { t } = useTranslation();
  const users = useUsers();
  const create = useCreateTopic();
  const [name, setName] = useState('');
  const [owner, setOwner] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setMade(null);
    create.mutate(
      { name: name.trim(), ...(owner ? { owner_user_id: Number(owner) } : {}) },
      {
        onSuccess: (topic) => {
          setMade(t('topics.define.made', { name: topic.name }));
          setName('');
          setOwner('');
        },
      },
    );
  };
  return (
    <form className="card topic-define" aria-labelledby="topic-define-title" onSubmit={submit} data-testid="topic-define">
      <h3 id="topic-define-title" className="panel-subtitle">
        {t('topics.define.title')}
      </h3>
      <p className="help">{t('topics.define.help')}</p>
      <div className="field">
        <label htmlFor="topic-new-name">{t('topics.define.name')}</label>
        <input {...fieldProps('topic-new-name', create.error, 'name')} maxLength={120} required value={name} onChange={(e) => setName(e.target.value)} />
        <FieldError id="topic-new-name" error={create.error} field="name" />
      </div>
      <div className="field">
        <label htmlFor="topic-new-owner">{t('topics.define.owner')}</label>
        <select {...fieldProps('topic-new-owner', create.error, 'owner_user_id')} value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">{t('topics.define.noOwner')}</option>
          {ownerChoices(users.data, null).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <FieldError id="topic-new-owner" error={create.error} field="owner_user_id" />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={create.isPending || !name.trim()}>
          {t('topics.define.submit')}
        </button>
      </div>
      {made && <p role="status">{made}</p>}
      <FormError error={create.error} fields={['name', 'owner_user_id']} />
    </form>
  );
}

function ActiveTopics({ topics }: { topics: TopicOverview[] }) {
  const { t } = useTranslation();
  const users = useUsers();
  const ownerName = useNameLookup(users.data);
  const [editing, setEditing] = useState<number | null>(null);
  return (
    <section className="card topic-active" aria-labelledby="topic-active-title" data-testid="topic-active">
      <h3 id="topic-active-title" className="panel-subtitle">
        {t('topics.active.title', { count: topics.length })}
      </h3>
      {topics.length === 0 ? (
        <p className="muted small">{t('topics.empty')}</p>
      ) : (
        <ul className="plain-list topic-active__list">
          {topics.map((tp) =>
            editing === tp.id ? (
              <li key={tp.id}>
                <EditTopic topic={tp} users={users.data} onDone={() => setEditing(null)} />
              </li>
            ) : (
              <li key={tp.id} className="topic-active__item" data-testid="active-topic">
                <strong>{tp.name}</strong>{' '}
                <span className="muted small">{tp.owner_user_id != null ? t('topics.active.owner', { name: ownerName(tp.owner_user_id) ?? `#${tp.owner_user_id}` }) : t('topics.active.noOwner')}</span>{' '}
                <button type="button" className="btn btn--link" aria-label={t('topics.active.editName', { name: tp.name })} onClick={() => setEditing(tp.id)}>
                  {t('topics.active.edit')}
                </button>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

/** Renames a topic or gives it another owner: only what changed is sent, with the version read. */
function EditTopic({ topic, users, onDone }: { topic: TopicOverview; users: User[] | undefined; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateTopic();
  const [name, setName] = useState(topic.name);
  const [owner, setOwner] = useState(topic.owner_user_id == null ? '' : String(topic.owner_user_id));
  const id = `topic-edit-${topic.id}`;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const ownerId = owner ? Number(owner) : null;
    const patch = {
      ...(name.trim() !== topic.name ? { name: name.trim() } : {}),
      ...(ownerId !== topic.owner_user_id ? { owner_user_id: ownerId } : {}),
    };
    if (Object.keys(patch).length === 0) return onDone();
    update.mutate({ id: topic.id, version: topic.version, ...patch }, { onSuccess: onDone });
  };
  return (
    <form className="topic-edit" onSubmit={submit} data-testid="topic-edit">
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('topics.define.name')}</label>
        <input {...fieldProps(`${id}-name`, update.error, 'name')} maxLength={120} required value={name} onChange={(e) => setName(e.target.value)} />
        <FieldError id={`${id}-name`} error={update.error} field="name" />
      </div>
      <div className="field">
        <label htmlFor={`${id}-owner`}>{t('topics.define.owner')}</label>
        <select {...fieldProps(`${id}-owner`, update.error, 'owner_user_id')} value={owner} onChange={(e) => setOwner(e.target.value)}>
          <option value="">{t('topics.define.noOwner')}</option>
          {ownerChoices(users, topic.owner_user_id).map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-owner`} error={update.error} field="owner_user_id" />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn btn--primary btn--small" disabled={update.isPending || !name.trim()}>
          {t('topics.active.save')}
        </button>
        <button type="button" className="btn btn--small btn--ghost" onClick={onDone}>
          {t('topics.active.cancel')}
        </button>
      </div>
      {isStale(update.error) && (
        <p className="notice notice--warn" data-testid="topic-stale">
          {t('topics.stale')}
        </p>
      )}
      <FormError error={update.error} fields={['name', 'owner_user_id']} />
    </form>
  );
}
