#pragma once

#include <istream>
#include <string>

namespace luister::email {

// Reads an mbox file one message at a time (mboxo and mboxrd: a message
// starts at a "From " line after a blank line or at the start; ">From "
// lines lose one '>'), without holding more than one message in memory. A
// file without any "From " line is one message.
class MboxReader {
 public:
  explicit MboxReader(std::istream& in) : in_(in) {}

  // The next message's bytes; false at the end.
  bool Next(std::string* message);

 private:
  std::istream& in_;
  std::string pending_from_;
};

}  // namespace luister::email
