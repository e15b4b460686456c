import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { can, useCurrentSession } from '@/lib/session';
import { TopicManageView } from './topic_manage';
import { TopicOverviewView } from './topic_overview';
import { useTopicParams, VIEWS } from './topic_params';

// What customers ask about (C9, docs/topics.md): every contact gets a
// topic, so a manager sees which questions come often, which are hard and
// which are rising — the processes to fix. Anyone who may read
// conversations sees the overview; those who manage topics (`manage_topics`:
// admins and managers) also train the classifier, look for new topics and
// decide on the candidates. Every choice is kept in the address
// (topic_params.ts).

export function TopicsPage() {
  const { t } = useTranslation();
  const session = useCurrentSession();
  const p = useTopicParams();
  const views = VIEWS.filter((v) => v !== 'manage' || can(session, 'manage_topics'));
  const view = views.includes(p.view) ? p.view : 'overview';
  return (
    <div className="page">
      <header className="page-header">
        <h1 id="topics-title">{t('topics.title')}</h1>
        <p className="help">{t(`topics.viewIntro.${view}`)}</p>
      </header>
      {views.length > 1 && (
        <nav className="tabs" aria-label={t('topics.views')}>
          {views.map((v) => (
            <Link key={v} to={p.tabPath(v)} className={v === view ? 'tabs__tab is-active' : 'tabs__tab'} aria-current={v === view ? 'page' : undefined}>
              {t(`topics.view.${v}`)}
            </Link>
          ))}
        </nav>
      )}
      {view === 'manage' ? <TopicManageView /> : <TopicOverviewView />}
    </div>
  );
}
