#include "ingest/byte_source.h"

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sitrep::ingest {

FdSource::~FdSource() {
  if (owned_ && fd_ >= 0) close(fd_);
}

Result<size_t> FdSource::Read(char* buf, size_t n) {
  while (true) {
    ssize_t r = read(fd_, buf, n);
    if (r >= 0) return static_cast<size_t>(r);
    if (errno == EINTR) continue;
    return Status::FromErrno(name_, errno);
  }
}

Result<size_t> StringSource::Read(char* buf, size_t n) {
  size_t k = std::min(n, data_.size() - pos_);
  std::memcpy(buf, data_.data() + pos_, k);
  pos_ += k;
  return k;
}

Status ExpansionGuard::Add(uint64_t in, uint64_t out) {
  in_ += in;
  out_ += out;
  if (out_ > limits_.max_expanded_bytes) {
    exceeded_ = true;
    return Status::ResourceExhausted(
        what_ + " expands past " + std::to_string(limits_.max_expanded_bytes) +
        " bytes");
  }
  if (out_ > (1u << 20) &&
      static_cast<double>(out_) >
          limits_.max_expansion_ratio *
              static_cast<double>(std::max<uint64_t>(in_, 1))) {
    exceeded_ = true;
    return Status::ResourceExhausted(
        what_ + " expansion ratio over " +
        std::to_string(static_cast<int>(limits_.max_expansion_ratio)) +
        " (decompression bomb?)");
  }
  return Status::OK();
}

Result<bool> BufferedReader::Refill() {
  if (pos_ > 0 && pos_ == end_) pos_ = end_ = 0;
  if (end_ == buf_.size()) {
    std::memmove(buf_.data(), buf_.data() + pos_, avail());
    end_ -= pos_;
    pos_ = 0;
  }
  Result<size_t> r = src_.Read(buf_.data() + end_, buf_.size() - end_);
  if (!r.ok()) return r.status();
  end_ += *r;
  return *r > 0;
}

Result<size_t> BufferedReader::ReadLine(std::string* line, size_t max) {
  line->clear();
  while (line->size() < max) {
    if (avail() == 0) {
      Result<bool> more = Refill();
      if (!more.ok()) return more.status();
      if (!*more) break;
    }
    size_t want = std::min(avail(), max - line->size());
    const char* p = buf_.data() + pos_;
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', want));
    size_t take = nl ? static_cast<size_t>(nl - p) + 1 : want;
    line->append(p, take);
    pos_ += take;
    if (nl) break;
  }
  return line->size();
}

Status BufferedReader::SkipLine() {
  while (true) {
    if (avail() == 0) {
      Result<bool> more = Refill();
      if (!more.ok()) return more.status();
      if (!*more) return Status::OK();
    }
    const char* p = buf_.data() + pos_;
    const char* nl = static_cast<const char*>(std::memchr(p, '\n', avail()));
    if (nl) {
      pos_ += static_cast<size_t>(nl - p) + 1;
      return Status::OK();
    }
    pos_ = end_;
  }
}

Status BufferedReader::ReadExact(uint64_t n, std::string* out) {
  while (n > 0) {
    if (avail() == 0) {
      Result<bool> more = Refill();
      if (!more.ok()) return more.status();
      if (!*more) return Status::Corruption("stream ends inside a record");
    }
    size_t take = static_cast<size_t>(std::min<uint64_t>(n, avail()));
    if (out) out->append(buf_.data() + pos_, take);
    pos_ += take;
    n -= take;
  }
  return Status::OK();
}

Status BufferedReader::Skip(uint64_t n) { return ReadExact(n, nullptr); }

Status BufferedReader::ReadAllBounded(size_t max, std::string* out,
                                      uint64_t* total) {
  *total = 0;
  while (true) {
    if (avail() == 0) {
      Result<bool> more = Refill();
      if (!more.ok()) return more.status();
      if (!*more) return Status::OK();
    }
    size_t room = out->size() < max ? max - out->size() : 0;
    out->append(buf_.data() + pos_, std::min(room, avail()));
    *total += avail();
    pos_ = end_;
  }
}

}  // namespace sitrep::ingest
