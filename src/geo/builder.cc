// geo::Builder: writes the compiled gazetteer (layout in format.h).
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>

#include "geo/format.h"

namespace sitrep::geo {
namespace {

void Align4(std::string* out) {
  while (out->size() % 4 != 0) out->push_back('\0');
}

template <typename T>
uint32_t AppendSection(std::string* out, const std::vector<T>& v) {
  Align4(out);
  uint32_t off = static_cast<uint32_t>(out->size());
  if (!v.empty()) {
    out->append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  return off;
}

}  // namespace

uint32_t Builder::AddPlace(const PlaceRec& rec) {
  places_.push_back(rec);
  return static_cast<uint32_t>(places_.size() - 1);
}

uint32_t Builder::Intern(std::string_view s) {
  if (s.empty()) return 0;
  if (s.size() > 255) s = s.substr(0, 255);
  auto [it, inserted] = interned_.try_emplace(
      std::string(s), static_cast<uint32_t>(pool_.size()));
  if (inserted) {
    pool_.push_back(static_cast<char>(s.size()));
    pool_.insert(pool_.end(), s.begin(), s.end());
  }
  return it->second;
}

void Builder::AddKey(std::string_view key, uint32_t place, uint32_t flags) {
  if (key.empty() || key.size() > 255) return;
  std::vector<uint32_t>& posts = keys_[std::string(key)];
  uint32_t p = place | flags;
  if (std::find(posts.begin(), posts.end(), p) == posts.end()) {
    posts.push_back(p);
  }
}

void Builder::AddWord(WordKind kind, std::string_view key) {
  if (!key.empty()) words_.emplace_back(kind, std::string(key));
}

Status Builder::Write(const std::string& path) {
  std::vector<std::pair<std::string, std::vector<uint32_t>>> sorted(
      keys_.begin(), keys_.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  auto better = [this](uint32_t a, uint32_t b) {
    const PlaceRec& x = places_[a & kPostPlaceMask];
    const PlaceRec& y = places_[b & kPostPlaceMask];
    if (x.tier != y.tier) return x.tier < y.tier;
    if (x.population != y.population) return x.population > y.population;
    return a < b;
  };
  std::vector<KeyRec> key_recs;
  std::vector<uint32_t> postings;
  key_recs.reserve(sorted.size() + 1);
  for (auto& [key, posts] : sorted) {
    std::sort(posts.begin(), posts.end(), better);
    key_recs.push_back({Intern(key), static_cast<uint32_t>(postings.size())});
    postings.insert(postings.end(), posts.begin(), posts.end());
  }
  std::sort(words_.begin(), words_.end());
  words_.erase(std::unique(words_.begin(), words_.end()), words_.end());
  std::vector<WordRec> word_recs;
  for (const auto& [kind, key] : words_)
    word_recs.push_back({kind, Intern(key)});
  key_recs.push_back({0, static_cast<uint32_t>(postings.size())});

  FileHeader h{};
  std::memcpy(h.magic, kMagic, sizeof(kMagic));
  h.version = kVersion;
  std::string out(sizeof(FileHeader), '\0');
  h.n_places = static_cast<uint32_t>(places_.size());
  h.off_places = AppendSection(&out, places_);
  h.n_keys = static_cast<uint32_t>(sorted.size());
  h.off_keys = AppendSection(&out, key_recs);
  h.n_postings = static_cast<uint32_t>(postings.size());
  h.off_postings = AppendSection(&out, postings);
  h.n_words = static_cast<uint32_t>(word_recs.size());
  h.off_words = AppendSection(&out, word_recs);
  h.pool_size = static_cast<uint32_t>(pool_.size());
  h.off_pool = AppendSection(&out, pool_);
  Align4(&out);
  h.file_size = static_cast<uint32_t>(out.size());
  std::memcpy(out.data(), &h, sizeof(h));

  std::string tmp = path + ".tmp";
  FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) return Status::FromErrno(tmp, errno);
  bool ok = std::fwrite(out.data(), 1, out.size(), f) == out.size();
  ok = (std::fclose(f) == 0) && ok;
  if (!ok || std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::FromErrno(path, errno);
  }
  return Status::OK();
}

}  // namespace sitrep::geo
