#include "channels/email/mbox_reader.h"

namespace luister::email {

bool MboxReader::Next(std::string* message) {
  message->clear();
  std::string line;
  bool started = !pending_from_.empty();
  pending_from_.clear();
  bool previous_blank = true;
  while (std::getline(in_, line)) {
    if (line.rfind("From ", 0) == 0 && previous_blank) {
      if (started) {
        pending_from_ = line;
        // The blank line before the separator belongs to the mbox.
        if (message->size() >= 1 && message->back() == '\n') message->pop_back();
        return true;
      }
      started = true;
      continue;
    }
    if (!started) {
      if (line.empty()) continue;
      started = true;  // no "From " line: a single message
    }
    size_t gt = 0;
    while (gt < line.size() && line[gt] == '>') ++gt;
    if (gt > 0 && line.compare(gt, 5, "From ") == 0) line.erase(0, 1);
    previous_blank = line.empty() || line == "\r";
    message->append(line).push_back('\n');
  }
  return started && !message->empty();
}

}  // namespace luister::email
