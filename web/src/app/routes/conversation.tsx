import { useParams } from 'react-router-dom';
import { useCustomer } from '@/lib/directory';
import { can, useCurrentSession } from '@/lib/session';
import { useMessages } from '@/features/conversation/api/get_messages';
import { useConversation } from '@/features/conversation/api/get_conversation';
import { ConversationView } from '@/features/conversation/components/conversation_view';
import { CustomerPanel } from '@/features/customers/components/customer_panel';
import { PromisesPanel } from '@/features/promises/components/promises_panel';

// The conversation with its customer beside it, and the customer's promises
// in that panel: three features composed here. The thread's messages (the
// same cached query the thread shows) are what can keep a promise.
export function Component() {
  const id = Number(useParams().id) || 0;
  const session = useCurrentSession();
  const conversation = useConversation(id);
  const customerId = conversation.data?.customer_id;
  const customer = useCustomer(customerId);
  const messages = useMessages(id, true);
  return (
    <div className="conversation-layout">
      <ConversationView id={id} customerName={customer.data?.name ?? conversation.data?.customer_name} />
      {customerId ? (
        <CustomerPanel customerId={customerId}>
          {can(session, 'read_conversations') && (
            <PromisesPanel
              variant="aside"
              customerId={customerId}
              conversationId={id}
              messages={messages.data?.pages.flatMap((p) => p.items)}
              canWrite={can(session, 'write_conversations') && !customer.data?.merged_into_id}
            />
          )}
        </CustomerPanel>
      ) : null}
    </div>
  );
}
