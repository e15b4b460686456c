import { useCallback, useMemo, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useCustomer } from '@/lib/directory';
import { can, useCurrentSession } from '@/lib/session';
import type { Conversation } from '@/types/api';
import { useMessages } from '@/features/conversation/api/get_messages';
import { useConversation } from '@/features/conversation/api/get_conversation';
import { ConversationView, type ComposerSlots } from '@/features/conversation/components/conversation_view';
import { checkReply as checkReplyApi } from '@/features/answers/api/answers';
import { AnswerSuggestions } from '@/features/answers/components/answer_suggestions';
import { DraftAnswerFromConversation } from '@/features/answers/components/draft_from_conversation';
import { CustomerPanel } from '@/features/customers/components/customer_panel';
import { useMessagePromises } from '@/features/promises/api/promises';
import { MessagePromises } from '@/features/promises/components/message_promises';
import { PromisesPanel } from '@/features/promises/components/promises_panel';
import { ReplyPromiseHint, ReplyPromiseNotice } from '@/features/promises/components/reply_promise';
import { ConversationTopicControl } from '@/features/topics/components/conversation_topic';

/** A reply that went out here, to be read for what it promises. */
interface SentReply {
  conversationId: number;
  messageId: number;
  text: string;
  /** "Record as a promise when sending" was ticked. */
  recordAtOnce: boolean;
}

// The conversation with its customer beside it, and the customer's promises
// in that panel: features composed here. Under each message, the
// promises it made. The thread's messages (the
// same cached query the thread shows) are what can keep a promise. Around
// the reply box, what a reply promises: a hint while it is written, a notice
// to record it once it went out.
export function Component() {
  const id = Number(useParams().id) || 0;
  const session = useCurrentSession();
  const conversation = useConversation(id);
  const customerId = conversation.data?.customer_id;
  const customer = useCustomer(customerId);
  const messages = useMessages(id, true);
  const canWritePromises = can(session, 'write_conversations') && !customer.data?.merged_into_id;
  const [sent, setSent] = useState<SentReply | null>(null);
  // The conversation whose reply is to be recorded when sent (the box ticked under it).
  const [recordOnSendFor, setRecordOnSendFor] = useState<number | null>(null);
  const lang = customer.data?.language;
  // The promises this conversation's messages made, live and closed: each shows under its message.
  const messagePromises = useMessagePromises(id, can(session, 'read_conversations'));
  const departmentId = conversation.data?.department_id;

  const promiseSlots: ComposerSlots =
    customerId && canWritePromises
      ? {
          onReplySent: (message, text) => {
            if (text.trim()) setSent({ conversationId: id, messageId: message.id, text, recordAtOnce: recordOnSendFor === id });
            setRecordOnSendFor(null);
          },
          replyExtras: (text) => (
            <ReplyPromiseHint
              text={text}
              lang={lang}
              departmentId={departmentId}
              contactHours={customer.data?.contact_hours}
              recordOnSend={recordOnSendFor === id}
              onRecordOnSendChange={(record) => setRecordOnSendFor(record ? id : null)}
            />
          ),
          composerNotice:
            sent && sent.conversationId === id ? (
              <ReplyPromiseNotice
                key={sent.messageId}
                customerId={customerId}
                conversationId={id}
                messageId={sent.messageId}
                text={sent.text}
                lang={lang}
                departmentId={departmentId}
                contactHours={customer.data?.contact_hours}
                recordAtOnce={sent.recordAtOnce}
                onClose={() => setSent(null)}
              />
            ) : null,
        }
      : {};

  // Above the reply box: the canonical answers the customer's latest message asks for.
  const thread = messages.data?.pages.flatMap((p) => p.items);
  const question = useMemo(() => [...(thread ?? [])].reverse().find((m) => m.direction === 'in' && !m.internal)?.body_text ?? '', [thread]);
  const values = useMemo(() => ({ 'customer.name': customer.data?.name }), [customer.data?.name]);
  const canReply = can(session, 'write_conversations');
  const answerSlot = useCallback(
    (insert: Parameters<NonNullable<ComposerSlots['answerSlot']>>[0]) =>
      canReply ? <AnswerSuggestions question={question} lang={lang} values={values} onInsert={insert} /> : null,
    [canReply, question, lang, values],
  );
  // Before a reply goes out: does it say what the published answer says?
  const checkReply = useCallback<NonNullable<ComposerSlots['checkReply']>>((text, used) => checkReplyApi(text, question, used), [question]);
  // Under the title: what the conversation is about (readers see it, writers choose it), and a
  // resolved conversation's reply as a draft for the answer library (writers: the server's `write_conversations`).
  const canRead = can(session, 'read_conversations');
  const headerExtras = useCallback(
    (c: Conversation) => (
      <>
        {canRead && <ConversationTopicControl conversationId={c.id} canWrite={canReply} />}
        {canReply && <DraftAnswerFromConversation conversation={c} />}
      </>
    ),
    [canRead, canReply],
  );
  return (
    <div className="conversation-layout">
      <ConversationView
        id={id}
        customerName={customer.data?.name ?? conversation.data?.customer_name}
        messageExtras={(m) => <MessagePromises promises={messagePromises.get(m.id)} />}
        answerSlot={answerSlot}
        checkReply={canReply ? checkReply : undefined}
        headerExtras={headerExtras}
        {...promiseSlots}
      />
      {customerId ? (
        <CustomerPanel customerId={customerId}>
          {can(session, 'read_conversations') && (
            <PromisesPanel
              variant="aside"
              customerId={customerId}
              conversationId={id}
              messages={messages.data?.pages.flatMap((p) => p.items)}
              canWrite={canWritePromises}
            />
          )}
        </CustomerPanel>
      ) : null}
    </div>
  );
}
