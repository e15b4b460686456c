import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { FormError } from '@/components/field_error';
import type { Conversation } from '@/types/api';
import { useDraftFromConversation } from '../api/answers';

// On a resolved or closed conversation: turn how the team answered it into a
// draft for the answer library (`POST /answers/from-conversation`), then
// open that draft on the answers page. A refusal (no permission, nothing
// replied yet) is shown beside the button with the server's words.

export function DraftAnswerFromConversation({ conversation: c }: { conversation: Pick<Conversation, 'id' | 'status'> }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useDraftFromConversation();
  if (c.status !== 'resolved' && c.status !== 'closed') return null;
  return (
    <div className="draft-answer" data-testid="draft-answer">
      <button
        type="button"
        className="btn btn--small"
        title={t('answers.draftFromConversationHelp')}
        disabled={draft.isPending}
        onClick={() => draft.mutate({ conversation_id: c.id }, { onSuccess: (a) => navigate(`/answers?state=draft&id=${a.id}`) })}
      >
        {t('answers.draftFromConversation')}
      </button>
      <FormError error={draft.error} />
    </div>
  );
}
