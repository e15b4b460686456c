import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { CustomerName } from '@/components/customer_name';
import { Empty, ErrorPanel, Spinner } from '@/components/feedback';
import { FieldError, FormError, fieldProps } from '@/components/field_error';
import { formatDateTime } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import { can, useCurrentSession } from '@/lib/session';
import type { AnswerDetail, AnswerGapGroup, AnswerRecord, AnswerText, Language } from '@/types/api';
import { useAddQuestion, useAnswer, useAnswers, useAnswerStep, useAnswerTold, useCreateAnswer, useSaveDraft, useSendCorrections, type AnswerListState, type AnswerStep } from '../api/answers';
import { AssistantMeasures } from './assistant_measures';
import { ConsistencyReport } from './consistency_report';
import { KnowledgeGaps } from './knowledge_gaps';

// The canonical answer library: one answer per topic, in Dutch and English,
// every version kept; drafts are written here, sent for review and published
// by a manager. The chosen answer lives in the address (`?id=`). Three more
// tabs (`?view=assistant`, `?view=gaps`, `?view=consistency`): what the
// self-service assistant did with the library, the customer questions it
// has no answer for, each of which opens the new-answer form here, and what
// agents' replies said against the published answers (for those who may
// read customers' conversations: it quotes them).

const STATES: AnswerListState[] = ['all', 'published', 'draft', 'in_review', 'stale', 'retired'];
const VIEWS = ['library', 'assistant', 'gaps', 'consistency'] as const;
type View = (typeof VIEWS)[number];

/** What the new-answer form starts with: empty, or a knowledge gap's topic and question. */
interface NewAnswerStart {
  topic?: string;
  lang?: Language;
  title?: string;
  /** The customers' questions it is for, shown beside the form. */
  asked?: string[];
}

/**
 * A knowledge gap as a new answer: its label as the topic, and as the title
 * (as customers ask) its newest question in the language most of its
 * questions are in.
 */
export function newAnswerFromGap(gap: AnswerGapGroup, fallback: Language): NewAnswerStart {
  const inNl = gap.examples.filter((e) => e.lang === 'nl').length;
  const inEn = gap.examples.length - inNl;
  const lang: Language = inNl > inEn ? 'nl' : inEn > inNl ? 'en' : fallback;
  const question = gap.examples.find((e) => e.lang === lang)?.text ?? gap.label;
  return { topic: gap.label.slice(0, 200), lang, title: question.slice(0, 300), asked: gap.examples.map((e) => e.text) };
}

export function AnswersPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const canWrite = can(session, 'write_conversations');
  const views = VIEWS.filter((v) => v !== 'consistency' || can(session, 'read_customers'));
  const [params, setParams] = useSearchParams();
  const view: View = views.find((v) => v === params.get('view')) ?? 'library';
  // The new-answer form, open (with what it starts with) or not; `n` opens it afresh.
  const [creating, setCreating] = useState<(NewAnswerStart & { n: number }) | null>(null);
  // Each tab keeps the others' choices in the address, so coming back finds them as they were.
  const tabPath = (v: View) => {
    const next = new URLSearchParams(params);
    if (v === 'library') next.delete('view');
    else next.set('view', v);
    const qs = next.toString();
    return qs ? `/answers?${qs}` : '/answers';
  };
  const writeFor = (gap: AnswerGapGroup) => {
    setCreating({ ...newAnswerFromGap(gap, currentLanguage()), n: (creating?.n ?? 0) + 1 });
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      p.delete('view');
      return p;
    });
  };
  return (
    <div className="page">
      <header className="page-header">
        <h1 id="answers-title">{t('answers.title')}</h1>
        <p className="help">{view === 'library' ? t('answers.intro') : t(`answers.viewIntro.${view}`)}</p>
      </header>
      <nav className="tabs" aria-label={t('answers.views')}>
        {views.map((v) => (
          <Link key={v} to={tabPath(v)} className={v === view ? 'tabs__tab is-active' : 'tabs__tab'} aria-current={v === view ? 'page' : undefined}>
            {t(`answers.view.${v}`)}
          </Link>
        ))}
      </nav>
      {view === 'assistant' ? (
        <AssistantMeasures />
      ) : view === 'gaps' ? (
        <KnowledgeGaps onWrite={canWrite ? writeFor : undefined} />
      ) : view === 'consistency' ? (
        <ConsistencyReport />
      ) : (
        <Library canWrite={canWrite} creating={creating} setCreating={setCreating} />
      )}
    </div>
  );
}

function Library({
  canWrite,
  creating,
  setCreating,
}: {
  canWrite: boolean;
  creating: (NewAnswerStart & { n: number }) | null;
  setCreating: (c: (NewAnswerStart & { n: number }) | null) => void;
}) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = (STATES.find((s) => s === params.get('state')) ?? 'all') as AnswerListState;
  const [topic, setTopic] = useState('');
  const list = useAnswers(state, topic);
  const selected = Number(params.get('id')) || null;
  const choose = (next: { state?: AnswerListState; id?: number | null }) =>
    setParams((prev) => {
      const p = new URLSearchParams(prev);
      if (next.state === 'all') p.delete('state');
      else if (next.state !== undefined) p.set('state', next.state);
      if (next.id) p.set('id', String(next.id));
      else if (next.id !== undefined) p.delete('id');
      return p;
    });
  return (
    <>
      <div className="filter-bar">
        <div className="segmented" role="group" aria-label={t('answers.show')}>
          {STATES.map((s) => (
            <button key={s} type="button" className={s === state ? 'segmented__btn is-active' : 'segmented__btn'} aria-pressed={s === state} onClick={() => choose({ state: s })}>
              {t(`answers.state.${s}`)}
            </button>
          ))}
        </div>
        <input type="search" aria-label={t('answers.topicSearch')} placeholder={t('answers.topicSearch')} value={topic} onChange={(e) => setTopic(e.target.value)} />
        {canWrite && (
          <button type="button" className="btn btn--primary btn--small" aria-expanded={creating != null} onClick={() => setCreating(creating ? null : { n: 0 })}>
            {t('answers.new')}
          </button>
        )}
      </div>
      {creating && (
        <NewAnswerForm
          key={creating.n}
          start={creating}
          onMade={(a) => {
            setCreating(null);
            choose({ id: a.id });
          }}
        />
      )}
      <div className="answers-layout">
        <div className="answers-layout__list">
          {list.isPending ? (
            <Spinner />
          ) : list.isError ? (
            <ErrorPanel error={list.error} onRetry={() => void list.refetch()} />
          ) : (list.data ?? []).length === 0 ? (
            <Empty>{t('answers.empty')}</Empty>
          ) : (
            <ul className="answers-list" aria-labelledby="answers-title" data-testid="answers-list">
              {(list.data ?? []).map((a) => (
                <li key={a.id}>
                  <button type="button" className={a.id === selected ? 'answers-list__item is-active' : 'answers-list__item'} aria-current={a.id === selected || undefined} onClick={() => choose({ id: a.id })}>
                    <strong>{a.topic}</strong> <StateBadges answer={a} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
        <div className="answers-layout__detail">{selected ? <AnswerPanel id={selected} /> : <p className="muted">{t('answers.choose')}</p>}</div>
      </div>
    </>
  );
}

function StateBadges({ answer: a }: { answer: AnswerRecord }) {
  const { t } = useTranslation();
  return (
    <span className="answers-badges">
      {a.published_number != null && <span className="badge">{t('answers.live', { number: a.published_number })}</span>}
      {a.latest_state !== 'published' && a.latest_state !== 'superseded' && <span className="badge">{t(`answers.versionState.${a.latest_state}`, { number: a.latest_number })}</span>}
      {a.stale && <span className="badge badge--overdue">{t('answers.stale')}</span>}
      {a.retired_at && <span className="badge">{t('answers.retired')}</span>}
    </span>
  );
}

function TextFields({ lang, value, onChange, error }: { lang: 'nl' | 'en'; value: AnswerText; onChange: (v: AnswerText) => void; error: unknown }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <fieldset className="answer-text" data-testid={`answer-${lang}`}>
      <legend>{t(`answers.lang.${lang}`)}</legend>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('answers.fieldTitle')}</label>
        <input {...fieldProps(`${id}-title`, error, `${lang}.title`)} maxLength={300} value={value.title} onChange={(e) => onChange({ ...value, title: e.target.value })} />
        <FieldError id={`${id}-title`} error={error} field={`${lang}.title`} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-body`}>{t('answers.fieldBody')}</label>
        <textarea {...fieldProps(`${id}-body`, error, `${lang}.body`)} rows={5} value={value.body} onChange={(e) => onChange({ ...value, body: e.target.value })} />
        <FieldError id={`${id}-body`} error={error} field={`${lang}.body`} />
      </div>
    </fieldset>
  );
}

const blank: AnswerText = { title: '', body: '' };
const orNull = (t: AnswerText) => (t.title.trim() || t.body.trim() ? t : null);

function NewAnswerForm({ start, onMade }: { start: NewAnswerStart; onMade: (a: AnswerDetail) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const create = useCreateAnswer();
  const [topic, setTopic] = useState(start.topic ?? '');
  const [nl, setNl] = useState(start.lang === 'nl' && start.title ? { ...blank, title: start.title } : blank);
  const [en, setEn] = useState(start.lang === 'en' && start.title ? { ...blank, title: start.title } : blank);
  return (
    <form
      className="card stack"
      data-testid="new-answer-form"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate({ topic, nl: orNull(nl), en: orNull(en) }, { onSuccess: onMade });
      }}
    >
      <div className="field">
        <label htmlFor={`${id}-topic`}>{t('answers.topic')}</label>
        <input
          {...fieldProps(`${id}-topic`, create.error, 'topic')}
          required
          maxLength={200}
          autoFocus={start.topic != null}
          value={topic}
          onChange={(e) => setTopic(e.target.value)}
        />
        <FieldError id={`${id}-topic`} error={create.error} field="topic" />
      </div>
      {start.asked && start.asked.length > 0 && (
        <div data-testid="new-answer-asked">
          <p className="panel-subtitle">{t('answers.gaps.customersAsked')}</p>
          <ul className="small">
            {start.asked.map((q, i) => (
              <li key={i}>
                <q>{q}</q>
              </li>
            ))}
          </ul>
        </div>
      )}
      <p className="help">{t('answers.variablesHelp')}</p>
      <TextFields lang="nl" value={nl} onChange={setNl} error={create.error} />
      <TextFields lang="en" value={en} onChange={setEn} error={create.error} />
      <button type="submit" className="btn btn--primary btn--small" disabled={create.isPending}>
        {t('answers.create')}
      </button>
      <FormError error={create.error} fields={['topic', 'nl', 'nl.title', 'nl.body', 'en.title', 'en.body']} />
    </form>
  );
}

function AnswerPanel({ id }: { id: number }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const session = useCurrentSession();
  const canWrite = can(session, 'write_conversations');
  const canPublish = can(session, 'publish_answers');
  const canReadCustomers = can(session, 'read_customers');
  const answer = useAnswer(id);
  const step = useAnswerStep(id);
  const save = useSaveDraft(id);
  const addQuestion = useAddQuestion(id);
  const [showTold, setShowTold] = useState(false);
  const correct = useSendCorrections(id);
  const told = useAnswerTold(id, showTold && canReadCustomers, correct.isSuccess);
  const uncorrected = (told.data?.items ?? []).filter((u) => !u.corrected).length;
  const a = answer.data;
  const latest = a?.versions.at(-1);
  const editable = latest?.state === 'draft' || latest?.state === 'published' || latest?.state === 'superseded';
  const [nl, setNl] = useState(blank);
  const [en, setEn] = useState(blank);
  const [note, setNote] = useState('');
  const [material, setMaterial] = useState(false);
  const [backNote, setBackNote] = useState('');
  const [question, setQuestion] = useState('');
  // The editor starts from the newest version whenever another one is chosen or written.
  useEffect(() => {
    setNl(latest?.nl ?? blank);
    setEn(latest?.en ?? blank);
    setNote(latest?.state === 'draft' ? latest.change_note : '');
    setMaterial(latest?.state === 'draft' ? latest.material : false);
  }, [id, latest?.number, latest?.state]); // eslint-disable-line react-hooks/exhaustive-deps
  if (answer.isPending) return <Spinner />;
  if (answer.isError || !a || !latest) return <ErrorPanel error={answer.error} onRetry={() => void answer.refetch()} />;
  const run = (s: AnswerStep, extra?: string) => step.mutate({ step: s, version: a.version, note: extra });
  return (
    <section className="card stack" aria-labelledby="answer-topic" data-testid="answer-panel">
      <h2 id="answer-topic" className="panel-title">
        {a.topic} <StateBadges answer={a} />
      </h2>
      <ol className="answer-versions" data-testid="answer-versions">
        {a.versions.map((v) => (
          <li key={v.number} data-state={v.state}>
            <strong>{t('answers.versionN', { number: v.number })}</strong> <span className="badge">{t(`answers.versionState.${v.state}`, { number: v.number })}</span>{' '}
            <span className="muted small">
              {v.published_at ? t('answers.publishedAt', { time: formatDateTime(v.published_at, lang) }) : formatDateTime(v.updated_at, lang)}
              {v.material && ` · ${t('answers.material')}`}
            </span>
            {v.change_note && <p className="small">{v.change_note}</p>}
          </li>
        ))}
      </ol>
      {canWrite && editable && (
        <form
          className="stack"
          data-testid="answer-editor"
          onSubmit={(e) => {
            e.preventDefault();
            save.mutate({ version: a.version, nl: orNull(nl), en: orNull(en), change_note: note, material });
          }}
        >
          <p className="panel-subtitle">{latest.state === 'draft' ? t('answers.editDraft', { number: latest.number }) : t('answers.newVersion', { number: latest.number + 1 })}</p>
          <TextFields lang="nl" value={nl} onChange={setNl} error={save.error} />
          <TextFields lang="en" value={en} onChange={setEn} error={save.error} />
          <div className="field">
            <label htmlFor={`answer-${id}-note`}>{t('answers.changeNote')}</label>
            <input {...fieldProps(`answer-${id}-note`, save.error, 'change_note')} maxLength={2000} value={note} onChange={(e) => setNote(e.target.value)} />
            <FieldError id={`answer-${id}-note`} error={save.error} field="change_note" />
          </div>
          <label className="toggle">
            <input type="checkbox" checked={material} onChange={(e) => setMaterial(e.target.checked)} />
            <span>{t('answers.materialHelp')}</span>
          </label>
          <button type="submit" className="btn btn--small" disabled={save.isPending}>
            {t('answers.saveDraft')}
          </button>
          <FormError error={save.error} fields={['nl', 'nl.title', 'nl.body', 'en.title', 'en.body', 'change_note']} />
        </form>
      )}
      <div className="row-actions row-actions--wrap">
        {canWrite && latest.state === 'draft' && (
          <button type="button" className="btn btn--small btn--primary" disabled={step.isPending} onClick={() => run('submit')}>
            {t('answers.submit')}
          </button>
        )}
        {canPublish && latest.state === 'in_review' && (
          <>
            <button type="button" className="btn btn--small btn--primary" disabled={step.isPending} onClick={() => run('publish')}>
              {t('answers.publish', { number: latest.number })}
            </button>
            <input aria-label={t('answers.sendBackNote')} placeholder={t('answers.sendBackNote')} value={backNote} onChange={(e) => setBackNote(e.target.value)} />
            <button type="button" className="btn btn--small" disabled={step.isPending || !backNote.trim()} onClick={() => run('send-back', backNote)}>
              {t('answers.sendBack')}
            </button>
          </>
        )}
        {canPublish && !a.retired_at && a.published_number != null && (
          <button type="button" className="btn btn--small btn--danger" disabled={step.isPending} onClick={() => run('retire')}>
            {t('answers.retire')}
          </button>
        )}
      </div>
      {step.isError && <FormError error={step.error} />}
      <div>
        <p className="panel-subtitle">{t('answers.questions')}</p>
        <ul className="small" data-testid="answer-questions">
          {a.questions.map((q) => (
            <li key={q.id}>{q.text}</li>
          ))}
        </ul>
        {canWrite && (
          <form
            className="inline-form"
            onSubmit={(e) => {
              e.preventDefault();
              addQuestion.mutate(question, { onSuccess: () => setQuestion('') });
            }}
          >
            <input aria-label={t('answers.addQuestion')} placeholder={t('answers.addQuestion')} maxLength={1000} value={question} onChange={(e) => setQuestion(e.target.value)} />
            <button type="submit" className="btn btn--small" disabled={!question.trim() || addQuestion.isPending}>
              {t('answers.add')}
            </button>
          </form>
        )}
      </div>
      {canReadCustomers && a.published_number != null && a.published_number > 1 && (
        <div data-testid="answer-told">
          {!showTold ? (
            <button type="button" className="btn btn--small btn--ghost" onClick={() => setShowTold(true)}>
              {t('answers.showTold', { number: a.published_number })}
            </button>
          ) : told.isPending ? (
            <Spinner />
          ) : (
            <>
              <p className="panel-subtitle">{t('answers.told', { count: told.data?.items.length ?? 0, number: a.published_number })}</p>
              <ul className="small">
                {(told.data?.items ?? []).map((u) => (
                  <li key={u.message_id}>
                    <Link to={`/customers/${u.customer_id}`}>
                      <CustomerName id={u.customer_id} />
                    </Link>{' '}
                    · <Link to={`/conversations/${u.conversation_id}`}>#{u.conversation_id}</Link> · {t('answers.versionN', { number: u.number })} · {formatDateTime(u.at, lang)}
                    {u.corrected && (
                      <>
                        {' '}
                        · <span className="badge">{t('answers.corrected')}</span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
              {canWrite && uncorrected > 0 && !correct.isSuccess && (
                <button type="button" className="btn btn--small" disabled={correct.isPending} onClick={() => correct.mutate()}>
                  {t('answers.sendCorrections', { count: uncorrected })}
                </button>
              )}
              {correct.isSuccess && (
                <p role="status" className="small" data-testid="corrections-sent">
                  {uncorrected > 0 ? t('answers.correctionsSending', { count: correct.data.conversations }) : t('answers.correctionsSent', { count: correct.data.conversations })}
                </p>
              )}
              {correct.isError && <FormError error={correct.error} />}
            </>
          )}
        </div>
      )}
    </section>
  );
}
