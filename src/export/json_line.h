// JsonLine: writes one line of JSON straight into a string's bytes, for a
// fixed layout whose keys (with their commas) are literals: no container
// state, one capacity check per field. Internal to src/export.
//
// Usage:
//   JsonLine j(&out);  // appends; `out` holds the line when j is gone
//   j.Raw("{\"id\":"); j.Str(id); j.Raw("}");
//
// Thread safety: not thread-safe; one writer per string, and `out` must
// not be used while the JsonLine lives.
#ifndef SITREP_EXPORT_JSON_LINE_H_
#define SITREP_EXPORT_JSON_LINE_H_

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "sitrep/json_writer.h"
#include "sitrep/offset_map.h"

namespace sitrep {

class JsonLine {
 public:
  explicit JsonLine(std::string* out) : out_(out), start_(out->size()) {
    out->resize(start_ + kFirstRoom);
    Rebase(start_);
  }
  ~JsonLine() { out_->resize(p_ - out_->data()); }
  JsonLine(const JsonLine&) = delete;
  JsonLine& operator=(const JsonLine&) = delete;

  // A literal, as it is (keys with their quotes, colon and comma).
  template <size_t N>
  void Raw(const char (&lit)[N]) {
    Ensure(N);
    std::memcpy(p_, lit, N - 1);
    p_ += N - 1;
  }
  void Char(char c) {
    Ensure(1);
    *p_++ = c;
  }
  void Str(std::string_view s) {
    Ensure(JsonStringBound(s.size()));
    p_ = WriteJsonString(p_, s);
  }
  void StrOrNull(std::string_view s) { s.empty() ? Raw("null") : Str(s); }
  void Int(int64_t v) {
    Ensure(24);
    p_ = std::to_chars(p_, p_ + 24, v).ptr;
  }
  void OptInt(std::optional<int64_t> v) { v ? Int(*v) : Raw("null"); }
  void Double(double v) {
    Ensure(32);
    p_ = WriteJsonDouble(p_, v);
  }
  // A byte span as [begin,end].
  void SpanArray(Span s) {
    Char('[');
    Int(static_cast<int64_t>(s.begin));
    Char(',');
    Int(static_cast<int64_t>(s.end));
    Char(']');
  }

 private:
  void Ensure(size_t n) {
    if (static_cast<size_t>(end_ - p_) < n) Grow(n);
  }
  void Grow(size_t n) {
    const size_t used = p_ - out_->data();  // the line's room doubles
    out_->resize(used + std::max(n, used - start_ + kFirstRoom));
    Rebase(used);
  }
  void Rebase(size_t used) {
    p_ = out_->data() + used;
    end_ = out_->data() + out_->size();
  }
  static constexpr size_t kFirstRoom = 2048;
  std::string* out_;
  size_t start_;  // where the line begins
  char* p_ = nullptr;
  char* end_ = nullptr;
};

}  // namespace sitrep

#endif  // SITREP_EXPORT_JSON_LINE_H_
