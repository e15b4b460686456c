import { afterEach, describe, expect, it, vi } from 'vitest';
import { downloadCsv, toCsv } from './csv';

describe('toCsv', () => {
  it('joins fields with commas and lines with CRLF, quoting what needs it', () => {
    expect(toCsv(['Name', 'Made', 'Rate'], [
      ['Anne', 3, 0.5],
      ['De Vries, Jan', 0, null],
      ['Say "hi"\nthere', 12, undefined],
    ])).toBe('Name,Made,Rate\r\nAnne,3,0.5\r\n"De Vries, Jan",0,\r\n"Say ""hi""\nthere",12,\r\n');
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    expect(toCsv(['a', 'b', 'c'], [['=SUM(A1)', '@x', -3]])).toBe("a,b,c\r\n'=SUM(A1),'@x,-3\r\n");
  });
});

describe('downloadCsv', () => {
  afterEach(() => vi.restoreAllMocks());

  it('downloads the text as a UTF-8 CSV file with a byte order mark', async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => ((blob = b as Blob), 'blob:csv'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    downloadCsv('measures.csv', 'a,b\r\n');
    expect(click).toHaveBeenCalledOnce();
    const clicked = click.mock.contexts[0] as HTMLAnchorElement;
    expect(clicked?.download).toBe('measures.csv');
    expect(clicked?.getAttribute('href')).toBe('blob:csv');
    expect(blob?.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3))).toBe('a,b\r\n');
  });
});
