import { describe, expect, it } from 'vitest';
import { keysForEvent } from './invalidate';

describe('keysForEvent', () => {
  it('refreshes the thread, the lists and the timeline for a new message', () => {
    expect(keysForEvent({ seq: 1, type: 'message.created', conversation_id: 17, customer_id: 5, message_id: 3 })).toEqual([
      ['conversations'],
      ['conversation', 17],
      ['messages', 17],
      ['timeline', 5],
    ]);
  });

  it('refreshes the thread when a reply was sent, failed or bounced', () => {
    expect(keysForEvent({ seq: 6, type: 'message.updated', conversation_id: 17, customer_id: 5, message_id: 3 })).toContainEqual(['messages', 17]);
  });

  it('refreshes the customer on customer events', () => {
    expect(keysForEvent({ seq: 2, type: 'customer.merged', customer_id: 9 })).toEqual([
      ['customers'],
      ['conversations'],
      ['customer', 9],
      ['merges', 9],
      ['duplicates', 9],
      ['timeline', 9],
    ]);
  });

  it('refreshes conversation lists, which show customer names, when a customer changes but not when one is created', () => {
    expect(keysForEvent({ seq: 4, type: 'customer.updated', customer_id: 9 })).toContainEqual(['conversations']);
    expect(keysForEvent({ seq: 5, type: 'customer.created', customer_id: 10 })).not.toContainEqual(['conversations']);
  });

  it('refreshes every promise list and the timeline when a promise changes', () => {
    expect(keysForEvent({ seq: 7, type: 'promise.changed', conversation_id: 17, customer_id: 5, department_id: 2, user_id: 3 })).toEqual([
      ['promises'],
      ['timeline', 5],
    ]);
    expect(keysForEvent({ seq: 8, type: 'message.created', conversation_id: 17, customer_id: 5 })).not.toContainEqual(['promises']);
    expect(keysForEvent({ seq: 9, type: 'promise.overdue', customer_id: 5, user_id: 4 })).toContainEqual(['promises']);
    expect(keysForEvent({ seq: 10, type: 'promise.due', customer_id: 5, user_id: 3 })).toContainEqual(['promises']);
  });

  it('does not refetch messages for a conversation change', () => {
    const keys = keysForEvent({ seq: 3, type: 'conversation.updated', conversation_id: 4, customer_id: 1 });
    expect(keys).not.toContainEqual(['messages', 4]);
    expect(keys).toContainEqual(['conversation', 4]);
  });
});
