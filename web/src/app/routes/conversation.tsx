import { useParams } from 'react-router-dom';
import { useCustomer } from '@/lib/directory';
import { useConversation } from '@/features/conversation/api/get_conversation';
import { ConversationView } from '@/features/conversation/components/conversation_view';
import { CustomerPanel } from '@/features/customers/components/customer_panel';

// The conversation with its customer beside it: two features composed here.
export function Component() {
  const id = Number(useParams().id) || 0;
  const conversation = useConversation(id);
  const customerId = conversation.data?.customer_id;
  const customer = useCustomer(customerId);
  return (
    <div className="conversation-layout">
      <ConversationView id={id} customerName={customer.data?.name ?? conversation.data?.customer_name} />
      {customerId ? <CustomerPanel customerId={customerId} /> : null}
    </div>
  );
}
