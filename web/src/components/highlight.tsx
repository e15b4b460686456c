import type { ReactNode } from 'react';

// A search snippet as the server sends it: text escaped as HTML, matches in
// <mark> elements. Rendered as text and <mark> elements built here, never
// inserted as HTML, so nothing in a stored message can become markup.
export function splitHighlight(html: string): { text: string; marked: boolean }[] {
  const parts: { text: string; marked: boolean }[] = [];
  let marked = false;
  for (const piece of html.split(/(<\/?mark>)/)) {
    if (piece === '<mark>') marked = true;
    else if (piece === '</mark>') marked = false;
    else if (piece !== '') parts.push({ text: unescapeHtml(piece), marked });
  }
  return parts;
}

function unescapeHtml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
  );
}

export function Highlight({ html, className }: { html: string; className?: string }): ReactNode {
  return (
    <span className={className}>
      {splitHighlight(html).map((p, i) => (p.marked ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </span>
  );
}
