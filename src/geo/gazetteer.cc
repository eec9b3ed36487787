// Gazetteer::Open / OpenDefault and the memory-mapped reader's lookups.
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "geo/gazetteer_impl.h"
#include "geo/normalize_internal.h"

namespace sitrep {
namespace geo {
namespace {

constexpr size_t kMaxCandidates = 64;

bool SectionOk(uint32_t off, uint64_t count, size_t elem, size_t size) {
  return off % 4 == 0 && off <= size && count * elem <= size - off;
}

// A hash of the key seeded by the word kind (0 for place keys): keys of at
// most 32 bytes (all but a few) by ShortTextHash's few loads, longer ones
// by FNV-1a over their bytes.
uint64_t HashKey(std::string_view key, uint32_t seed) {
  uint64_t h;
  if (key.size() <= 32) {
    h = ShortTextHash(key) ^ (uint64_t{seed} * 0xC2B2AE3D27D4EB4Full);
  } else {
    h = 14695981039346656037ull ^ seed;
    for (unsigned char c : key) h = (h ^ c) * 1099511628211ull;
  }
  return h ^ (h >> 29);
}

// Slot count: a power of two at least twice `n`.
size_t SlotCount(size_t n) {
  size_t slots = 16;
  while (slots < 2 * n) slots *= 2;
  return slots;
}

// Inserts record `i` in the first empty slot of its probe sequence, without
// comparing keys: a repeated key lands after the first record of that key
// on the same sequence, so Find still meets the first one first.
void Insert(std::vector<uint32_t>& slots, uint64_t h, uint32_t i) {
  const size_t mask = slots.size() - 1;
  size_t s = h & mask;
  while (slots[s] != 0) s = (s + 1) & mask;
  slots[s] = i + 1;
}

// The record whose key `same` accepts, or -1.
template <typename Same>
int64_t Find(const std::vector<uint32_t>& slots, uint64_t h, const Same& same) {
  if (slots.empty()) return -1;
  const size_t mask = slots.size() - 1;
  for (size_t s = h & mask; slots[s] != 0; s = (s + 1) & mask) {
    if (same(slots[s] - 1)) return slots[s] - 1;
  }
  return -1;
}

// (kind, key) in one integer, never 0: the key's bytes (at most 7), its
// length and the kind (below 16), and a set top bit.
constexpr size_t kShortWordBytes = 7;
constexpr uint32_t kShortWordKinds = 16;
uint64_t PackWord(uint32_t kind, std::string_view key) {
  uint64_t v = 0;
  for (size_t i = 0; i < key.size(); ++i) {
    v |= uint64_t{static_cast<unsigned char>(key[i])} << (8 * i);
  }
  return v | (uint64_t{key.size()} << 56) | (uint64_t{kind} << 59) |
         (uint64_t{1} << 63);
}

size_t ShortSlot(uint64_t packed, size_t mask) {
  return static_cast<size_t>((packed * 0x9E3779B97F4A7C15ull) >> 32) & mask;
}

uint64_t NextSerial() {
  static std::atomic<uint64_t> next{1};
  return next.fetch_add(1, std::memory_order_relaxed);
}

bool IsAdminSuffix(const MappedGazetteer& g, std::string_view word) {
  return g.HasWord(kWordAdminSuffix, NormalizePlaceKey(word));
}

}  // namespace

MappedGazetteer::MappedGazetteer(const char* data, size_t size)
    : serial_(NextSerial()), data_(data), size_(size) {
  if (size_ >= sizeof(FileHeader))
    std::memcpy(&header_, data_, sizeof(header_));
}

MappedGazetteer::~MappedGazetteer() { munmap(const_cast<char*>(data_), size_); }

Status MappedGazetteer::Init() {
  const FileHeader& h = header_;
  if (size_ < sizeof(FileHeader) ||
      std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0) {
    return Status::Corruption("not a sitrep gazetteer file");
  }
  if (h.version != kVersion || h.file_size != size_) {
    return Status::Corruption("gazetteer version or size mismatch");
  }
  if (!SectionOk(h.off_places, h.n_places, sizeof(PlaceRec), size_) ||
      !SectionOk(h.off_keys, uint64_t{h.n_keys} + 1, sizeof(KeyRec), size_) ||
      !SectionOk(h.off_postings, h.n_postings, 4, size_) ||
      !SectionOk(h.off_words, h.n_words, sizeof(WordRec), size_) ||
      !SectionOk(h.off_pool, h.pool_size, 1, size_) || h.pool_size == 0 ||
      h.n_places > kPostPlaceMask) {
    return Status::Corruption("gazetteer section out of bounds");
  }
  places_ = reinterpret_cast<const PlaceRec*>(data_ + h.off_places);
  keys_ = reinterpret_cast<const KeyRec*>(data_ + h.off_keys);
  postings_ = reinterpret_cast<const uint32_t*>(data_ + h.off_postings);
  words_ = reinterpret_cast<const WordRec*>(data_ + h.off_words);
  pool_ = data_ + h.off_pool;
  return Status::OK();
}

void MappedGazetteer::BuildIndexes() const {
  key_slots_.assign(SlotCount(header_.n_keys), 0);
  for (uint32_t i = 0; i < header_.n_keys; ++i) {
    std::string_view key = Str(keys_[i].key);
    Insert(key_slots_, HashKey(key, 0), i);
  }
  word_slots_.assign(SlotCount(header_.n_words), 0);
  for (uint32_t i = 0; i < header_.n_words; ++i) {
    const WordRec& w = words_[i];
    std::string_view key = Str(w.key);
    Insert(word_slots_, HashKey(key, w.kind), i);
  }
  BuildShortWords();
  BuildWordKinds();
}

void MappedGazetteer::BuildWordKinds() const {
  word_kinds_.clear();
  kinds_slots_.assign(SlotCount(header_.n_words), 0);
  min_word_key_length_.fill(255);
  for (uint32_t i = 0; i < header_.n_words; ++i) {
    const WordRec& w = words_[i];
    if (w.kind >= 32) continue;
    std::string_view key = Str(w.key);
    uint8_t& min_length = min_word_key_length_[w.kind];
    min_length = static_cast<uint8_t>(std::min<size_t>(min_length, key.size()));
    const uint64_t h = HashKey(key, 0);
    auto same = [&](uint32_t j) { return Str(word_kinds_[j].first) == key; };
    int64_t j = Find(kinds_slots_, h, same);
    if (j < 0) {
      j = static_cast<int64_t>(word_kinds_.size());
      word_kinds_.emplace_back(w.key, 0);
      Insert(kinds_slots_, h, static_cast<uint32_t>(j));
    }
    word_kinds_[j].second |= uint32_t{1} << w.kind;
  }
}

void MappedGazetteer::BuildShortWords() const {
  std::vector<uint64_t> packed;
  for (uint32_t i = 0; i < header_.n_words; ++i) {
    std::string_view key = Str(words_[i].key);
    if (key.size() <= kShortWordBytes && words_[i].kind < kShortWordKinds) {
      packed.push_back(PackWord(words_[i].kind, key));
    }
  }
  short_words_.assign(2 * SlotCount(packed.size()), 0);  // load <= 1/4
  const size_t mask = short_words_.size() - 1;
  for (uint64_t v : packed) {
    size_t s = ShortSlot(v, mask);
    while (short_words_[s] != 0 && short_words_[s] != v) s = (s + 1) & mask;
    short_words_[s] = v;
  }
}

std::string_view MappedGazetteer::Str(uint32_t off) const {
  if (pool_ == nullptr || off >= header_.pool_size) return {};
  uint32_t len = static_cast<unsigned char>(pool_[off]);
  if (len > header_.pool_size - off - 1) return {};
  return {pool_ + off + 1, len};
}

std::span<const uint32_t> MappedGazetteer::Postings(
    std::string_view key) const {
  if (key.empty() || keys_ == nullptr) return {};
  EnsureIndexes();
  int64_t i = Find(key_slots_, HashKey(key, 0),
                   [&](uint32_t j) { return Str(keys_[j].key) == key; });
  if (i < 0) return {};
  const size_t lo = static_cast<size_t>(i);
  uint32_t b = keys_[lo].post_begin, e = keys_[lo + 1].post_begin;
  if (b > e || e > header_.n_postings) return {};
  return {postings_ + b, e - b};
}

std::span<const uint32_t> MappedGazetteer::PostingsSearched(
    std::string_view key) const {
  if (key.empty() || keys_ == nullptr) return {};
  const KeyRec* end = keys_ + header_.n_keys;
  const KeyRec* it = std::lower_bound(
      keys_, end, key,
      [&](const KeyRec& k, std::string_view v) { return Str(k.key) < v; });
  if (it == end || Str(it->key) != key) return {};
  uint32_t b = it->post_begin, e = (it + 1)->post_begin;
  if (b > e || e > header_.n_postings) return {};
  return {postings_ + b, e - b};
}

const PlaceRec* MappedGazetteer::Rec(uint32_t posting) const {
  uint32_t i = posting & kPostPlaceMask;
  return i < header_.n_places ? &places_[i] : nullptr;
}

// Each string is constructed from its view in place (no default
// construction then assignment), and the place is returned by guaranteed
// elision.
Place MappedGazetteer::Decode(uint32_t posting) const {
  const PlaceRec* r = Rec(posting);
  if (r == nullptr) return Place();
  const size_t cc = r->country[1] ? 2 : (r->country[0] ? 1 : 0);
  return Place{.geonameid = r->geonameid,
               .kind = static_cast<PlaceKind>(std::min<uint8_t>(r->kind, 4)),
               .name = std::string(Str(r->name)),
               .country = std::string(r->country, cc),
               .admin1 = std::string(Str(r->admin1_name)),
               .admin1_code = std::string(Str(r->admin1_code)),
               .lat = r->lat,
               .lon = r->lon,
               .population = r->population,
               .admin2_code = std::string(Str(r->admin2_code)),
               .feature_code = std::string(Str(r->feature)),
               .city = std::string(Str(r->city))};
}

bool MappedGazetteer::HasWord(WordKind kind, std::string_view key) const {
  if (words_ == nullptr) return false;
  EnsureIndexes();
  if (key.size() > kShortWordBytes || kind >= kShortWordKinds) {
    return HasWordHashed(kind, key);
  }
  const uint64_t v = PackWord(kind, key);
  const size_t mask = short_words_.size() - 1;
  for (size_t s = ShortSlot(v, mask); short_words_[s] != 0;
       s = (s + 1) & mask) {
    if (short_words_[s] == v) return true;
  }
  return false;
}

bool MappedGazetteer::HasWordHashed(WordKind kind, std::string_view key) const {
  if (words_ == nullptr) return false;
  EnsureIndexes();
  return Find(word_slots_, HashKey(key, kind), [&](uint32_t j) {
           return words_[j].kind == kind && Str(words_[j].key) == key;
         }) >= 0;
}

uint32_t MappedGazetteer::WordKinds(std::string_view key) const {
  if (words_ == nullptr) return 0;
  EnsureIndexes();
  int64_t j = Find(kinds_slots_, HashKey(key, 0), [&](uint32_t i) {
    return Str(word_kinds_[i].first) == key;
  });
  return j < 0 ? 0 : word_kinds_[j].second;
}

std::vector<Place> MappedGazetteer::Lookup(std::string_view name) const {
  std::vector<Place> out;
  for (uint32_t p : Postings(NormalizePlaceKey(name))) {
    if (out.size() == kMaxCandidates) break;
    if (p & kPostDemonym) continue;
    out.push_back(Decode(p));
  }
  return out;
}

std::optional<Place> MappedGazetteer::Country(std::string_view name) const {
  for (uint32_t p : Postings(NormalizePlaceKey(name))) {
    const PlaceRec* r = Rec(p);
    if (r != nullptr && r->kind == static_cast<uint8_t>(PlaceKind::kCountry)) {
      return Decode(p);
    }
  }
  return std::nullopt;
}

std::optional<Place> MappedGazetteer::Admin1(std::string_view name,
                                             std::string_view country) const {
  // Drops trailing `province`, `governorate`... words.
  while (true) {
    size_t sp = name.find_last_of(" -");
    if (sp == std::string_view::npos ||
        !IsAdminSuffix(*this, name.substr(sp + 1))) {
      break;
    }
    name = name.substr(0, sp);
  }
  for (uint32_t p : Postings(NormalizePlaceKey(name))) {
    const PlaceRec* r = Rec(p);
    if (r == nullptr || r->kind != static_cast<uint8_t>(PlaceKind::kAdmin1)) {
      continue;
    }
    if (country.empty() || std::string_view(r->country, 2) == country) {
      return Decode(p);
    }
  }
  return std::nullopt;
}

}  // namespace geo

Result<std::unique_ptr<Gazetteer>> Gazetteer::Open(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::FromErrno(path, errno);
  struct stat st;
  if (fstat(fd, &st) != 0) {
    int err = errno;
    ::close(fd);
    return Status::FromErrno(path, err);
  }
  size_t size = static_cast<size_t>(st.st_size);
  if (size < sizeof(geo::FileHeader) || size > (size_t{1} << 32) - 1) {
    ::close(fd);
    return Status::Corruption(path + ": bad gazetteer size");
  }
  void* m = mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  int err = errno;
  ::close(fd);
  if (m == MAP_FAILED) return Status::FromErrno(path, err);
  auto g =
      std::make_unique<geo::MappedGazetteer>(static_cast<const char*>(m), size);
  Status s = g->Init();
  if (!s.ok()) return s.WithContext(path);
  return std::unique_ptr<Gazetteer>(std::move(g));
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::OpenDefault() {
  std::vector<std::string> tries;
  if (const char* dir = std::getenv("SITREP_DATA_DIR"); dir && *dir) {
    tries.push_back(std::string(dir) + "/gazetteer.bin");
  }
  std::error_code ec;
  auto exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    tries.push_back((exe.parent_path() / "data/gazetteer.bin").string());
    tries.push_back((exe.parent_path() / "../data/gazetteer.bin").string());
    tries.push_back(
        (exe.parent_path() / "../share/sitrep/gazetteer.bin").string());
  }
#ifdef SITREP_GAZETTEER_BUILD_PATH
  tries.push_back(SITREP_GAZETTEER_BUILD_PATH);
#endif
  for (const std::string& t : tries) {
    if (::access(t.c_str(), R_OK) == 0) return Open(t);
  }
  return Status::NotFound(
      "gazetteer.bin not found (set SITREP_DATA_DIR or build the `gazetteer` "
      "target)");
}

}  // namespace sitrep
