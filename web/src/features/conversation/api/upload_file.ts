import { useMutation } from '@tanstack/react-query';
import { api } from '@/lib/api_client';
import type { Upload } from '@/types/api';

/**
 * Keeps a file's bytes on the server for a message to name by `sha256`
 * (`POST /uploads`). Rejects with the server's problem: 413 when the file is
 * larger than the attachment limit (its detail says the limit), 400 when empty.
 */
export function uploadFile(file: File): Promise<Upload> {
  return api.postRaw<Upload>('/uploads', file, file.type || 'application/octet-stream', { filename: file.name });
}

/** Each call of `mutateAsync` uploads one file; several may run at once. */
export function useUploadFile() {
  return useMutation({ mutationFn: uploadFile });
}
