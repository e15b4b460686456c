import { describe, expect, it } from 'vitest';
import { toApiParams } from '../api/get_conversations';
import { filtersFromParams, paramsFromFilters } from './inbox_page';

describe('inbox filters', () => {
  it('round-trip through the URL', () => {
    const f = filtersFromParams(new URLSearchParams('view=mine&department=2&channel=email&priority=urgent&tag=vip&sort=created_at'));
    expect(f).toMatchObject({ view: 'mine', department_id: 2, channel: 'email', priority: 'urgent', tag: 'vip', sort: 'created_at' });
    expect(paramsFromFilters(f).toString()).toBe('view=mine&department=2&channel=email&priority=urgent&tag=vip&sort=created_at');
  });

  it('ignore values the API does not know', () => {
    const f = filtersFromParams(new URLSearchParams('view=everything&channel=fax&department=-1&sort=random'));
    expect(f).toEqual({ view: 'all', sort: '-last_message_at', department_id: undefined, queue_id: undefined, channel: undefined, status: undefined, priority: undefined, tag: undefined });
  });

  it('map views to API parameters', () => {
    expect(toApiParams({ view: 'mine', sort: '-last_message_at' }).assignee_id).toBe('me');
    expect(toApiParams({ view: 'unassigned', sort: '-last_message_at' }).assignee_id).toBe('none');
    expect(toApiParams({ view: 'waiting', status: 'open', sort: '-created_at' })).toMatchObject({ status: 'waiting_on_us', sort: '-created_at' });
    expect(toApiParams({ view: 'all', tag: ' VIP ', sort: '-last_message_at' })).toMatchObject({ tag: 'vip', sort: undefined });
  });
});
