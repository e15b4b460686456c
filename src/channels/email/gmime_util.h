#pragma once

#include <gmime/gmime.h>

#include <memory>
#include <string>

// Small helpers shared by the GMime readers (mime_parser.cc, form_data.cc).
namespace luister::email {

struct GUnref {
  void operator()(gpointer p) const {
    if (p != nullptr) g_object_unref(p);
  }
};
// An owned GObject reference.
template <typename T>
using GPtr = std::unique_ptr<T, GUnref>;

// The bytes written to a GMimeStreamMem.
std::string StreamBytes(GMimeStream* stream);
// The decoded bytes of a leaf part (transfer encoding undone).
std::string DecodedContent(GMimePart* part);

}  // namespace luister::email
