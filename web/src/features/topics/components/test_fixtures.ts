import type { ConversationTopic, Topic, TopicAlert, TopicConversation, TopicEffort, TopicOverview, TopicsOverview } from '@/types/api';

// Answers of the topics endpoints for the component tests: three active
// topics (Retourneren rising and first by priority, Levering the largest,
// Garantie the hardest), two candidates, a trained model.

const at = '2026-12-01T09:00:00Z';

export function effortFixture(over: Partial<TopicEffort> = {}): TopicEffort {
  return {
    volume: 0, handle_minutes: null, hours_to_resolve: 4, messages_to_resolve: 3, contacts_to_resolve: 1.1, transfer_rate: 0.05,
    reopen_rate: 0.05, repeat_rate: 0.1, complaint_rate: 0.01, satisfaction: null, ...over,
  };
}

export function topicFixture(id: number, name: string, over: Partial<TopicOverview> = {}): TopicOverview {
  return {
    id, name, status: 'active', discovered: false, owner_user_id: null, terms: [], merged_into: null, created_at: at, updated_at: at, version: 2,
    effort: effortFixture(), weekly: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    trend: { observed: 5, expected: 5, ratio: 1, z: 0, rising: false, seasonal: false },
    difficulty: 1, priority: 1, drivers: [], ...over,
  };
}

export function candidateFixture(id: number, name: string, over: Partial<Topic> = {}): Topic {
  return {
    id, name, status: 'candidate', discovered: true, owner_user_id: null, terms: [], merged_into: null, created_at: at, updated_at: at,
    version: 1, size: 4, recent: 1, new_theme: false, ...over,
  };
}

export const retourneren = topicFixture(3, 'Retourneren', {
  owner_user_id: 1,
  effort: effortFixture({ volume: 40, hours_to_resolve: 31 }),
  weekly: [2, 3, 2, 4, 3, 2, 3, 4, 3, 2, 5, 15],
  trend: { observed: 15, expected: 6, ratio: 2.5, z: 3.7, rising: true, seasonal: true },
  difficulty: 1.2, priority: 48, drivers: ['hours_to_resolve'],
});
export const levering = topicFixture(4, 'Levering', {
  effort: effortFixture({ volume: 60 }),
  trend: { observed: 11, expected: 10, ratio: 1.1, z: 0.3, rising: false, seasonal: false },
  difficulty: 0.6, priority: 36,
});
export const garantie = topicFixture(5, 'Garantie', {
  effort: effortFixture({ volume: 10, reopen_rate: 0.3, complaint_rate: 0.125 }),
  trend: { observed: 2, expected: 2.5, ratio: 0.8, z: -0.3, rising: false, seasonal: false },
  difficulty: 2.4, priority: 24, drivers: ['reopen_rate', 'complaint_rate'],
});

export const bezorging = candidateFixture(21, 'pakket bezorger kwijt', { terms: ['pakket', 'bezorger', 'kwijt'], size: 12, recent: 9, new_theme: true, version: 4 });
export const factuur = candidateFixture(22, 'factuur btw', { terms: ['factuur', 'btw'] });

export function overviewFixture(over: Partial<TopicsOverview> = {}): TopicsOverview {
  return {
    from: '2026-11-03T09:00:00Z', to: '2026-12-01T09:00:00Z', week_start: '2026-11-30T00:00:00Z',
    topics: [garantie, levering, retourneren],
    candidates: [bezorging, factuur],
    unclassified: { effort: effortFixture({ volume: 7 }), weekly: [0, 1, 0, 0, 1, 0, 2, 0, 1, 0, 1, 1] },
    counts: { labelled: 25, classified: 80, unclassified: 7 },
    model: { id: 9, created_at: '2026-12-01T02:00:00Z', created_by: null, examples: 1234, topics: 3, accuracy: 0.87, threshold: 0.91, bytes: 40_000 },
    ...over,
  };
}

export const alertFixture: TopicAlert = {
  id: 1, topic_id: 3, topic_name: 'Retourneren', week_start: '2026-11-30T00:00:00Z', observed: 15, expected: 6, owner_user_id: 1, created_at: at,
};

export function conversationFixture(id: number, over: Partial<TopicConversation> = {}): TopicConversation {
  return {
    id, customer_id: 50 + id, subject: `Onderwerp ${id}`, channel: 'email', status: 'open', source: 'classifier', confidence: 0.82,
    opened_at: at, question: `Hoe stuur ik bestelling ${id} terug?`, ...over,
  };
}

export function conversationTopicFixture(over: Partial<ConversationTopic> = {}): ConversationTopic {
  return {
    conversation_id: 17, topic_id: 3, topic_name: 'Retourneren', source: 'classifier', confidence: 0.82, model_id: 9, assigned_by: null,
    assigned_at: at, message_id: 40, ...over,
  };
}
