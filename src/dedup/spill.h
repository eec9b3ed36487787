// Internal: fixed-size records appended to partitions of one anonymous
// temporary file, read back a partition at a time. What the streaming
// dedup (StreamingDedup) keeps on disk instead of in memory: LSH band
// entries, sentence fingerprints and shared-sentence pair occurrences.
#ifndef SITREP_DEDUP_SPILL_H_
#define SITREP_DEDUP_SPILL_H_

#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <vector>

#include "sitrep/status.h"

namespace sitrep::dedup_internal {

// Untyped core: blocks of whole records written at the end of the file.
class SpillFile {
 public:
  SpillFile() = default;
  ~SpillFile();
  SpillFile(const SpillFile&) = delete;
  SpillFile& operator=(const SpillFile&) = delete;

  // Appends `bytes` bytes; returns their offset. The file (in $TMPDIR, else
  // /tmp; unlinked at once) is made on the first write.
  Result<uint64_t> Write(const void* data, size_t bytes);
  Status Read(uint64_t offset, void* data, size_t bytes) const;
  // Closes (so deletes) the file: its disk space is freed.
  void Close();

 private:
  int fd_ = -1;
  uint64_t end_ = 0;
};

// Records of type T in `partitions` partitions. Each partition buffers up
// to `buffer` records in memory, then writes them as one block: memory is
// partitions x buffer records, whatever the number added.
template <typename T>
class Spill {
  static_assert(std::is_trivially_copyable_v<T>);

 public:
  Spill(size_t partitions, size_t buffer)
      : buffer_(buffer < 1 ? 1 : buffer), parts_(partitions) {}

  size_t partitions() const { return parts_.size(); }

  Status Add(size_t partition, const T& record) {
    Part& p = parts_[partition];
    if (p.pending.capacity() == 0) p.pending.reserve(buffer_);
    p.pending.push_back(record);
    ++p.count;
    if (p.pending.size() < buffer_) return Status::OK();
    SITREP_ASSIGN_OR_RETURN(
        uint64_t at,
        file_.Write(p.pending.data(), p.pending.size() * sizeof(T)));
    p.blocks.push_back({at, p.pending.size()});
    p.pending.clear();
    return Status::OK();
  }

  // Drops every record and the file (its disk space).
  void Clear() {
    parts_.clear();
    file_.Close();
  }

  // Every record of `partition` in the order added; the partition is then
  // empty (its memory freed; its blocks stay in the file).
  Result<std::vector<T>> Take(size_t partition) {
    Part& p = parts_[partition];
    std::vector<T> out(p.count);
    size_t n = 0;
    for (const Block& b : p.blocks) {
      SITREP_RETURN_IF_ERROR(
          file_.Read(b.offset, out.data() + n, b.records * sizeof(T)));
      n += b.records;
    }
    std::copy(p.pending.begin(), p.pending.end(), out.begin() + n);
    p = Part();
    return out;
  }

 private:
  struct Block {
    uint64_t offset;
    size_t records;
  };
  struct Part {
    std::vector<T> pending;
    std::vector<Block> blocks;
    size_t count = 0;
  };
  size_t buffer_;
  std::vector<Part> parts_;
  SpillFile file_;
};

}  // namespace sitrep::dedup_internal

#endif  // SITREP_DEDUP_SPILL_H_
