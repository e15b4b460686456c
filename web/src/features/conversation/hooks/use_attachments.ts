import { useRef, useState } from 'react';
import type { Upload } from '@/types/api';
import { useUploadFile } from '../api/upload_file';
import type { UploadedAttachment } from '../api/send_message';

/** A file chosen in the composer: uploading, uploaded (with what the server kept), or refused. */
export interface ChosenFile {
  key: number;
  name: string;
  size: number;
  state: 'uploading' | 'uploaded' | 'failed';
  upload?: Upload;
  error?: unknown;
}

/**
 * The composer's files, one list per draft (conversation and mode), like its
 * text. Each file is uploaded as soon as it is chosen; a message names the
 * uploaded ones by hash. Files that failed stay listed with their error
 * until removed, and are not sent.
 */
export function useAttachments(listKey: string) {
  const upload = useUploadFile();
  const [lists, setLists] = useState<Record<string, ChosenFile[]>>({});
  const nextKey = useRef(0);
  const files = lists[listKey] ?? [];

  const change = (list: string, f: (files: ChosenFile[]) => ChosenFile[]) =>
    setLists((prev) => ({ ...prev, [list]: f(prev[list] ?? []) }));
  const settle = (list: string, key: number, patch: Partial<ChosenFile>) =>
    change(list, (all) => all.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  const add = (chosen: File[]) => {
    const list = listKey;
    const added = chosen.map((file) => ({ file, item: { key: nextKey.current++, name: file.name, size: file.size, state: 'uploading' as const } }));
    change(list, (all) => [...all, ...added.map((a) => a.item)]);
    for (const { file, item } of added) {
      upload.mutateAsync(file).then(
        (u) => settle(list, item.key, { state: 'uploaded', upload: u }),
        (error: unknown) => settle(list, item.key, { state: 'failed', error }),
      );
    }
  };

  const attachments: UploadedAttachment[] = files.flatMap((f) =>
    f.upload ? [{ filename: f.upload.filename, content_type: f.upload.content_type, sha256: f.upload.sha256 }] : [],
  );

  return {
    files,
    attachments,
    uploading: files.some((f) => f.state === 'uploading'),
    add,
    remove: (key: number) => change(listKey, (all) => all.filter((x) => x.key !== key)),
    /** Drops the files `keys` from a draft's list (those a sent message carried). */
    clear: (list: string, keys: number[]) => change(list, (all) => all.filter((x) => !keys.includes(x.key))),
  };
}
