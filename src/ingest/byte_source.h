// Internal to ingest: pull-based byte streams (files, stdin, gzip members,
// archive entries, strings) and a buffered line reader over them.
//
// Every decompressing stream enforces IngestLimits' expansion budgets as it
// produces bytes, so no input is ever read whole into memory beyond what the
// caller asks for.
//
// Thread safety: not thread-safe; one stream per reading thread.
#ifndef SITREP_INGEST_BYTE_SOURCE_H_
#define SITREP_INGEST_BYTE_SOURCE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/ingest.h"
#include "sitrep/status.h"

namespace sitrep::ingest {

class ByteSource {
 public:
  virtual ~ByteSource() = default;
  // Reads up to `n` bytes into `buf`. Returns 0 only at end of stream.
  virtual Result<size_t> Read(char* buf, size_t n) = 0;
};

// Reads a file descriptor (a file or stdin). Owns the fd when `owned`.
class FdSource : public ByteSource {
 public:
  FdSource(int fd, std::string name, bool owned)
      : fd_(fd), name_(std::move(name)), owned_(owned) {}
  ~FdSource() override;
  FdSource(const FdSource&) = delete;
  FdSource& operator=(const FdSource&) = delete;
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  int fd_;
  std::string name_;
  bool owned_;
};

// Reads a string held elsewhere. `data` must outlive the source.
class StringSource : public ByteSource {
 public:
  explicit StringSource(std::string_view data) : data_(data) {}
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  std::string_view data_;
  size_t pos_ = 0;
};

// Guards against decompression bombs: the total output may not exceed
// `max_expanded_bytes`, and past 1 MB of output, output/input may not exceed
// `max_expansion_ratio`.
class ExpansionGuard {
 public:
  ExpansionGuard(const IngestLimits& limits, std::string what)
      : limits_(limits), what_(std::move(what)) {}
  // Records `in` more compressed and `out` more expanded bytes.
  Status Add(uint64_t in, uint64_t out);
  bool exceeded() const { return exceeded_; }

 private:
  bool exceeded_ = false;
  const IngestLimits& limits_;
  std::string what_;
  uint64_t in_ = 0;
  uint64_t out_ = 0;
};

// Decompresses a (possibly multi-member) gzip stream. A stream that ends
// inside a member is Corruption ("truncated gzip stream").
class GzipSource : public ByteSource {
 public:
  GzipSource(ByteSource& inner, const IngestLimits& limits);
  ~GzipSource() override;
  GzipSource(const GzipSource&) = delete;
  GzipSource& operator=(const GzipSource&) = delete;
  Result<size_t> Read(char* buf, size_t n) override;

 private:
  struct State;
  Status Fill();
  ByteSource& inner_;
  ExpansionGuard guard_;
  std::unique_ptr<State> st_;
  std::vector<char> in_buf_;
  bool in_eof_ = false;
  bool member_done_ = false;
  bool started_ = false;
};

// Buffered reading with lines, exact reads and skips.
class BufferedReader {
 public:
  explicit BufferedReader(ByteSource& src) : src_(src), buf_(64 << 10) {}

  // Replaces *line with the bytes up to and including the next '\n', reading
  // at most `max` bytes. Returns the number of bytes read; 0 at end of
  // stream. The line is cut short (no '\n') when `max` is reached.
  Result<size_t> ReadLine(std::string* line, size_t max);
  // Discards bytes through the next '\n' (or end of stream).
  Status SkipLine();
  // Appends exactly `n` bytes to *out; Corruption if the stream ends first.
  Status ReadExact(uint64_t n, std::string* out);
  // Discards exactly `n` bytes; Corruption if the stream ends first.
  Status Skip(uint64_t n);
  // Appends up to `max` bytes to *out, then drains the rest of the stream;
  // *total is the stream's full length.
  Status ReadAllBounded(size_t max, std::string* out, uint64_t* total);

 private:
  Result<bool> Refill();  // false at end of stream
  size_t avail() const { return end_ - pos_; }

  ByteSource& src_;
  std::vector<char> buf_;
  size_t pos_ = 0;
  size_t end_ = 0;
};

}  // namespace sitrep::ingest

#endif  // SITREP_INGEST_BYTE_SOURCE_H_
