// GzipSource: streaming, multi-member gzip decompression with budgets.
#include <zlib.h>

#include "ingest/byte_source.h"

namespace sitrep::ingest {

struct GzipSource::State {
  z_stream z{};
  bool init = false;
};

GzipSource::GzipSource(ByteSource& inner, const IngestLimits& limits)
    : inner_(inner),
      guard_(limits, "gzip stream"),
      st_(std::make_unique<State>()),
      in_buf_(64 << 10) {}

GzipSource::~GzipSource() {
  if (st_->init) inflateEnd(&st_->z);
}

Status GzipSource::Fill() {
  Result<size_t> r = inner_.Read(in_buf_.data(), in_buf_.size());
  if (!r.ok()) return r.status();
  if (*r == 0) in_eof_ = true;
  st_->z.next_in = reinterpret_cast<Bytef*>(in_buf_.data());
  st_->z.avail_in = static_cast<uInt>(*r);
  return Status::OK();
}

Result<size_t> GzipSource::Read(char* buf, size_t n) {
  z_stream& z = st_->z;
  if (!st_->init) {
    if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK) {
      return Status::Internal("inflateInit2 failed");
    }
    st_->init = true;
  }
  while (true) {
    if (z.avail_in == 0 && !in_eof_) SITREP_RETURN_IF_ERROR(Fill());
    if (z.avail_in == 0 && in_eof_) {
      if (member_done_) return size_t{0};
      return Status::Corruption(started_ ? "truncated gzip stream"
                                         : "empty gzip stream");
    }
    if (member_done_) {
      inflateReset(&z);  // the next member of a multi-member stream
      member_done_ = false;
    }
    started_ = true;
    uInt in_before = z.avail_in;
    z.next_out = reinterpret_cast<Bytef*>(buf);
    z.avail_out = static_cast<uInt>(std::min<size_t>(n, 1u << 30));
    uInt out_before = z.avail_out;
    int ret = inflate(&z, Z_NO_FLUSH);
    size_t produced = out_before - z.avail_out;
    if (ret == Z_STREAM_END) {
      member_done_ = true;
    } else if (ret != Z_OK && ret != Z_BUF_ERROR) {
      return Status::Corruption(std::string("bad gzip data: ") +
                                (z.msg ? z.msg : "inflate error"));
    }
    SITREP_RETURN_IF_ERROR(guard_.Add(in_before - z.avail_in, produced));
    if (produced > 0) return produced;
  }
}

}  // namespace sitrep::ingest
