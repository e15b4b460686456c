import { useTranslation } from 'react-i18next';
import type { ConversationStatus, Priority } from '@/types/api';

export function StatusBadge({ status }: { status: ConversationStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--status-${status}`} data-status={status}>
      {t(`status.${status}`)}
    </span>
  );
}

export function PriorityBadge({ priority }: { priority: Priority }) {
  const { t } = useTranslation();
  if (priority === 'normal') return null;
  return (
    <span className={`badge badge--priority-${priority}`} data-priority={priority}>
      {t(`priority.${priority}`)}
    </span>
  );
}

export function Tag({ name }: { name: string }) {
  return <span className="tag">#{name}</span>;
}
