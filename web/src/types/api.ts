// Shapes of the Luister REST API: named aliases of the types generated from
// docs/openapi.yaml (openapi.gen.ts, `npm run gen:api`; `npm run lint` fails
// when it is stale). Change the spec, not these types. Times are ISO-8601
// UTC strings.
import type { components, operations } from './openapi.gen';

type Schemas = components['schemas'];

export type Role = Schemas['Role'];
export type Permission = Schemas['Permission'];
export type Channel = Schemas['Channel'];
export type ConversationStatus = Schemas['ConversationStatus'];
export type Priority = Schemas['Priority'];
export type Language = Schemas['Language'];
export type IdentityKind = Schemas['IdentityKind'];
export type ActivityKind = Schemas['ActivityKind'];
export type Direction = Schemas['Direction'];

export type User = Schemas['User'];
/** The login response. */
export type Session = Schemas['Session'];
/** `GET /session`: who is calling, with which permissions. */
export type SessionInfo = Schemas['SessionInfo'];
export type Department = Schemas['Department'];
/** A department's opening hours and what they mean now (`configured: false`: always open). */
export type DepartmentHours = Schemas['DepartmentHours'];
/** `PUT /departments/{id}/hours`: the hours as a whole; a day left out of `week` is closed. */
export type DepartmentHoursInput = Schemas['DepartmentHoursInput'];
/** One day's open span, `HH:MM` to `HH:MM` (`24:00` ends the day). */
export type OpenSpan = Schemas['OpenSpan'];
export type Week = Schemas['Week'];
export type Weekday = keyof Week;
/** A closed date or public holiday coming up (holidays with their Dutch and English names). */
export type ClosedDay = Schemas['ClosedDay'];
/** A shop or counter of a department, where customers walk in. */
export type Location = Schemas['Location'];
export type NewWalkIn = Schemas['NewWalkIn'];
/** A public web form (`/forms/<slug>`) and the queue it feeds. */
export type WebForm = Schemas['WebForm'];
/** A social source posting signed webhooks; `secret` only right after it was made. */
export type SocialSource = Schemas['SocialSource'];
export type Chat = Schemas['Chat'];
/** Two customers who are probably one person, with the evidence; a person merges or dismisses. */
export type DuplicateSuggestion = Schemas['DuplicateSuggestion'];
export type ChatWidget = Schemas['ChatWidget'];
export type WalkIn = Schemas['WalkIn'];
export type Queue = Schemas['Queue'];
export type Identity = Schemas['Identity'];
export type Customer = Schemas['Customer'];
export type Conversation = Schemas['Conversation'];
export type Attachment = Schemas['Attachment'];
export type Message = Schemas['Message'];
export type Activity = Schemas['Activity'];
export type TimelinePage = Schemas['TimelinePage'];
/** A phone call, reported by the telephone system or logged by an agent. */
export type Call = Schemas['Call'];
export type CallOutcome = Schemas['CallOutcome'];
export type CallLog = Schemas['CallLog'];
/** A number owed a call back, with its open attempts folded in. */
export type Callback = Schemas['Callback'];
export type CallbackPage = Schemas['CallbackPage'];
/** A background job; a subject export is one. */
export type Job = Schemas['Job'];
export type JobState = Job['state'];
export type MergeRecord = Schemas['MergeRecord'];
export type SearchHit = Schemas['SearchHit'];
export type SearchResults = Schemas['SearchResults'];
export type AuditEntry = Schemas['AuditEntry'];
export type ApiToken = Schemas['ApiToken'];
export type ApiTokenCreated = Schemas['ApiTokenCreated'];
/** An IMAP mailbox of the e-mail channel (admins, `manage_channels`); never with its secret. */
export type Mailbox = Schemas['Mailbox'];
export type MailboxHealth = Schemas['MailboxHealth'];
export type MailSecurity = Schemas['MailSecurity'];
export type MailAuth = Schemas['MailAuth'];
export type AfterImport = Schemas['AfterImport'];
export type NewMailbox = Schemas['NewMailbox'];
export type MailboxPatch = Schemas['MailboxPatch'];
export type MailboxTestRequest = Schemas['MailboxTestRequest'];
export type MailboxTestResult = Schemas['MailboxTestResult'];
/** One server's outcome in a connection test (IMAP, SMTP). */
export type ServerCheck = Schemas['ServerCheck'];
/** What mail answering a closed conversation does (a mailbox setting). */
export type ClosedReplies = Mailbox['closed_replies'];
export type MailboxPollResult = Schemas['MailboxPollResult'];
/** Mail the desk could not take, held for an admin. */
export type QuarantinedMail = Schemas['QuarantinedMail'];
export type QuarantineState = Schemas['QuarantineState'];
/** A reprocessed quarantine entry with what intake did. */
export type QuarantineReprocessed = Schemas['QuarantineReprocessed'];
/** How far the desk got sending a reply it sends itself (a message's `delivery` when not null). */
export type Delivery = Schemas['Delivery'];
/** A reply in the e-mail outbox (`GET /mail/outbox`, admins), with its last error. */
export type OutboxItem = Schemas['OutboxItem'];
/** "Edit and resend" (`POST /mail/outbox/{id}/resend`): a new reply replacing a failed or uncertain one. */
export type ResendRequest = Schemas['ResendRequest'];
/** `POST /mail/outbox/{id}/dismiss`: nobody sends the reply (`cancelled`), or it arrived after all (`sent`). */
export type DismissRequest = Schemas['DismissRequest'];
/** A file kept by `POST /uploads`, named in a message by its `sha256`. */
export type Upload = Schemas['Upload'];
/** A file of a new message (`attachments[]` of NewMessage). */
export type NewAttachment = Schemas['NewAttachment'];

/**
 * A promise, both ways: what the desk promised a customer (`by: us`) or what
 * a customer took on (`by: customer`). Named so it does not shadow the
 * global `Promise`.
 */
export type PromiseRecord = Schemas['Promise'];
export type AnswerRecord = Schemas['Answer'];
export type AnswerDetail = Schemas['AnswerDetail'];
export type AnswerVersion = Schemas['AnswerVersion'];
export type AnswerText = Schemas['AnswerText'];
export type AnswerSuggestions = Schemas['AnswerSuggestions'];
export type AnswerSuggestion = AnswerSuggestions['items'][number];
export type AnswerTold = Schemas['AnswerTold'];
export type AnswerCorrections = Schemas['AnswerCorrections'];
export type AnswerUse = Schemas['AnswerUse'];
/** `GET /assistant/stats`: what the self-service assistant did over the last days. */
export type AssistantStats = Schemas['AssistantStats'];
export type AssistantAnswerStats = AssistantStats['answers'][number];
/** Why the assistant passed a customer to a person. */
export type HandoverReason = NonNullable<Schemas['AssistantHandover']>['reason'];
/** `GET /answers/gaps`: customer questions no published answer matches, grouped. */
export type AnswerGaps = Schemas['AnswerGaps'];
export type AnswerGapGroup = AnswerGaps['groups'][number];
/** `POST /answers/from-conversation`: a draft answer from a resolved conversation. */
export type DraftFromConversation = Schemas['DraftFromConversation'];
/** What a reply says otherwise than the published answer (`POST /answers/check`). */
export type ReplyCheck = Schemas['ReplyCheck'];
/** `GET /answers/consistency`: what agents' replies said against the published answers, per topic and channel. */
export type ConsistencyReport = Schemas['ConsistencyReport'];
export type ConsistencyCounts = Schemas['ConsistencyCounts'];
export type ConsistencyChannel = Schemas['ConsistencyChannel'];
export type ConsistencyTopic = Schemas['ConsistencyTopic'];
/** What replies wrote instead of the published value, and on which channels. */
export type ConsistencyDisagreement = ConsistencyTopic['disagreements'][number];
/** A contradicting reply: its sentence beside the published answer's. */
export type ConsistencyConflict = Schemas['ConsistencyConflict'];
/** One channel's score per day (days without checked replies left out). */
export type ConsistencySeries = ConsistencyReport['series'][number];
/** A promise with where its notice to the customer went (confirm, remind-customer). */
export type PromiseNotified = Schemas['PromiseNotified'];
/** One line of a promise's history. */
export type PromiseEvent = Schemas['PromiseEvent'];
/** `GET /promises/{id}`: the promise with every change, oldest first. */
export type PromiseWithHistory = Schemas['PromiseWithHistory'];
export type PromiseKind = Schemas['PromiseKind'];
export type PromiseParty = Schemas['PromiseParty'];
export type PromiseStatus = Schemas['PromiseStatus'];
export type NewPromise = Schemas['NewPromise'];
/** `POST /promises/{id}/keep`: the version seen, and the message or call that kept it. */
export type KeepPromise = Schemas['KeepPromise'];
/** `POST /promises/{id}/break` and `/cancel` (where the note is required). */
export type PromiseNote = Schemas['PromiseNote'];
export type RenegotiatePromise = Schemas['RenegotiatePromise'];
/** A refused change (409): the problem with the promise as it is now. */
export type PromiseConflict = Schemas['PromiseConflict'];
export type SuggestPromise = Schemas['SuggestPromise'];
export type PromiseSuggestion = Schemas['PromiseSuggestion'];
/** `GET /promises/measures`: how well promises are kept, one row per group. */
export type PromiseMeasures = Schemas['PromiseMeasures'];
export type PromiseMeasureRow = PromiseMeasures['rows'][number];
/** What the measures are counted per (`group`); `week` is the ISO week of the due moment. */
export type PromiseMeasureGroup = NonNullable<NonNullable<operations['getPromiseMeasures']['parameters']['query']>['group']>;

/** `GET /volume/heatmap`: counts and waits by hour and weekday in a time zone, 7 × 24 cells, Monday 0:00 first. */
export type VolumeHeatmap = Schemas['VolumeHeatmap'];
export type VolumeCounts = Schemas['VolumeCounts'];
export type VolumeCell = Schemas['VolumeCell'];
/** `GET /volume/forecast`: contacts expected per interval, the history learnt from and the back-test. */
export type VolumeForecast = Schemas['VolumeForecast'];
export type ForecastInterval = Schemas['ForecastInterval'];
export type ForecastDay = Schemas['ForecastDay'];
export type HistoryDay = Schemas['HistoryDay'];
export type ForecastBacktest = Schemas['ForecastBacktest'];
export type ForecastBacktestHorizon = Schemas['ForecastBacktestHorizon'];
/** Which figures a forecast comes from: the model, or the seasonal-naive baseline where the model did not beat it. */
export type ForecastMethod = VolumeForecast['method'];
/** `GET /staffing/plan`: the staff each interval needs against the staff scheduled and online. */
export type StaffingSchedulePlan = Schemas['StaffingSchedulePlan'];
export type StaffingInterval = Schemas['StaffingInterval'];
export type StaffingStatus = StaffingInterval['status'];
/** A planned shift: `agents` people from `starts_at` to `ends_at`, for a channel, department or queue, or any. */
export type Shift = Schemas['Shift'];
export type NewShift = Schemas['NewShift'];
/** `POST /staffing/shifts/import`: how many shifts a CSV added. */
export type ShiftImport = Schemas['ShiftImport'];

/** What customers ask about (C9, docs/topics.md): an active topic, a candidate from discovery, or one merged or dismissed. */
export type Topic = Schemas['Topic'];
export type TopicStatus = Schemas['TopicStatus'];
/** Where a conversation's topic came from: the classifier, an agent, or accepted discovery. */
export type TopicSource = Schemas['TopicSource'];
/** `GET /topics`: the active topics with volume, trend and difficulty, the candidates, the counts and the model. */
export type TopicsOverview = Schemas['TopicsOverview'];
/** An active topic in the overview, with its effort, weeks, trend, difficulty and priority. */
export type TopicOverview = Schemas['TopicOverview'];
export type TopicEffort = Schemas['TopicEffort'];
export type TopicTrend = Schemas['TopicTrend'];
/** A measure that makes a topic harder than the median topic. */
export type TopicDriver = TopicOverview['drivers'][number];
export type TopicModel = Schemas['TopicModel'];
/** A conversation of a topic (or a candidate's question) with the question that was read. */
export type TopicConversation = Schemas['TopicConversation'];
/** A rise a topic's owner was told of, once per topic and week. */
export type TopicAlert = Schemas['TopicAlert'];
/** `POST /topics/train`, `/topics/discover`: the job queued (202). */
export type TopicJob = Schemas['TopicJob'];
export type NewTopic = Schemas['NewTopic'];
export type TopicPatch = Schemas['TopicPatch'];
/** A conversation's topic and where it came from; every field but `conversation_id` null while it was not read. */
export type ConversationTopic = Schemas['ConversationTopic'];

/** A keyset-paginated list (the spec's `*Page` schemas). */
export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

/** An unpaginated list (the spec's `*List` schemas). */
export interface List<T> {
  items: T[];
}

// The spec's page and list schemas must keep the generic shapes above (a
// compile-time check: a mismatch fails `tsc`).
type Assert<T extends true> = T;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type PageShapesAgree = [
  Assert<Same<Schemas['ConversationPage'], Page<Conversation>>>,
  Assert<Same<Schemas['CustomerPage'], Page<Customer>>>,
  Assert<Same<Schemas['MessagePage'], Page<Message>>>,
  Assert<Same<Schemas['AuditPage'], Page<AuditEntry>>>,
  Assert<Same<Schemas['DepartmentList'], List<Department>>>,
  Assert<Same<Schemas['QueueList'], List<Queue>>>,
  Assert<Same<Schemas['UserList'], List<User>>>,
  Assert<Same<Schemas['ApiTokenList'], List<ApiToken>>>,
  Assert<Same<Schemas['MergeRecordList'], List<MergeRecord>>>,
  Assert<Same<Schemas['MailboxList'], List<Mailbox>>>,
  Assert<Same<Schemas['QuarantinePage'], Page<QuarantinedMail>>>,
  Assert<Same<Schemas['OutboxPage'], Page<OutboxItem>>>,
  Assert<Same<Schemas['PromiseList'], Page<PromiseRecord>>>,
  Assert<Same<Schemas['ShiftList'], List<Shift>>>,
  Assert<Same<Schemas['TopicList'], List<Topic>>>,
  Assert<Same<Schemas['TopicConversationList'], Page<TopicConversation>>>,
  Assert<Same<Schemas['TopicAlertList'], List<TopicAlert>>>,
  // A message's delivery is the Delivery enum or null.
  Assert<Same<Message['delivery'], Delivery | null>>,
];

// Every value of an enum, in the spec's order. The object must name each
// value exactly once, so `tsc` fails when the spec gains or loses one.
type All<T extends string> = { [K in T]: true };
function values<T extends string>(all: All<T>): T[] {
  return Object.keys(all) as T[];
}
export const CHANNELS: Channel[] = values<Channel>({
  email: true, chat: true, phone: true, social: true, shop: true, webform: true,
});
export const STATUSES: ConversationStatus[] = values<ConversationStatus>({
  new: true, open: true, waiting_on_customer: true, waiting_on_us: true, resolved: true, closed: true,
});
export const PRIORITIES: Priority[] = values<Priority>({ low: true, normal: true, high: true, urgent: true });
export const ROLES: Role[] = values<Role>({
  admin: true, manager: true, agent: true, account_manager: true, privacy_officer: true, phone_integration: true,
});
export const WEEKDAYS: Weekday[] = values<Weekday>({
  monday: true, tuesday: true, wednesday: true, thursday: true, friday: true, saturday: true, sunday: true,
});
export const MAIL_SECURITIES: MailSecurity[] = values<MailSecurity>({ tls: true, starttls: true, plain: true });
export const MAIL_AUTHS: MailAuth[] = values<MailAuth>({ password: true, xoauth2: true });
export const AFTER_IMPORTS: AfterImport[] = values<AfterImport>({ mark_seen: true, move: true });
export const CLOSED_REPLIES: ClosedReplies[] = values<ClosedReplies>({ reopen: true, new_conversation: true });
export const QUARANTINE_STATES: QuarantineState[] = values<QuarantineState>({ held: true, reprocessed: true, discarded: true });
export const CALL_OUTCOMES: CallOutcome[] = values<CallOutcome>({
  answered: true, abandoned: true, voicemail: true, callback_requested: true, no_answer: true,
});
export const DELIVERIES: Delivery[] = values<Delivery>({
  queued: true, sending: true, sent: true, failed: true, uncertain: true, cancelled: true,
});
export const PROMISE_KINDS: PromiseKind[] = values<PromiseKind>({
  callback: true, send_information: true, repair_replace: true, refund: true, visit: true, payment: true, documents: true, other: true,
});
/** What makes a topic hard, in the spec's order. */
export const TOPIC_DRIVERS: TopicDriver[] = values<TopicDriver>({
  handle_minutes: true, hours_to_resolve: true, messages_to_resolve: true, contacts_to_resolve: true, transfer_rate: true,
  reopen_rate: true, repeat_rate: true, complaint_rate: true, satisfaction: true,
});
/** The groupings of the promise measures, in the order the page offers them. */
export const PROMISE_MEASURE_GROUPS: PromiseMeasureGroup[] = values<PromiseMeasureGroup>({
  week: true, agent: true, department: true, channel: true, kind: true,
});
