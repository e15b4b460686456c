#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "common/time.h"
#include "domain/enums.h"

namespace luister {

// What an event on the timeline says, as data: ids, names as they were, and
// old/new values (wire names of enums). Never a sentence in one language: the
// readers (the web app in Dutch or English, exports) word it themselves.
// Keys are in the order they were set; setting a key again replaces it.
class ActivityParams {
 public:
  using Value = std::variant<int64_t, std::string>;

  ActivityParams& Set(std::string_view key, Value value);
  const Value* Find(std::string_view key) const;
  std::optional<int64_t> Int(std::string_view key) const;
  std::optional<std::string> Text(std::string_view key) const;
  const std::vector<std::pair<std::string, Value>>& items() const { return items_; }
  bool empty() const { return items_.empty(); }
  bool operator==(const ActivityParams&) const = default;

 private:
  std::vector<std::pair<std::string, Value>> items_;
};

// One entry in a customer's timeline: a contact or an event around one, on
// any channel, in any department. Written by storage in the same transaction
// as the change it records, so the timeline never disagrees with the data.
struct Activity {
  int64_t id = 0;
  int64_t customer_id = 0;
  Timestamp at{};
  ActivityKind kind = ActivityKind::kMessage;
  std::optional<Channel> channel;
  std::optional<int64_t> department_id;
  std::optional<int64_t> conversation_id;
  std::optional<int64_t> message_id;
  std::optional<Direction> direction;
  std::optional<int64_t> actor_user_id;
  // What happened, for events (status_changed: from, to; assigned:
  // assignee_id; handover: from_department_id, to_department_id,
  // to_queue_id; merged: source_id, source_name). Empty for contacts.
  ActivityParams params;
  // Words a person wrote, never text of ours: the first ~200 characters of
  // the message or note, the subject of an opened conversation, the note of
  // a handover. Empty for the other events.
  std::string summary;
};

struct TimelineFilter {
  std::optional<Channel> channel;
  std::optional<int64_t> department_id;
  std::optional<Timestamp> from;  // inclusive
  std::optional<Timestamp> to;    // exclusive
  bool include_internal = true;   // notes are staff-only; all API readers are staff
};

// An activity's summary line: the first `max_chars` code points of `text`
// with whitespace runs collapsed, never cutting a UTF-8 sequence; "…" marks
// a cut.
std::string Summarize(std::string_view text, size_t max_chars = 200);

}  // namespace luister
