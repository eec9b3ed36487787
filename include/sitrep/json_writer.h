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

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view k);
  void String(std::string_view s);
  void Int(int64_t v);
  void Double(double v);
  void Bool(bool v);
  void Null();
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
  void Comma();
  void Open(char bracket);
  void Close(char bracket);
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

}  // namespace sitrep

#endif  // SITREP_JSON_WRITER_H_
