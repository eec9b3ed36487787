// JsonWriter: appends compact JSON to a string. No allocation beyond the
// output string; strings are escaped per RFC 8259 (invalid UTF-8 is assumed
// to have been repaired before it gets here).
//
// Usage:
//   JsonWriter w(&out);
//   w.BeginObject(); w.Key("id"); w.String("a"); w.EndObject();
//
// Thread safety: not thread-safe; one writer per output.
#ifndef SITREP_JSON_WRITER_H_
#define SITREP_JSON_WRITER_H_

#include <charconv>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/offset_map.h"

namespace sitrep {

class JsonWriter {
 public:
  explicit JsonWriter(std::string* out) : out_(out) {}

  // The structural calls and numbers are defined below, inline: a line of
  // JSON makes hundreds of them.
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view k);
  // A key in a char array (a literal, as a format's keys are): `"k":` in
  // one append, built here where its size is known, when its bytes are
  // copied as they are and the array ends with its one '\0'; any other
  // as Key(std::string_view) of the array up to its first '\0' (or all).
  template <size_t N>
  void Key(const char (&k)[N]) {
    const auto as_read = [&] {
      size_t n = 0;
      while (n < N && k[n] != '\0') ++n;
      Key(std::string_view(&k[0], n));
    };
    if constexpr (N > 62) {
      as_read();
    } else {
      char buf[N + 2];
      for (size_t i = 0; i + 1 < N; ++i) {
        const auto c = static_cast<unsigned char>(k[i]);
        if (c < 0x20 || c >= 0x80 || c == '"' || c == '\\') return as_read();
        buf[i + 1] = k[i];
      }
      if (k[N - 1] != '\0') return as_read();
      Comma();
      buf[0] = '"';
      buf[N] = '"';
      buf[N + 1] = ':';
      out_->append(buf, N + 2);
      after_key_ = true;
    }
  }
  void String(std::string_view s);
  void Int(int64_t v) {
    Comma();
    char buf[24];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    out_->append(buf, r.ptr);
  }
  void Double(double v);
  void Bool(bool v) {
    Comma();
    out_->append(v ? "true" : "false");
  }
  void Null() {
    Comma();
    out_->append("null");
  }
  // A byte span as [begin, end].
  void SpanArray(Span s) {
    BeginArray();
    Int(s.begin);
    Int(s.end);
    EndArray();
  }
  // Convenience: null when empty.
  void StringOrNull(std::string_view s) { s.empty() ? Null() : String(s); }
  void OptInt(std::optional<int64_t> v) { v ? Int(*v) : Null(); }

 private:
  void Comma() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ > 0) {
      if (!first_) out_->push_back(',');
      first_ = false;
    }
  }
  void Open(char bracket) {
    Comma();  // (clears the enclosing container's flag)
    out_->push_back(bracket);
    ++depth_;
    first_ = true;
  }
  void Close(char bracket) {
    out_->push_back(bracket);
    --depth_;
    first_ = false;  // the enclosing container holds the one just closed
  }
  std::string* out_;
  // Open containers, and whether the innermost has no element yet. An
  // enclosing container always has one (the container inside it), so its
  // flag needs no stack: it is false again once the inner one closes.
  size_t depth_ = 0;
  bool first_ = false;
  bool after_key_ = false;
};

// Appends `s` as a quoted, escaped JSON string. Bytes that are not
// well-formed UTF-8 become U+FFFD, so the output is always valid JSON.
void AppendJsonString(std::string* out, std::string_view s);

// As AppendJsonString, written at `p` instead: returns the end. REQUIRES:
// `p` has room for JsonStringBound(s.size()) bytes (6 per byte: \u00XX).
constexpr size_t JsonStringBound(size_t n) { return 6 * n + 2; }
char* WriteJsonString(char* p, std::string_view s);

// JsonWriter::Double's text of `v` ("%.10g"; "null" when not finite),
// written at `p` (room for 32 bytes): returns the end.
char* WriteJsonDouble(char* p, double v);

}  // namespace sitrep

#endif  // SITREP_JSON_WRITER_H_
