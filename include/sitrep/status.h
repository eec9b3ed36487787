// Status and Result<T>: sitrep's one error type.
//
// A Status is either OK or carries a code and a human-readable message.
// Result<T> holds a T or a non-OK Status. No sitrep function throws across
// a module boundary; OS, SQLite and library errors are converted to a Status
// at the point they are observed (see src/common/status.cc).
//
// Thread safety: values; distinct objects may be used from distinct threads.
#ifndef SITREP_STATUS_H_
#define SITREP_STATUS_H_

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace sitrep {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // bad input from the caller or the document
  kNotFound,           // no such file, article or event
  kIOError,            // the OS refused
  kCorruption,         // stored or archived data is damaged
  kResourceExhausted,  // a budget (size, depth, memory) was exceeded
  kAlreadyExists,
  kUnimplemented,
  kInternal,  // a bug in sitrep
};

class [[nodiscard]] Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message)
      : code_(code), message_(std::move(message)) {}

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string m) {
    return {StatusCode::kInvalidArgument, std::move(m)};
  }
  static Status NotFound(std::string m) {
    return {StatusCode::kNotFound, std::move(m)};
  }
  static Status IOError(std::string m) {
    return {StatusCode::kIOError, std::move(m)};
  }
  static Status Corruption(std::string m) {
    return {StatusCode::kCorruption, std::move(m)};
  }
  static Status ResourceExhausted(std::string m) {
    return {StatusCode::kResourceExhausted, std::move(m)};
  }
  static Status AlreadyExists(std::string m) {
    return {StatusCode::kAlreadyExists, std::move(m)};
  }
  static Status Unimplemented(std::string m) {
    return {StatusCode::kUnimplemented, std::move(m)};
  }
  static Status Internal(std::string m) {
    return {StatusCode::kInternal, std::move(m)};
  }
  // Converts errno (as set by a failed OS call) into an IOError naming `what`.
  static Status FromErrno(std::string_view what, int err);

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "OK" or "<code name>: <message>".
  std::string ToString() const;

  // Returns a copy whose message is "<prefix>: <message>".
  Status WithContext(std::string_view prefix) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Result<T>: a T or an error Status. REQUIRES: the Status given is not OK.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}        // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT
    assert(!std::get<Status>(v_).ok());
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  Status status() const { return ok() ? Status::OK() : std::get<Status>(v_); }

  // REQUIRES: ok().
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace sitrep

#define SITREP_CONCAT_INNER_(a, b) a##b
#define SITREP_CONCAT_(a, b) SITREP_CONCAT_INNER_(a, b)

#define SITREP_RETURN_IF_ERROR(expr)         \
  do {                                       \
    ::sitrep::Status sitrep_st_ = (expr);    \
    if (!sitrep_st_.ok()) return sitrep_st_; \
  } while (0)

#define SITREP_ASSIGN_OR_RETURN_IMPL_(tmp, lhs, expr) \
  auto tmp = (expr);                                  \
  if (!tmp.ok()) return tmp.status();                 \
  lhs = std::move(tmp).value()

#define SITREP_ASSIGN_OR_RETURN(lhs, expr) \
  SITREP_ASSIGN_OR_RETURN_IMPL_(SITREP_CONCAT_(sitrep_r_, __LINE__), lhs, expr)

#endif  // SITREP_STATUS_H_
