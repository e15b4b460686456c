import type { QueryKey } from '@tanstack/react-query';
import { queryKeys } from '../query_keys';
import type { LiveEvent } from './live_socket';

/** The cached queries a live event makes stale (events name what changed, not the new state). */
export function keysForEvent(e: LiveEvent): QueryKey[] {
  const keys: QueryKey[] = [];
  const conversation = e.conversation_id;
  const customer = e.customer_id;
  if (e.type.startsWith('conversation.') || e.type === 'message.created') {
    keys.push(queryKeys.conversations);
    if (conversation != null) keys.push(queryKeys.conversation(conversation));
  }
  // A new message, or a reply's delivery changed (sent, failed, bounced, queued again).
  if ((e.type === 'message.created' || e.type === 'message.updated') && conversation != null)
    keys.push(queryKeys.messages(conversation));
  if (e.type.startsWith('customer.')) {
    keys.push(queryKeys.customers);
    // Conversation lists carry the customer's name (customer_name); a merge moves conversations.
    if (e.type !== 'customer.created') keys.push(queryKeys.conversations);
    if (customer != null) {
      keys.push(queryKeys.customer(customer));
      keys.push(queryKeys.merges(customer));
      keys.push(queryKeys.duplicates(customer));
    }
  }
  // A chat was asked for, accepted, ended or handed to e-mail.
  if (e.type === 'chat.updated' && conversation != null) {
    keys.push(queryKeys.chat(conversation));
    keys.push(queryKeys.conversation(conversation));
    keys.push(queryKeys.conversations);
  }
  // Someone read a chat further: only its read marks changed.
  if (e.type === 'chat.read' && conversation != null) keys.push(queryKeys.chat(conversation));
  // A call came in or was logged, or someone closed callbacks.
  if (e.type === 'call.recorded') keys.push(queryKeys.callbacks);
  // A promise was made, kept, broken, renegotiated or cancelled: every list
  // may show it (the customer's, the conversation's), and it is on the timeline.
  if (e.type === 'promise.changed' || e.type === 'promise.due' || e.type === 'promise.overdue')
    keys.push(queryKeys.promises);
  if (customer != null) keys.push(queryKeys.timeline(customer));
  return keys;
}
