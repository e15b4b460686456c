import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/lib/query_keys';
import { heldMailFixture, mailboxFixture, outboxFixture } from '@/testing/mail';
import { createTestQueryClient, json, renderWithProviders } from '@/testing/render';
import { sessionInfo } from '@/testing/session';
import type { Permission } from '@/types/api';
import { AdminPage } from './admin_page';

afterEach(() => vi.unstubAllGlobals());

function renderAs(permissions: Permission[], role: 'admin' | 'agent') {
  vi.stubGlobal('fetch', vi.fn().mockImplementation(async () => json({ items: [] })));
  const client = createTestQueryClient();
  client.setQueryData(queryKeys.session, sessionInfo(permissions, role));
  return renderWithProviders(<AdminPage />, { client, route: '/admin' });
}

describe('AdminPage', () => {
  it('shows the sections the session permits, whatever the role', async () => {
    renderAs(['read_directory', 'manage_directory'], 'agent');
    expect(await screen.findByRole('link', { name: 'Departments and queues' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Users and roles' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'API tokens' })).not.toBeInTheDocument();
  });

  it('refuses a session without an admin permission, even an admin', () => {
    renderAs(['read_directory'], 'admin');
    expect(screen.getByText('You are not allowed to see this page.')).toBeInTheDocument();
  });

  it('shows mailboxes and quarantine to a session that manages channels, with failing and held counts', async () => {
    const failing = { health: 'failing', last_error: 'LOGIN failed' } as const;
    const boxes = [mailboxFixture(1, {}, failing), mailboxFixture(2), mailboxFixture(3, {}, failing)];
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async (url: string) => {
      if (url.startsWith('/api/v1/mailboxes')) return json({ items: boxes });
      if (url.startsWith('/api/v1/mail/quarantine')) return json({ items: [heldMailFixture(1)], next_cursor: null });
      return json({ items: [] });
    }));
    const client = createTestQueryClient();
    client.setQueryData(queryKeys.session, sessionInfo(['manage_channels'], 'admin'));
    renderWithProviders(<AdminPage />, { client, route: '/admin' });
    expect(await screen.findByRole('link', { name: 'Mailboxes (2 failing)' })).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Quarantine (1 message waiting)' })).toBeInTheDocument();
    expect(screen.getByTestId('tab-badge-danger')).toHaveTextContent('2');
  });

  it('counts failed and uncertain replies in a red badge on the "Failed to send" tab, and opens it', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async (url: string) => {
      const state = new URL(url, 'http://x').searchParams.get('state');
      if (url.startsWith('/api/v1/mail/outbox') && state === 'failed')
        return json({ items: [outboxFixture(3), outboxFixture(2)], next_cursor: null });
      if (url.startsWith('/api/v1/mail/outbox') && state === 'uncertain')
        return json({ items: [outboxFixture(1, { delivery: 'uncertain' })], next_cursor: null });
      if (url.startsWith('/api/v1/mail/quarantine')) return json({ items: [], next_cursor: null });
      return json({ items: [] });
    }));
    const client = createTestQueryClient();
    client.setQueryData(queryKeys.session, sessionInfo(['manage_channels'], 'admin'));
    renderWithProviders(
      <Routes>
        <Route path="/admin/:section" element={<AdminPage />} />
      </Routes>,
      { client, route: '/admin/outbox' },
    );
    const tab = await screen.findByRole('link', { name: 'Failed to send (3 replies not sent)' });
    expect(tab).toHaveAttribute('href', '/admin/outbox');
    expect(tab.querySelector('.tab-badge--danger')).toHaveTextContent('3');
    expect(screen.getByRole('link', { name: 'Mailboxes' })).toBeInTheDocument();
    expect(await screen.findAllByTestId('outbox-row')).toHaveLength(3);
  });

  it('shows no outbox badge while every reply went out', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async (url: string) =>
      url.startsWith('/api/v1/mail/') ? json({ items: [], next_cursor: null }) : json({ items: [] }),
    ));
    const client = createTestQueryClient();
    client.setQueryData(queryKeys.session, sessionInfo(['manage_channels'], 'admin'));
    renderWithProviders(<AdminPage />, { client, route: '/admin' });
    expect(await screen.findByRole('link', { name: 'Failed to send' })).toBeInTheDocument();
    await vi.waitFor(() => expect(vi.mocked(fetch).mock.calls.some((c) => String(c[0]).includes('state=uncertain'))).toBe(true));
    expect(screen.queryByTestId('tab-badge-danger')).not.toBeInTheDocument();
  });

  it('asks nothing about mailboxes of a session that may not manage channels', async () => {
    renderAs(['manage_users'], 'admin');
    expect(await screen.findByRole('link', { name: 'Users and roles' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Mailboxes/ })).not.toBeInTheDocument();
    const urls = vi.mocked(fetch).mock.calls.map((c) => String(c[0]));
    expect(urls.some((u) => u.includes('/mailboxes') || u.includes('/mail/'))).toBe(false);
  });
});
