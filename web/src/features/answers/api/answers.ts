import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, request } from '@/lib/api_client';
import { queryKeys } from '@/lib/query_keys';
import type {
  AnswerCorrections, AnswerDetail, AnswerGaps, AnswerRecord, AnswerSuggestions, AnswerText, AnswerTold, AnswerUse, AssistantStats,
  Channel, ConsistencyReport, DraftFromConversation, Language, Page, ReplyCheck,
} from '@/types/api';

/** Which answers the library page lists (`GET /answers`). */
export type AnswerListState = 'all' | 'published' | 'draft' | 'in_review' | 'stale' | 'retired';

export function useAnswers(state: AnswerListState, topic: string) {
  const filters = { state, ...(topic.trim() ? { topic: topic.trim() } : {}) };
  return useQuery({
    queryKey: queryKeys.answerList(filters),
    queryFn: ({ signal }) => api.get<Page<AnswerRecord>>('/answers', { ...filters, limit: 200 }, signal),
    select: (d) => d.items,
    placeholderData: keepPreviousData,
  });
}

export function useAnswer(id: number | null) {
  return useQuery({
    queryKey: queryKeys.answer(id ?? 0),
    queryFn: ({ signal }) => api.get<AnswerDetail>(`/answers/${id}`, undefined, signal),
    enabled: id !== null && id > 0,
  });
}

/** Who was told a version before the live one (personal data: read only when asked). */
export function useAnswerTold(id: number, enabled: boolean, poll = false) {
  return useQuery({
    queryKey: queryKeys.answerTold(id),
    queryFn: ({ signal }) => api.get<AnswerTold>(`/answers/${id}/told`, { limit: 200 }, signal),
    enabled,
    // While corrections go out (a job), until every reply is corrected.
    refetchInterval: (q) => (poll && q.state.data?.items.some((u) => !u.corrected) ? 1000 : false),
  });
}

/** Everyone told an older version gets the live one, in one action (a job). */
export function useSendCorrections(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<AnswerCorrections>(`/answers/${id}/corrections`, {}),
    onSuccess: () => void qc.invalidateQueries({ queryKey: queryKeys.answerTold(id) }),
  });
}

export interface AnswerInput {
  topic?: string;
  nl: AnswerText | null;
  en: AnswerText | null;
  change_note?: string;
  material?: boolean;
}

function invalidate(qc: ReturnType<typeof useQueryClient>) {
  void qc.invalidateQueries({ queryKey: queryKeys.answers });
}

export function useCreateAnswer() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (a: AnswerInput & { topic: string }) => api.post<AnswerDetail>('/answers', a),
    onSuccess: () => invalidate(qc),
  });
}

export function useSaveDraft(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: AnswerInput & { version: number }) => request<AnswerDetail>('PUT', `/answers/${id}/draft`, { body: d }),
    onSuccess: () => invalidate(qc),
  });
}

/** The review steps, each naming the version the person saw. */
export type AnswerStep = 'submit' | 'publish' | 'send-back' | 'retire';

export function useAnswerStep(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ step, version, note }: { step: AnswerStep; version: number; note?: string }) =>
      api.post<AnswerDetail>(`/answers/${id}/${step}`, { version, ...(note ? { note } : {}) }),
    onSettled: () => invalidate(qc),
  });
}

export function useAddQuestion(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => api.post(`/answers/${id}/questions`, { text }),
    onSuccess: () => invalidate(qc),
  });
}

/** A new draft answer from a resolved conversation: its last reply as the text, the customer's first question as the title. */
export function useDraftFromConversation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (d: DraftFromConversation) => api.post<AnswerDetail>('/answers/from-conversation', d),
    onSuccess: () => invalidate(qc),
  });
}

/** Customer questions of the last `days` no published answer matches, grouped by the words they share. */
export function useAnswerGaps(days: number) {
  return useQuery({
    queryKey: queryKeys.answerGaps(days),
    queryFn: ({ signal }) => api.get<AnswerGaps>('/answers/gaps', { days }, signal),
    placeholderData: keepPreviousData,
  });
}

/**
 * What agents' replies said against the published answers over the last
 * `days` whole days, per topic and channel, worst topic first; on one
 * channel or all. The server audits the read per conversation.
 */
export function useAnswerConsistency(days: number, channel: Channel | undefined) {
  const params = { days, ...(channel ? { channel } : {}) };
  return useQuery({
    queryKey: queryKeys.answerConsistency(params),
    queryFn: ({ signal }) => api.get<ConsistencyReport>('/answers/consistency', params, signal),
    placeholderData: keepPreviousData,
  });
}

/** What the self-service assistant did over the last `days`. */
export function useAssistantStats(days: number) {
  return useQuery({
    queryKey: queryKeys.assistantStats(days),
    queryFn: ({ signal }) => api.get<AssistantStats>('/assistant/stats', { days }, signal),
    placeholderData: keepPreviousData,
  });
}

/** The published answers a customer's message asks for (stores nothing: read like a query, per text). */
export function useAnswerSuggestions(text: string, lang: Language | undefined) {
  const input = { text: text.slice(0, 4000), ...(lang ? { lang } : {}) };
  return useQuery({
    queryKey: queryKeys.answerSuggestions(input),
    queryFn: ({ signal }) => request<AnswerSuggestions>('POST', '/answers/suggest', { body: input, signal }),
    enabled: text.trim() !== '',
    staleTime: 60_000,
    select: (d) => d.items,
  });
}

/** An answer's text with the variables the desk knows filled in; the others stay for the agent. */
export function renderAnswer(text: string, values: Record<string, string | undefined>): string {
  return text.replace(/\{\{\s*([a-z_][a-z0-9_.]*)\s*\}\}/g, (whole, name: string) => values[name] ?? whole);
}

/**
 * The consistency check before a reply goes out: the reply against the
 * answer it used, or the one the customer's question asks for.
 */
export function checkReply(text: string, question: string, used: AnswerUse | null): Promise<ReplyCheck> {
  return request<ReplyCheck>('POST', '/answers/check', {
    body: { text, ...(question.trim() ? { question } : {}), ...(used ? { answer_id: used.id } : {}) },
  });
}
