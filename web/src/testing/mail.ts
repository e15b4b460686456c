import type { Mailbox, Message, OutboxItem, QuarantinedMail } from '@/types/api';

const at = '2026-11-27T09:00:00.000Z';

/** A mailbox as `GET /mailboxes` answers it: healthy, polled, with some mail behind it. */
export function mailboxFixture(id: number, over: Partial<Mailbox> = {}, state: Partial<Mailbox['state']> = {}): Mailbox {
  return {
    id, queue_id: 7, name: `Box ${id}`, address: `box${id}@example.org`, host: 'imap.example.org', port: 993,
    security: 'tls', username: `box${id}`, auth: 'password', has_secret: true, folder: 'INBOX', poll_seconds: 60,
    after_import: 'mark_seen', move_to: '', smtp_host: 'smtp.example.org', smtp_port: 587, smtp_security: 'starttls',
    from_name: '', closed_replies: 'reopen', enabled: true,
    state: { health: 'ok', last_error: null, last_error_at: null, last_success_at: at, failures: 0, uidvalidity: 1, last_uid: 40, ...state },
    counts: { received: 40, imported: 35, duplicates: 2, ignored: 2, quarantined: 1 },
    created_at: at, updated_at: at, ...over,
  };
}

/** Held quarantined mail from mailbox 1 for queue 7. */
export function heldMailFixture(id: number, over: Partial<QuarantinedMail> = {}): QuarantinedMail {
  return {
    id, source: 'imap:1', queue_id: 7, size_bytes: 4200, reason: 'not an e-mail message: no From header',
    state: 'held', received_at: at, resolved_at: null, resolved_by: null, ...over,
  };
}

/** A reply of conversation 17 that failed for good after one attempt through mailbox 1. */
export function outboxFixture(messageId: number, over: Partial<OutboxItem> = {}): OutboxItem {
  return {
    message_id: messageId, conversation_id: 17, delivery: 'failed', rfc_message_id: `luister.${messageId}.abc@example.org`,
    mailbox_id: 1, attempts: 1, next_attempt_at: null, last_error: 'the server refused it: 550 5.1.1 mailbox unavailable',
    sent_at: null, to_address: null, replaces_message_id: null, created_at: at, ...over,
  };
}

/** A message of conversation 17 by agent 1 (an e-mail reply the desk sends, queued), or as `over` says. */
export function messageFixture(id: number, over: Partial<Message> = {}): Message {
  return {
    id, conversation_id: 17, customer_id: 5, channel: 'email', direction: 'out', internal: false, author_user_id: 1,
    body_text: `Message ${id}`, body_html: '', new_text: null, attachments: [], automatic: false, delivery: 'queued', delivery_error: null, answer: null,
    created_at: at, ...over,
  };
}
