import type { TFunction } from 'i18next';
import { formatDue, formatSeconds } from '@/lib/format';
import { currentLanguage } from '@/lib/i18n';
import type { Activity, Language } from '@/types/api';

type NameOf = (id: number | null | undefined) => string | undefined;

/**
 * The reader's-language sentence for an event on the timeline, built from
 * its params (the server stores events as data, never as text). Contacts
 * (messages, notes, an opened conversation) have none: their summary is the
 * words a person wrote. Entries stored before params existed may lack them;
 * those return undefined and the summary they carry is shown as it is.
 * Dates are written in `opts.lang` (default: the UI's) and the browser's
 * time zone unless `opts.timeZone` names one.
 */
export function describeActivity(
  a: Activity,
  t: TFunction,
  userName: NameOf,
  departmentName: NameOf,
  opts: { lang?: Language; timeZone?: string } = {},
): string | undefined {
  const p = a.params;
  const user = (id: number) => userName(id) ?? t('customer.activity.someone', { id });
  const dept = (id: number) => departmentName(id) ?? t('customer.activity.department', { id });
  switch (a.kind) {
    case 'status_changed':
      if (!p.from || !p.to) return undefined;
      return t('customer.activity.statusChanged', { from: t(`status.${p.from}`), to: t(`status.${p.to}`) });
    case 'assigned':
      if (p.assignee_id != null) return t('customer.activity.assignedTo', { name: user(p.assignee_id) });
      return a.summary ? undefined : t('customer.activity.unassigned');
    case 'handover':
      if (p.from_department_id == null || p.to_department_id == null) return undefined;
      return t('customer.activity.handover', { from: dept(p.from_department_id), to: dept(p.to_department_id) });
    case 'merged':
      if (p.source_id == null) return undefined;
      return t('customer.activity.merged', { name: p.source_name ?? '', id: p.source_id });
    case 'call': {
      if (!p.outcome) return undefined;
      const outcome = t(`phone.outcome.${p.outcome}`);
      const talk = p.talk_seconds ?? 0;
      // Our own call out had no queue to wait in.
      if (a.direction === 'out') return talk > 0 ? t('customer.activity.callOut', { outcome, talk: formatSeconds(talk) }) : outcome;
      const wait = formatSeconds(p.wait_seconds ?? 0);
      if (p.outcome === 'answered' && talk > 0) return t('customer.activity.call', { outcome, wait, talk: formatSeconds(talk) });
      return t('customer.activity.callShort', { outcome, wait });
    }
    case 'promise': {
      // "Belofte gedaan: terugbellen, uiterlijk di 8 dec 12:00"; what was
      // promised is the summary, in the words of whoever recorded it.
      if (!p.action || !p.kind) return undefined;
      const by = p.by === 'customer' ? 'customer' : 'us';
      const text = t(`customer.activity.promise.${by}.${p.action}`, { kind: t(`promises.kind.${p.kind}`).toLocaleLowerCase() });
      if (!p.due_end || (p.action !== 'made' && p.action !== 'renegotiated')) return text;
      const due = formatDue(p.due_end, opts.lang ?? currentLanguage(), opts.timeZone);
      return t(p.action === 'made' ? 'customer.activity.promise.due' : 'customer.activity.promise.dueNew', { text, due });
    }
    default:
      return undefined;
  }
}
