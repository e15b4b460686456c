import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { stubApi } from '@/testing/fetch_stub';
import { json, renderWithProviders } from '@/testing/render';
import type { SocialSource } from '@/types/api';
import { SocialSourcesAdmin } from './social_sources_admin';

const at = '2026-12-03T09:00:00.000Z';
const forum: SocialSource = { id: 3, slug: 'forum', name: 'Forum', reply_url: '', queue_id: 7, active: true, webhook_path: '/api/v1/channels/social/forum', created_at: at };
const directory = {
  'GET /queues': () => json({ items: [{ id: 7, department_id: 2, name: 'Social', created_at: at }] }),
  'GET /departments': () => json({ items: [{ id: 2, name: 'Customer Service', created_at: at }] }),
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('SocialSourcesAdmin', () => {
  it('adds a source and shows its secret once, with the webhook address', async () => {
    let list: SocialSource[] = [];
    const calls = stubApi({
      ...directory,
      'GET /social-sources': () => json({ items: list }),
      'POST /social-sources': () => {
        list = [forum];
        return json({ ...forum, secret: 's3cr3t-once' }, 201);
      },
    });
    renderWithProviders(<SocialSourcesAdmin />);
    expect(await screen.findByText('No social sources yet.')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Address name'), 'forum');
    await userEvent.type(screen.getByLabelText('Name'), 'Forum');
    await screen.findByRole('option', { name: 'Customer Service › Social' });
    await userEvent.selectOptions(screen.getByLabelText('Queue'), '7');
    await userEvent.click(screen.getByRole('button', { name: 'Add source' }));
    expect(await screen.findByTestId('social-secret')).toHaveTextContent('s3cr3t-once');
    const [row] = await screen.findAllByTestId('social-source-row');
    expect(within(row).getByText('POST /api/v1/channels/social/forum')).toBeInTheDocument();
    expect(calls.find((c) => c.key === 'POST /social-sources')?.body).toEqual({ slug: 'forum', name: 'Forum', queue_id: 7 });
  });

  it('rotates a secret only after the admin confirms', async () => {
    const calls = stubApi({
      ...directory,
      'GET /social-sources': () => json({ items: [forum] }),
      'PATCH /social-sources/3': () => json({ ...forum, secret: 'new-secret' }),
    });
    const confirm = vi.spyOn(window, 'confirm').mockReturnValueOnce(false).mockReturnValueOnce(true);
    renderWithProviders(<SocialSourcesAdmin />);
    const button = await screen.findByRole('button', { name: 'New secret' });
    await userEvent.click(button);
    expect(calls.some((c) => c.key === 'PATCH /social-sources/3')).toBe(false);
    await userEvent.click(button);
    expect(await screen.findByTestId('social-secret')).toHaveTextContent('new-secret');
    expect(confirm).toHaveBeenCalledTimes(2);
  });
});
