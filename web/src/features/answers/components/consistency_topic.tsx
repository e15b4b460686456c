import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatDateTime, formatPercent } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Channel, ConsistencyConflict, ConsistencyTopic } from '@/types/api';

// One topic of the consistency report: its figures per channel, what replies
// wrote instead of the published value (and on which channels), and the
// newest contradicting sentences beside the published answer's.

/**
 * `sentence` with the first occurrence of `value` (case apart) marked, so
 * the differing amount or period stands out; unmarked when it is not there.
 */
export function MarkedSentence({ sentence, value }: { sentence: string; value: string }) {
  const at = value ? sentence.toLowerCase().indexOf(value.toLowerCase()) : -1;
  if (at < 0) return <>{sentence}</>;
  return (
    <>
      {sentence.slice(0, at)}
      <mark>{sentence.slice(at, at + value.length)}</mark>
      {sentence.slice(at + value.length)}
    </>
  );
}

export function ConsistencyTopicCard({ topic: tp, userName }: { topic: ConsistencyTopic; userName: (id: number | null) => string | undefined }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const pct = (v: number | null) => formatPercent(v, lang);
  const headingId = `consistency-topic-${tp.answer_id}`;
  const name = tp.topic ?? t('answers.consistency.unpublished', { id: tp.answer_id });
  const kind = (k: string) => t(`answers.consistency.kind.${k}`, { defaultValue: k });
  return (
    <li className="card consistency-topic" data-testid="consistency-topic" data-answer-id={tp.answer_id}>
      <div className="consistency-topic__head">
        <h4 id={headingId} className="consistency-topic__name">
          <Link to={`/answers?id=${tp.answer_id}`}>{name}</Link>
        </h4>
        {tp.live_number != null && <span className="badge">{t('answers.live', { number: tp.live_number })}</span>}
        <span className="muted small">
          {t('answers.consistency.topicFigures', { checked: tp.checked, contradictions: tp.contradictions, score: pct(tp.score) })}
        </span>
      </div>
      {tp.title && <p className="muted small consistency-topic__title">{tp.title}</p>}
      <div className="table-scroll">
        <table className="table table--dense" data-testid="consistency-topic-channels">
          <caption className="visually-hidden">{t('answers.consistency.perChannelOf', { topic: name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('answers.consistency.channel')}</th>
              <th scope="col" className="num">
                {t('answers.consistency.checked')}
              </th>
              <th scope="col" className="num">
                {t('answers.consistency.contradictions')}
              </th>
              <th scope="col" className="num">
                {t('answers.consistency.withoutLibrary')}
              </th>
              <th scope="col" className="num">
                {t('answers.consistency.overridden')}
              </th>
              <th scope="col" className="num">
                {t('answers.consistency.score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {tp.channels.map((c) => (
              <tr key={c.channel} data-channel={c.channel}>
                <th scope="row">{t(`channel.${c.channel}`)}</th>
                <td className="num">{c.checked}</td>
                <td className="num">{c.contradictions}</td>
                <td className="num">{c.without_library}</td>
                <td className="num">{c.overridden}</td>
                <td className="num">{pct(c.score)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {tp.disagreements.length > 0 && (
        <>
          <h5 className="panel-subtitle" id={`${headingId}-instead`}>
            {t('answers.consistency.disagreements')}
          </h5>
          <div className="table-scroll">
            <table className="table table--dense" aria-labelledby={`${headingId}-instead ${headingId}`} data-testid="consistency-disagreements">
              <thead>
                <tr>
                  <th scope="col">{t('answers.consistency.kindColumn')}</th>
                  <th scope="col">{t('answers.consistency.published')}</th>
                  <th scope="col">{t('answers.consistency.written')}</th>
                  <th scope="col" className="num">
                    {t('answers.consistency.times')}
                  </th>
                  <th scope="col">{t('answers.consistency.channels')}</th>
                </tr>
              </thead>
              <tbody>
                {tp.disagreements.map((d, i) => (
                  <tr key={i} data-kind={d.kind}>
                    <th scope="row">{kind(d.kind)}</th>
                    <td>{d.published}</td>
                    <td>{d.written}</td>
                    <td className="num">{d.total}</td>
                    <td>
                      {Object.entries(d.channels)
                        .map(([ch, n]) => `${t(`channel.${ch as Channel}`, { defaultValue: ch })} ${n}`)
                        .join(', ')}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
      {tp.conflicts.length > 0 && (
        <>
          <h5 className="panel-subtitle" id={`${headingId}-sentences`}>
            {t('answers.consistency.conflicts')}
          </h5>
          <ul className="consistency-conflicts" aria-labelledby={`${headingId}-sentences ${headingId}`}>
            {tp.conflicts.map((c) => (
              <Conflict key={c.message_id} conflict={c} kind={kind(c.kind)} author={userName(c.author_user_id)} />
            ))}
          </ul>
        </>
      )}
    </li>
  );
}

function Conflict({ conflict: c, kind, author }: { conflict: ConsistencyConflict; kind: string; author: string | undefined }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const who =
    author ?? (c.author_user_id == null ? t('answers.consistency.unknownAgent') : t('answers.consistency.agent', { id: c.author_user_id }));
  return (
    <li className="consistency-conflict" data-testid="consistency-conflict" data-kind={c.kind}>
      <dl className="consistency-conflict__sides">
        <div className="consistency-conflict__side" data-testid="conflict-published">
          <dt>{t('answers.consistency.publishedVersion', { number: c.answer_number })}</dt>
          <dd>
            <MarkedSentence sentence={c.published_sentence} value={c.published} />
          </dd>
        </div>
        <div className="consistency-conflict__side consistency-conflict__side--written" data-testid="conflict-written">
          <dt>{t('answers.consistency.written')}</dt>
          <dd>
            <MarkedSentence sentence={c.written_sentence} value={c.written} />
          </dd>
        </div>
      </dl>
      <p className="muted small consistency-conflict__meta">
        {kind} · {t(`channel.${c.channel}`)} · {who} · {formatDateTime(c.sent_at, lang)} ·{' '}
        <Link to={`/conversations/${c.conversation_id}`}>{t('answers.consistency.conversation', { id: c.conversation_id })}</Link>
        {!c.used_library && (
          <>
            {' '}
            <span className="badge">{t('answers.consistency.withoutLibraryBadge')}</span>
          </>
        )}
        {c.overridden && (
          <>
            {' '}
            <span className="badge">{t('answers.consistency.overriddenBadge')}</span>
          </>
        )}
      </p>
    </li>
  );
}
