import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { queryKeys } from '@/lib/query_keys';
import { json, problem, renderWithProviders } from '@/testing/render';
import { loginResponse } from '@/testing/session';
import { LoginForm } from './login_form';

afterEach(() => vi.unstubAllGlobals());

async function fillAndSubmit() {
  await userEvent.type(screen.getByLabelText('E-mail address'), 'admin@luister.local');
  await userEvent.type(screen.getByLabelText('Password'), 'wrong-password');
  await userEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginForm', () => {
  it('shows the rate limit with the wait from Retry-After and keeps what was typed', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async () =>
      problem(429, { title: 'Too many requests', detail: 'too many login attempts; try again in 300 seconds' }, { 'Retry-After': '300' }),
    ));
    renderWithProviders(<LoginForm />);
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('Too many login attempts. Try again in 5 min');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeDisabled();
    expect(screen.getByLabelText('E-mail address')).toHaveValue('admin@luister.local');
    expect(screen.getByLabelText('Password')).toHaveValue('wrong-password');
  });

  it('says the credentials are wrong on 401', async () => {
    vi.stubGlobal('fetch', vi.fn().mockImplementation(async () => problem(401, { title: 'Authentication required', detail: 'wrong e-mail or password' })));
    renderWithProviders(<LoginForm />);
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('The e-mail address or password is wrong.');
    expect(screen.getByRole('button', { name: 'Log in' })).toBeEnabled();
  });

  it('posts the credentials, reports success and keeps the permissions the server sent', async () => {
    const fetchMock = vi.fn().mockImplementation(async () => json(loginResponse(['read_customers', 'search'], 'admin')));
    vi.stubGlobal('fetch', fetchMock);
    const onSuccess = vi.fn();
    const { client } = renderWithProviders(<LoginForm onSuccess={onSuccess} />);
    await fillAndSubmit();
    await vi.waitFor(() => expect(onSuccess).toHaveBeenCalled());
    expect(fetchMock.mock.calls[0][0]).toBe('/api/v1/session');
    expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ email: 'admin@luister.local', password: 'wrong-password' });
    expect(client.getQueryData(queryKeys.session)).toMatchObject({ via: 'session', permissions: ['read_customers', 'search'] });
  });
});
