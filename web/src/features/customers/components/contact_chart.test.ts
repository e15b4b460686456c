import { describe, expect, it } from 'vitest';
import type { Activity } from '@/types/api';
import { monthlyContacts } from './contact_chart';

const base: Activity = {
  id: 1, customer_id: 3, at: '2026-11-30T10:00:00.000Z', kind: 'message', channel: 'email', department_id: 2,
  conversation_id: 4, message_id: null, direction: 'in', actor_user_id: null, params: {}, summary: '',
};

describe('monthlyContacts', () => {
  it("counts the customer's messages and calls in, per month and channel, and nothing of ours", () => {
    const data = monthlyContacts([
      base,
      { ...base, id: 2, kind: 'call', channel: 'phone', at: '2026-12-01T09:00:00.000Z' },
      { ...base, id: 3, kind: 'call', channel: 'phone', direction: 'out', at: '2026-12-01T10:00:00.000Z' },
      { ...base, id: 4, kind: 'message', channel: 'email', direction: 'out' },
      { ...base, id: 5, kind: 'status_changed', channel: 'email', direction: null },
      { ...base, id: 6, channel: 'shop', at: '2026-12-02T09:00:00.000Z' },
    ]);
    expect(data.months).toEqual(['2026-11', '2026-12']);
    expect(data.rows[0]).toMatchObject({ email: 1, phone: 0 });
    expect(data.rows[1]).toMatchObject({ email: 0, phone: 1, shop: 1 });
  });
});
