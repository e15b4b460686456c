// Shapes of the Luister REST API (docs/openapi.yaml). Times are ISO-8601 UTC strings.

export type Role = 'admin' | 'manager' | 'agent' | 'account_manager' | 'privacy_officer';
export type Channel = 'email' | 'chat' | 'phone' | 'social' | 'shop' | 'webform';
export type ConversationStatus =
  | 'new'
  | 'open'
  | 'waiting_on_customer'
  | 'waiting_on_us'
  | 'resolved'
  | 'closed';
export type Priority = 'low' | 'normal' | 'high' | 'urgent';
export type Language = 'nl' | 'en';
export type IdentityKind = 'email' | 'phone' | 'social';
export type ActivityKind =
  | 'conversation_opened'
  | 'message'
  | 'note'
  | 'handover'
  | 'status_changed'
  | 'assigned'
  | 'merged';

export const CHANNELS: Channel[] = ['email', 'chat', 'phone', 'social', 'shop', 'webform'];
export const STATUSES: ConversationStatus[] = [
  'new',
  'open',
  'waiting_on_customer',
  'waiting_on_us',
  'resolved',
  'closed',
];
export const PRIORITIES: Priority[] = ['low', 'normal', 'high', 'urgent'];
export const ROLES: Role[] = ['admin', 'manager', 'agent', 'account_manager', 'privacy_officer'];

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface List<T> {
  items: T[];
}

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  language: Language;
  department_id: number | null;
  active: boolean;
  created_at: string;
}

export interface Session {
  user: User;
  csrf_token: string;
  expires_at?: string;
  via?: 'session' | 'api_token';
}

export interface Department {
  id: number;
  name: string;
  created_at: string;
}

export interface Queue {
  id: number;
  department_id: number;
  name: string;
  created_at: string;
}

export interface Identity {
  id: number;
  kind: IdentityKind;
  value: string;
  created_at: string;
}

export interface Customer {
  id: number;
  kind: 'person' | 'organisation';
  name: string;
  organisation_id: number | null;
  segment: string;
  language: Language;
  preferred_channel: Channel | null;
  contact_hours: string | null;
  account_manager_id: number | null;
  merged_into_id: number | null;
  identities: Identity[];
  created_at: string;
  updated_at: string;
}

export interface Conversation {
  id: number;
  customer_id: number;
  /** The customer's display name; servers before it was added leave it out. */
  customer_name?: string;
  channel: Channel;
  subject: string;
  status: ConversationStatus;
  priority: Priority;
  department_id: number;
  queue_id: number | null;
  assignee_id: number | null;
  tags: string[];
  message_count: number;
  created_at: string;
  updated_at: string;
  last_message_at: string;
  first_response_at: string | null;
  resolved_at: string | null;
}

export interface Attachment {
  filename: string;
  content_type: string;
  size_bytes: number;
}

export interface Message {
  id: number;
  conversation_id: number;
  customer_id: number;
  channel: Channel;
  direction: 'in' | 'out';
  internal: boolean;
  author_user_id: number | null;
  body_text: string;
  body_html: string;
  attachments: Attachment[];
  created_at: string;
}

export interface Activity {
  id: number;
  customer_id: number;
  at: string;
  kind: ActivityKind;
  channel: Channel | null;
  department_id: number | null;
  conversation_id: number | null;
  message_id: number | null;
  direction: 'in' | 'out' | null;
  actor_user_id: number | null;
  summary: string;
}

export interface TimelinePage extends Page<Activity> {
  customer: { id: number; name: string };
}

export type JobState = 'queued' | 'running' | 'done' | 'failed';

/** A background job (docs/openapi.yaml, Job); a subject export is one. */
export interface Job {
  id: number;
  kind: string;
  state: JobState;
  payload: unknown;
  attempts: number;
  worker: string | null;
  created_by: number | null;
  created_at: string;
  run_at: string;
  finished_at: string | null;
  error: string | null;
  result_url: string | null;
}

export interface MergeRecord {
  id: number;
  source_id: number;
  target_id: number;
  source_name: string;
  by_user_id: number;
  at: string;
  moved_identities: number;
  moved_conversations: number;
  moved_activities: number;
}

export interface SearchHit {
  type: 'message' | 'conversation' | 'customer';
  id: number;
  conversation_id: number | null;
  customer_id: number | null;
  title: string;
  highlight: string;
  rank: number;
  at: string;
}

export interface SearchResults {
  items: SearchHit[];
  offset: number;
  limit: number;
}

export interface AuditEntry {
  id: number;
  at: string;
  user_id: number | null;
  action: string;
  entity: string;
  entity_id: number | null;
  customer_id: number | null;
  endpoint: string;
  ip: string;
}

export interface ApiToken {
  id: number;
  user_id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface ApiTokenCreated extends ApiToken {
  token: string;
}
