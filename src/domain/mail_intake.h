#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/result.h"
#include "common/time.h"
#include "domain/blob.h"
#include "domain/conversation_service.h"
#include "domain/customer_service.h"
#include "domain/mail.h"
#include "domain/mail_quarantine.h"
#include "domain/repositories.h"

namespace luister {

// Where inbound mail for one mailbox or pipe goes.
struct MailDestination {
  int64_t department_id = 0;
  std::optional<int64_t> queue_id;
  // The desk's own addresses (this queue's and its aliases), lower case:
  // mail from them is our own and never opens a conversation.
  std::vector<std::string> own_addresses;
  // Date conversations and messages by the mail's Date header (importing
  // an archive) instead of the time it arrived (live mail, where the wait
  // starts when it arrives). A date outside 1970 to now is never used.
  bool use_mail_date = false;
  // Mail answering a closed conversation opens a new conversation that
  // follows it up (Conversation::follows_id) instead of reopening it. Staff
  // writing from their own mail client still add to the closed one.
  bool new_after_closed = false;
  // Tell the sender, by an automatic reply, which attachments were too
  // large to keep (live mail into a queue whose replies can be sent; never
  // an import of old mail).
  bool tell_dropped_attachments = false;
};

// The automatic reply that tells a sender which of their attachments the
// desk did not keep (too large), in `language`; empty when none was dropped.
std::string DroppedAttachmentsNotice(const InboundMail& mail, Language language);

enum class IntakeOutcome {
  kOpened,     // a new conversation
  kAppended,   // added to the conversation it answers
  kDuplicate,  // this message was stored before (same Message-ID)
  kAutoReply,  // an auto-reply, vacation notice or list mail: not stored
  kBounce,     // a delivery failure report: not a conversation
  kOwnMail,    // sent by the desk itself (a loop)
};
std::string_view IntakeOutcomeName(IntakeOutcome outcome);

struct IntakeResult {
  IntakeOutcome outcome = IntakeOutcome::kOpened;
  std::optional<int64_t> customer_id;
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> message_id;
  std::string reason;  // why mail was not stored
};

// Reads raw mail for the domain (channels/email: GMime): the parser and
// the hash raw copies are kept under.
class MailReader {
 public:
  virtual ~MailReader() = default;
  // InvalidArgument when the bytes are not a message the desk can read.
  virtual Result<InboundMail> Parse(std::string_view raw) = 0;
  virtual std::string Sha256Hex(std::string_view raw) = 0;
};

// What became of one raw message (MailIntakeService::Take).
struct TakenMail {
  std::optional<IntakeResult> result;  // when the desk took it
  std::optional<int64_t> quarantined;  // the quarantine entry when it was held instead
  std::string key;                     // MailExternalId, or the raw hash when unreadable
  std::string line;                    // one line for the person or log watching
};

// The message id a mail is stored under: its Message-ID, or, when it has
// none, one made from the hash of its bytes, so that the same bytes are
// still recognised when they come again.
std::string MailExternalId(const InboundMail& mail);

// A conversation number written in a subject as "[#1042]", if any.
std::optional<int64_t> SubjectReference(std::string_view subject);

// Turns one inbound e-mail into the customer's conversation, exactly once.
//
//  - Auto-replies and bounces never open a conversation, nor does mail
//    from the desk's own addresses.
//  - A Message-ID already stored is a duplicate: nothing is written (a
//    message sent to two of the desk's addresses arrives twice).
//  - The sender is the customer who has that address (an e-mail
//    identity); an unknown sender becomes a new customer named by the
//    display name.
//  - Threading: In-Reply-To and References first (the newest known id),
//    then a "[#N]" in the subject, but only for conversation N of this same
//    customer; never the subject's text. A reply to a resolved or closed
//    conversation reopens it (the message plan moves it to waiting on us).
//  - Mail from an active staff member (a user with that address) is their
//    answer sent from their own mail client with the queue in CC: it joins
//    the conversation it answers as an outgoing message by them (already
//    delivered, so never sent again), or, answering none, opens one for the
//    first recipient who is neither the desk nor staff. Naming no customer,
//    it is refused (InvalidArgument), so the sender hears of it.
//  - The conversation and its first message are written in one
//    transaction; a race with another node storing the same Message-ID ends
//    as a duplicate, not as two messages.
class MailIntakeService {
 public:
  MailIntakeService(Store& store, const Clock& clock, CustomerService& customers,
                    ConversationService& conversations)
      : store_(store), clock_(clock), customers_(customers), conversations_(conversations) {}

  // `raw` is the message as it arrived: kept (BlobRepository) with the
  // stored message, as are the attachments' bytes, so nothing the sender
  // sent is lost and the message can be read again after a parser fix.
  Result<IntakeResult> Intake(const InboundMail& mail, const MailDestination& to,
                              std::string_view raw = {});

  // One raw message from `source` ("mailgate", "import", "imap:3"): read,
  // then stored or recognised (duplicate, auto-reply, bounce, loop), or,
  // when it cannot be taken, quarantined with the reason. An error only
  // when the database failed: the mail must then stay where it came from
  // and come again.
  Result<TakenMail> Take(MailReader& reader, std::string_view raw, const MailDestination& to,
                         const std::string& source);
  // Take, with `raw` already read by `reader` into `parsed` (an import
  // parses the next messages on another thread while this one stores).
  Result<TakenMail> TakeParsed(MailReader& reader, std::string_view raw, Result<InboundMail> parsed,
                               const MailDestination& to, const std::string& source);

  // Reads quarantined mail `entry` again (after a parser fix, or once its
  // sender is known) into `to`, and marks it reprocessed by `by_user_id`
  // (nullopt: the command line). Conflict when it is no longer held;
  // InvalidArgument when it still cannot be read or taken.
  Result<IntakeResult> Reprocess(MailReader& reader, const QuarantinedMail& entry,
                                 const MailDestination& to, std::optional<int64_t> by_user_id);

  // More live messages than this from one sender within an hour are held in
  // the quarantine as a possible loop (0: no limit).
  void set_max_per_sender_per_hour(int n) { max_per_sender_per_hour_ = n; }

 private:
  Result<int64_t> ResolveCustomer(const MailAddress& from);
  // A bounce that names a message the desk sent: linked to it.
  Status BounceOf(const InboundMail& mail, IntakeResult* r);
  Result<IntakeResult> Duplicate(const std::string& external_id);
  // The conversation `mail` answers by its ids, or by a "[#N]" in the
  // subject when `subject_owner` is N's customer (any N when nullopt).
  Result<std::optional<int64_t>> Thread(const InboundMail& mail,
                                        std::optional<int64_t> subject_owner);
  // An active staff member's id for `address`, if it is one.
  Result<std::optional<int64_t>> StaffMember(const std::string& address);
  // Writes the message: into `conversation_id`, or a new conversation of
  // `customer_id`.
  Result<IntakeResult> Save(const InboundMail& mail, std::string_view raw,
                            const MailDestination& to, int64_t customer_id,
                            std::optional<int64_t> conversation_id,
                            std::optional<int64_t> staff_author);

  Store& store_;
  const Clock& clock_;
  CustomerService& customers_;
  ConversationService& conversations_;
  int max_per_sender_per_hour_ = 30;
};

}  // namespace luister
