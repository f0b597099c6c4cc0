// Status and StatusOr: how every crosscheck module reports an expected failure.
// Nothing throws across module APIs; main() and handlers map a Status to an
// exit code or a response. Thread-safety: plain values, no shared state.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>

namespace crosscheck {

// A small, stable set of error codes. Detail goes in the message, which names
// the input and says what to do.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // the caller's request is malformed (usage errors)
  kInvalidInput,       // the input data is malformed (bad encoding, empty file)
  kNotFound,           // a named file or record does not exist
  kIoError,            // reading or writing failed
  kResourceExhausted,  // an input exceeds a documented bound
  kInternal,           // a dependency failed unexpectedly
};

const char* ToString(StatusCode code);

class Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  static Status Ok() { return Status(); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  std::string ToString() const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

inline Status InvalidArgument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
inline Status InvalidInput(std::string m) { return {StatusCode::kInvalidInput, std::move(m)}; }
inline Status NotFound(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
inline Status IoError(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
inline Status ResourceExhausted(std::string m) { return {StatusCode::kResourceExhausted, std::move(m)}; }
inline Status Internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

// Either a value or a non-ok Status.
template <typename T>
class StatusOr {
 public:
  StatusOr(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  StatusOr(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  T& value() & {
    assert(ok());
    return *value_;
  }
  const T& value() const& {
    assert(ok());
    return *value_;
  }
  T&& value() && {
    assert(ok());
    return std::move(*value_);
  }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  Status status_;
  std::optional<T> value_;
};

namespace internal {
inline const Status& StatusOf(const Status& s) { return s; }
template <typename T>
const Status& StatusOf(const StatusOr<T>& s) {
  return s.status();
}
}  // namespace internal

}  // namespace crosscheck

// Returns from the enclosing function when `expr` (a Status or a StatusOr)
// is not ok, passing its Status on.
#define CROSSCHECK_RETURN_IF_ERROR(expr)                            \
  do {                                                              \
    const auto& crosscheck_status_ = (expr);                        \
    if (!::crosscheck::internal::StatusOf(crosscheck_status_).ok()) \
      return ::crosscheck::internal::StatusOf(crosscheck_status_);  \
  } while (0)

#define CROSSCHECK_CONCAT_INNER(a, b) a##b
#define CROSSCHECK_CONCAT(a, b) CROSSCHECK_CONCAT_INNER(a, b)
// `lhs = *expr` when the StatusOr `expr` is ok; otherwise returns its Status.
#define CROSSCHECK_ASSIGN_OR_RETURN(lhs, expr) \
  CROSSCHECK_ASSIGN_OR_RETURN_IMPL(CROSSCHECK_CONCAT(crosscheck_or_, __LINE__), lhs, expr)
#define CROSSCHECK_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                     \
  if (!tmp.ok()) return tmp.status();                    \
  lhs = std::move(*tmp)
