#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace luister {

// Fixed-width little-endian numbers in a byte string, for models kept as
// blobs (topic_classifier.h). The writer appends; the reader advances a
// position and answers false, leaving it alone, when the bytes run out.

inline void PutU32(std::string* out, uint32_t v) {
  for (int i = 0; i < 4; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
inline void PutU64(std::string* out, uint64_t v) {
  for (int i = 0; i < 8; ++i) out->push_back(static_cast<char>((v >> (8 * i)) & 0xFF));
}
inline void PutF32(std::string* out, float v) {
  uint32_t bits = 0;
  std::memcpy(&bits, &v, sizeof bits);
  PutU32(out, bits);
}
inline void PutString(std::string* out, std::string_view s) {
  PutU32(out, static_cast<uint32_t>(s.size()));
  out->append(s);
}

inline bool GetU32(std::string_view in, size_t* pos, uint32_t* v) {
  if (in.size() < 4 || *pos > in.size() - 4) return false;
  uint32_t r = 0;
  for (int i = 0; i < 4; ++i) r |= uint32_t{static_cast<unsigned char>(in[*pos + i])} << (8 * i);
  *v = r;
  *pos += 4;
  return true;
}
inline bool GetU64(std::string_view in, size_t* pos, uint64_t* v) {
  if (in.size() < 8 || *pos > in.size() - 8) return false;
  uint64_t r = 0;
  for (int i = 0; i < 8; ++i) r |= uint64_t{static_cast<unsigned char>(in[*pos + i])} << (8 * i);
  *v = r;
  *pos += 8;
  return true;
}
inline bool GetF32(std::string_view in, size_t* pos, float* v) {
  uint32_t bits = 0;
  if (!GetU32(in, pos, &bits)) return false;
  std::memcpy(v, &bits, sizeof bits);
  return true;
}
inline bool GetString(std::string_view in, size_t* pos, std::string* s) {
  size_t p = *pos;
  uint32_t n = 0;
  if (!GetU32(in, &p, &n) || n > in.size() - p) return false;
  s->assign(in.substr(p, n));
  *pos = p + n;
  return true;
}

// FNV-1a, 64 bits: term hashes and blob checksums (not for security).
inline uint64_t Fnv1a(std::string_view s, uint64_t h = 0xcbf29ce484222325ULL) {
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return h;
}

}  // namespace luister
