// Query keys shared by features and the live-event invalidation, so that an
// event names exactly the cached data it makes stale.
export const queryKeys = {
  session: ['session'] as const,
  departments: ['departments'] as const,
  departmentHours: (departmentId: number) => ['department-hours', departmentId] as const,
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
  duplicates: (customerId: number) => ['duplicates', customerId] as const,
  job: (id: number) => ['job', id] as const,
  search: ['search'] as const,
  audit: ['audit'] as const,
  apiTokens: ['api-tokens'] as const,
  mailboxes: ['mailboxes'] as const,
  quarantine: ['quarantine'] as const,
  outbox: ['outbox'] as const,
  callbacks: ['callbacks'] as const,
  locations: ['locations'] as const,
  webForms: ['web-forms'] as const,
  socialSources: ['social-sources'] as const,
  chat: (conversationId: number) => ['chat', conversationId] as const,
  chatWidgets: ['chat-widgets'] as const,
  /** Every promise list (a customer's, a conversation's); `promise.changed` makes them all stale. */
  answers: ['answers'] as const,
  answerList: (filters: object) => ['answers', 'list', filters] as const,
  answer: (id: number) => ['answers', 'one', id] as const,
  answerTold: (id: number) => ['answers', 'told', id] as const,
  /** The published answers a text asks for; under `answers`, so a change to the library makes it stale. */
  answerSuggestions: (input: object) => ['answers', 'suggest', input] as const,
  /** Customer questions no answer matches; under `answers`, so a change to the library makes it stale. */
  answerGaps: (days: number) => ['answers', 'gaps', days] as const,
  /** The consistency report (`GET /answers/consistency`); under `answers`, so a change to the library makes it stale. */
  answerConsistency: (params: object) => ['answers', 'consistency', params] as const,
  /** What the self-service assistant did (`GET /assistant/stats`). */
  assistantStats: (days: number) => ['assistant-stats', days] as const,
  /** Everything the staffing page reads; a change to the shifts makes the plan stale too. */
  staffing: ['staffing'] as const,
  volumeHeatmap: (params: object) => ['staffing', 'heatmap', params] as const,
  volumeForecast: (params: object) => ['staffing', 'forecast', params] as const,
  staffingPlan: (params: object) => ['staffing', 'plan', params] as const,
  /** The customer segments the volume can be narrowed to (`GET /volume/segments`). */
  volumeSegments: ['staffing', 'segments'] as const,
  shifts: (params: object) => ['staffing', 'shifts', params] as const,
  /** Everything the topics page reads; a change to a topic, a candidate or a conversation's topic makes it all stale. */
  topics: ['topics'] as const,
  /** `GET /topics` over a period (`{}`: the server's default, the last 28 days). */
  topicsOverview: (params: object) => ['topics', 'overview', params] as const,
  /** The rising topics' owners were alerted of (`GET /topics/alerts`). */
  topicAlerts: ['topics', 'alerts'] as const,
  /** A topic's conversations, page by page, a candidate's questions, or those without a topic (`unclassified`). */
  topicConversations: (topic: number | 'unclassified', params: object) => ['topics', 'conversations', topic, params] as const,
  /** A conversation's topic (an audited read: apart from `conversation`, which live events make stale often). */
  conversationTopic: (conversationId: number) => ['conversation-topic', conversationId] as const,
  promises: ['promises'] as const,
  promiseList: (filters: object) => ['promises', filters] as const,
  /** The promises page's list, page by page (an infinite query: apart from `promiseList`, whose data is one page). */
  promisePages: (filters: object) => ['promises', 'pages', filters] as const,
  /** How well promises are kept (`GET /promises/measures`); under `promises`, so a change makes it stale too. */
  promiseMeasures: (params: object) => ['promises', 'measures', params] as const,
  /** What a text promises (`POST /promises/suggest`); apart from `promises`, which a change makes stale. */
  promiseSuggestion: (input: object) => ['promise-suggestion', input] as const,
};
