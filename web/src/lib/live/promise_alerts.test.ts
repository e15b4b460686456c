import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { clearPromiseAlerts, dismissPromiseAlert, MAX_PROMISE_ALERTS, notePromiseEvent, usePromiseAlerts } from './promise_alerts';

afterEach(() => act(() => clearPromiseAlerts()));

describe('promise alerts', () => {
  it("keeps a due or overdue promise sent to the signed-in user, once per event, and nothing else", () => {
    const { result } = renderHook(() => usePromiseAlerts(3));
    act(() => {
      notePromiseEvent({ seq: 1, type: 'promise.due', customer_id: 5, conversation_id: 17, department_id: 2, user_id: 3 }, 3);
      notePromiseEvent({ seq: 1, type: 'promise.due', customer_id: 5, conversation_id: 17, department_id: 2, user_id: 3 }, 3);
      notePromiseEvent({ seq: 2, type: 'promise.overdue', customer_id: 6, department_id: 2, user_id: 3 }, 3);
      notePromiseEvent({ seq: 3, type: 'promise.overdue', customer_id: 7, user_id: 4 }, 3);
      notePromiseEvent({ seq: 4, type: 'promise.changed', customer_id: 5, user_id: 3 }, 3);
      notePromiseEvent({ seq: 5, type: 'promise.due', customer_id: 5, user_id: 3 }, null);
    });
    expect(result.current).toEqual([
      { seq: 1, kind: 'due', userId: 3, customerId: 5, conversationId: 17, departmentId: 2 },
      { seq: 2, kind: 'overdue', userId: 3, customerId: 6, conversationId: undefined, departmentId: 2 },
    ]);
    act(() => dismissPromiseAlert(1));
    expect(result.current.map((a) => a.seq)).toEqual([2]);
  });

  it('keeps the newest few, and shows none of them to another user', () => {
    const { result, rerender } = renderHook(({ user }) => usePromiseAlerts(user), { initialProps: { user: 3 as number | undefined } });
    act(() => {
      for (let seq = 1; seq <= MAX_PROMISE_ALERTS + 2; seq++) notePromiseEvent({ seq, type: 'promise.overdue', user_id: 3 }, 3);
    });
    expect(result.current.map((a) => a.seq)).toEqual([3, 4, 5, 6, 7]);
    expect(result.current).toHaveLength(MAX_PROMISE_ALERTS);
    rerender({ user: 4 });
    expect(result.current).toEqual([]);
    rerender({ user: undefined });
    expect(result.current).toEqual([]);
  });
});
