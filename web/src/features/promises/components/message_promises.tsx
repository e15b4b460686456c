import { useTranslation } from 'react-i18next';
import { formatDateTime, formatDue } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { PromiseRecord } from '@/types/api';
import { isOverdue } from './due';

const LIVE = new Set<PromiseRecord['status']>(['open', 'renegotiated']);

/**
 * Under a message in the thread: the promises it made ("Promise: callback,
 * due Tue 8 Dec 12:00 · Open"), each with its status, a live one past due
 * marked overdue.
 */
export function MessagePromises({ promises }: { promises: readonly PromiseRecord[] | undefined }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  if (!promises || promises.length === 0) return null;
  return (
    <ul className="message__promises" aria-label={t('promises.title')}>
      {promises.map((p) => {
        const live = LIVE.has(p.status);
        const overdue = live && isOverdue(p.due_end);
        const kind = t(`promises.suggestion.kind.${p.kind}`);
        const key = `promises.badge.${p.by === 'us' ? 'ours' : 'theirs'}${p.due_end ? '' : 'Asap'}`;
        const text = t(key, { kind, due: p.due_end ? formatDue(p.due_end, lang) : undefined });
        return (
          <li
            key={p.id}
            className={`message-promise${overdue ? ' message-promise--overdue' : live ? '' : ' message-promise--closed'}`}
            data-testid="message-promise"
            data-promise-id={p.id}
            data-status={p.status}
            title={p.due_end ? `${p.what} (${formatDateTime(p.due_end, lang)})` : p.what}
          >
            <span>{text}</span>{' '}
            <span className="message-promise__status">
              · {t(`promises.status.${p.status}`)}
              {overdue && <> · {t('promises.overdue')}</>}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
