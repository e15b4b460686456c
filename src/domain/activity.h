#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/time.h"
#include "domain/enums.h"

namespace luister {

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
  std::string summary;  // first ~200 characters of the message, or a short event description
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
