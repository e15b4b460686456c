import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { LanguageSwitch } from '@/components/language_switch';
import { en } from './en';
import { applyUserLanguage, chooseLanguage, i18n, LANGUAGE_KEY } from './index';
import { nl } from './nl';

function keys(o: object, prefix = ''): string[] {
  return Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`]));
}

function Labels() {
  const { t } = useTranslation();
  return (
    <p>
      {t('nav.inbox')} | {t('conversation.reply')} | {t('conversation.note')} | {t('conversation.transfer')}
    </p>
  );
}

describe('i18n', () => {
  it('has every key in Dutch and English', () => {
    expect(keys(nl).sort()).toEqual(keys(en).sort());
  });

  it('switches labels to Dutch and remembers the choice', async () => {
    render(
      <I18nextProvider i18n={i18n}>
        <LanguageSwitch />
        <Labels />
      </I18nextProvider>,
    );
    expect(screen.getByText(/Reply \| Internal note \| Transfer/)).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'NL' }));
    expect(screen.getByText('Inbox | Beantwoorden | Interne notitie | Overdragen')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'NL' })).toHaveAttribute('aria-pressed', 'true');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('nl');
    expect(document.documentElement.lang).toBe('nl');
  });

  it("follows the user's setting unless a language was chosen here", async () => {
    await act(async () => applyUserLanguage('nl'));
    expect(i18n.language).toBe('nl');
    await act(async () => chooseLanguage('en'));
    await act(async () => applyUserLanguage('nl'));
    expect(i18n.language).toBe('en');
  });

  it('pluralises in both languages', async () => {
    expect(i18n.t('inbox.messages', { count: 1 })).toBe('1 message');
    await act(async () => i18n.changeLanguage('nl'));
    expect(i18n.t('inbox.messages', { count: 3 })).toBe('3 berichten');
  });
});
