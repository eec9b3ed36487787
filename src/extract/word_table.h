// WordTable: a fixed set of short words asked about, token by token, by the
// figure binder and the mention builder. Internal to the extract stage.
//
// A drop-in for the std::unordered_set<std::string> the rules held (the
// same insert and count): open addressing over one array, a multiplicative
// hash of the word's bytes instead of std::hash's _Hash_bytes call, and a
// word whose length or first byte no member has is rejected before any
// hashing (most tokens asked about are no member).
// Thread safety: const methods may be called from many threads.
#ifndef SITREP_EXTRACT_WORD_TABLE_H_
#define SITREP_EXTRACT_WORD_TABLE_H_

#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace sitrep {

class WordTable {
 public:
  WordTable() = default;
  WordTable(std::initializer_list<const char*> words) {
    for (const char* w : words) insert(w);
  }

  void insert(std::string_view w) {
    if (count(w) > 0) return;
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    Place(std::string(w));
    ++size_;
  }

  size_t count(std::string_view w) const {
    if (w.size() > kMaxFast) return CountSlow(w);
    if (!(lengths_ >> w.size() & 1)) return 0;
    if (w.empty()) return 1;
    auto c = static_cast<unsigned char>(w[0]);
    if (!(first_[c >> 6] >> (c & 63) & 1)) return 0;
    return CountSlow(w);
  }
  size_t size() const { return size_; }

 private:
  static constexpr size_t kMaxFast = 63;  // longer: no length filter

  static uint64_t Hash(std::string_view w) {
    uint64_t h = w.size() * 0x9E3779B97F4A7C15ull;
    for (unsigned char c : w) h = (h ^ c) * 0x100000001B3ull;
    return h ^ (h >> 29);
  }

  size_t CountSlow(std::string_view w) const {
    if (slots_.empty()) return 0;
    size_t mask = slots_.size() - 1;
    for (size_t i = Hash(w) & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (!s.used) return 0;
      if (s.word.size() == w.size() &&
          std::memcmp(s.word.data(), w.data(), w.size()) == 0) {
        return 1;
      }
    }
  }

  void Place(std::string w) {
    if (w.size() <= kMaxFast) lengths_ |= uint64_t{1} << w.size();
    if (!w.empty()) {
      auto c = static_cast<unsigned char>(w[0]);
      first_[c >> 6] |= uint64_t{1} << (c & 63);
    }
    size_t mask = slots_.size() - 1;
    size_t i = Hash(w) & mask;
    while (slots_[i].used) i = (i + 1) & mask;
    slots_[i].used = true;
    slots_[i].word = std::move(w);
  }

  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 16 : old.size() * 2, Slot{});
    for (Slot& s : old) {
      if (s.used) Place(std::move(s.word));
    }
  }

  struct Slot {
    std::string word;
    bool used = false;
  };
  std::vector<Slot> slots_;  // a power of two, at most half full
  size_t size_ = 0;
  uint64_t lengths_ = 0;    // bit n: some member has n bytes (n <= 63)
  uint64_t first_[4] = {};  // bit c: some member starts with byte c
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_WORD_TABLE_H_
