// The temporary file behind dedup_internal::Spill.
#include "dedup/spill.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <string>

namespace sitrep::dedup_internal {

SpillFile::~SpillFile() { Close(); }

void SpillFile::Close() {
  if (fd_ >= 0) close(fd_);
  fd_ = -1;
  end_ = 0;
}

Result<uint64_t> SpillFile::Write(const void* data, size_t bytes) {
  if (fd_ < 0) {
    const char* dir = std::getenv("TMPDIR");
    std::string path = (dir && *dir) ? dir : "/tmp";
    path += "/sitrep-dedup-XXXXXX";
    fd_ = mkstemp(path.data());
    if (fd_ < 0) return Status::FromErrno("dedup spill " + path, errno);
    unlink(path.c_str());  // gone when closed, even after a crash
  }
  const uint64_t at = end_;
  const char* p = static_cast<const char*>(data);
  for (size_t done = 0; done < bytes;) {
    ssize_t n =
        pwrite(fd_, p + done, bytes - done, static_cast<off_t>(at + done));
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Status::FromErrno("dedup spill write", errno);
    done += static_cast<size_t>(n);
  }
  end_ += bytes;
  return at;
}

Status SpillFile::Read(uint64_t offset, void* data, size_t bytes) const {
  char* p = static_cast<char*>(data);
  for (size_t done = 0; done < bytes;) {
    ssize_t n =
        pread(fd_, p + done, bytes - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::FromErrno("dedup spill read", errno);
    if (n == 0) return Status::Corruption("dedup spill: short read");
    done += static_cast<size_t>(n);
  }
  return Status::OK();
}

}  // namespace sitrep::dedup_internal
