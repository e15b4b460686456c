// Which promises the promises page shows, as its address says: whose
// (`?whose=`) and due when (`?due=`). Apart from the page, so that what
// links to it (a reminder in the shell) does not load the page itself.

// `accounts`: the customers the caller is account manager of, both ways side by side.
export const WHOSE = ['mine', 'department', 'everyone', 'accounts'] as const;
export const WHEN = ['overdue', 'today', 'week', 'open'] as const;
export type Whose = (typeof WHOSE)[number];
export type When = (typeof WHEN)[number];

/** The promises page showing `whose` promises due `due` (the defaults, mine and all open, stay out of the address). */
export function promisesPath(view: { whose?: Whose; due?: When } = {}): string {
  const qs = viewParams(view).toString();
  return qs ? `/promises?${qs}` : '/promises';
}

export function viewParams({ whose = 'mine', due = 'open' }: { whose?: Whose; due?: When }): URLSearchParams {
  const params = new URLSearchParams();
  if (whose !== 'mine') params.set('whose', whose);
  if (due !== 'open') params.set('due', due);
  return params;
}

// The measures tab (`?view=measures`): per what (`?group=`), whose promises
// (`?by=`) and over how many weeks (`?weeks=`). Its choices sit beside the
// list's, so switching tabs keeps both.

export const VIEWS = ['list', 'measures'] as const;
export const PERIODS = [4, 13, 52] as const;
export type View = (typeof VIEWS)[number];
export type Period = (typeof PERIODS)[number];
