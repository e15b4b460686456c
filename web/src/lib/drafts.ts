// Unsent text survives failed requests, navigation and reloads of the tab
// (sessionStorage), and is dropped once the server accepted it.
const prefix = 'luister.draft.';

export function loadDraft(key: string): string {
  try {
    return sessionStorage.getItem(prefix + key) ?? '';
  } catch {
    return '';
  }
}

export function saveDraft(key: string, text: string): void {
  try {
    if (text) sessionStorage.setItem(prefix + key, text);
    else sessionStorage.removeItem(prefix + key);
  } catch {
    // storage full or disabled: the draft lives in component state only
  }
}
