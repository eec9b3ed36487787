// Archive reader (tar, zip, with any libarchive compression filter), fed
// from a ByteSource so archives nest and nothing is read whole.
#include <archive.h>
#include <archive_entry.h>

#include "ingest/reader.h"

namespace sitrep::ingest {
namespace {

constexpr int kMaxHeaderErrors = 16;

struct Feed {
  ByteSource* src;
  std::vector<char> buf = std::vector<char>(64 << 10);
  ExpansionGuard* guard;
  Status error;
};

la_ssize_t FeedRead(struct archive* a, void* ctx, const void** out) {
  Feed* f = static_cast<Feed*>(ctx);
  Result<size_t> r = f->src->Read(f->buf.data(), f->buf.size());
  if (!r.ok()) {
    f->error = r.status();
    archive_set_error(a, EIO, "%s", f->error.message().c_str());
    return -1;
  }
  (void)f->guard->Add(*r, 0);  // input only: cannot exceed a budget
  *out = f->buf.data();
  return static_cast<la_ssize_t>(*r);
}

// One archive member's data, counted against the archive's budget.
class EntrySource : public ByteSource {
 public:
  EntrySource(struct archive* a, ExpansionGuard& guard)
      : a_(a), guard_(guard) {}
  Result<size_t> Read(char* buf, size_t n) override {
    la_ssize_t r = archive_read_data(a_, buf, n);
    if (r < 0) {
      const char* msg = archive_error_string(a_);
      return Status::Corruption(std::string("archive member: ") +
                                (msg ? msg : "read error"));
    }
    SITREP_RETURN_IF_ERROR(guard_.Add(0, static_cast<uint64_t>(r)));
    return static_cast<size_t>(r);
  }

 private:
  struct archive* a_;
  ExpansionGuard& guard_;
};

// Member name without a leading "./"; empty when it should be skipped
// (directories, links, hidden files or hidden directories).
std::string MemberName(struct archive_entry* e) {
  if (archive_entry_filetype(e) != AE_IFREG) return {};
  const char* p = archive_entry_pathname_utf8(e);
  if (!p) p = archive_entry_pathname(e);
  if (!p) return {};
  std::string_view name(p);
  while (name.starts_with("./")) name.remove_prefix(2);
  if (name.empty() || name.back() == '/') return {};
  for (size_t i = 0; i != std::string_view::npos;) {
    if (name[i] == '.') return {};  // a hidden file or directory
    size_t slash = name.find('/', i);
    i = slash == std::string_view::npos ? slash : slash + 1;
  }
  return std::string(name);
}

Status ArchiveStatus(struct archive* a, const Feed& feed) {
  if (!feed.error.ok()) return feed.error;
  const char* msg = archive_error_string(a);
  return Status::Corruption(msg ? msg : "unreadable archive");
}

}  // namespace

void ReadArchive(ByteSource& src, const std::string& where, const Sink& sink,
                 const MemberFn& member) {
  ExpansionGuard guard(sink.limits, "archive");
  Feed feed{&src, {}, &guard, {}};
  feed.buf.resize(64 << 10);
  struct archive* a = archive_read_new();
  archive_read_support_filter_all(a);
  archive_read_support_format_tar(a);
  archive_read_support_format_zip(a);
  if (archive_read_open(a, &feed, nullptr, FeedRead, nullptr) != ARCHIVE_OK) {
    sink.Error(where, ArchiveStatus(a, feed));
    archive_read_free(a);
    return;
  }
  int header_errors = 0;
  struct archive_entry* e = nullptr;
  while (true) {
    int r = archive_read_next_header(a, &e);
    if (r == ARCHIVE_EOF) break;
    if (r < ARCHIVE_WARN) {
      sink.Error(where, ArchiveStatus(a, feed));
      if (r == ARCHIVE_FATAL || ++header_errors >= kMaxHeaderErrors) break;
      continue;
    }
    std::string name = MemberName(e);
    if (name.empty()) continue;
    std::optional<uint64_t> size;
    if (archive_entry_size_is_set(e)) size = archive_entry_size(e);
    EntrySource entry(a, guard);
    member(entry, name, size);
    if (guard.exceeded()) break;  // reported by the member's reader
  }
  archive_read_free(a);
}

}  // namespace sitrep::ingest
