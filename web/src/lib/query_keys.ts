// Query keys shared by features and the live-event invalidation, so that an
// event names exactly the cached data it makes stale.
export const queryKeys = {
  session: ['session'] as const,
  departments: ['departments'] as const,
  queues: ['queues'] as const,
  users: ['users'] as const,
  conversations: ['conversations'] as const,
  conversationList: (filters: object) => ['conversations', filters] as const,
  conversation: (id: number) => ['conversation', id] as const,
  messages: (id: number) => ['messages', id] as const,
  customers: ['customers'] as const,
  customer: (id: number) => ['customer', id] as const,
  timeline: (customerId: number) => ['timeline', customerId] as const,
  merges: (customerId: number) => ['merges', customerId] as const,
  job: (id: number) => ['job', id] as const,
  search: ['search'] as const,
  audit: ['audit'] as const,
  apiTokens: ['api-tokens'] as const,
  mailboxes: ['mailboxes'] as const,
  quarantine: ['quarantine'] as const,
  outbox: ['outbox'] as const,
  callbacks: ['callbacks'] as const,
};
