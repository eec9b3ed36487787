// The place finder's memo of word kinds and postings (see Finder::Is and
// Finder::PostingsOf): the kinds and postings of a word's (or a few
// words') key, by the text as written, per thread.
#include <algorithm>
#include <span>
#include <string>

#include "geo/find_places_internal.h"

namespace sitrep::geo::find_internal {
namespace {

// The kinds and postings of the words last looked up on this thread,
// direct-mapped by a hash of their text: news repeats its words (`in`,
// `the`, `hospital`, `Kabul`) sentence after sentence. A slot holds its
// gazetteer's serial (0: empty).
struct KindsMemo {
  static constexpr size_t kSlotBits = 12;
  static constexpr size_t kMaxText = 19;  // longer words are not kept
  struct Slot {
    uint64_t owner = 0;
    const uint32_t* posts = nullptr;
    uint32_t n_posts = 0;
    uint32_t kinds = 0;
    uint8_t len = 0;
    char text[kMaxText];
  };
  Slot slots[size_t{1} << kSlotBits];
};

size_t MemoSlot(std::string_view w) {
  static_assert(KindsMemo::kMaxText <= 32);
  return static_cast<size_t>(ShortTextHash(w) >> (64 - KindsMemo::kSlotBits));
}

struct WordFacts {
  uint32_t kinds;
  std::span<const uint32_t> posts;
};

// g.WordKinds(key()) and g.Postings(key()) for the text `w`, through this
// thread's memo; `key` makes the key only when the memo does not hold the
// text.
template <typename MakeKey>
WordFacts MemoFacts(const MappedGazetteer& g, std::string_view w,
                    const MakeKey& key) {
  if (w.size() > KindsMemo::kMaxText) {
    const std::string& k = key();
    return {g.WordKinds(k), g.Postings(k)};
  }
  thread_local KindsMemo memo;
  KindsMemo::Slot& s = memo.slots[MemoSlot(w)];
  if (s.owner != g.serial() ||
      !SameShortText(std::string_view(s.text, s.len), w)) {
    const std::string& k = key();
    std::span<const uint32_t> posts = g.Postings(k);
    s.owner = g.serial();
    s.kinds = g.WordKinds(k);
    s.posts = posts.data();
    s.n_posts = static_cast<uint32_t>(posts.size());
    s.len = static_cast<uint8_t>(w.size());
    std::copy(w.begin(), w.end(), s.text);
  }
  return {s.kinds, {s.posts, s.n_posts}};
}

}  // namespace

void Finder::LearnWord(size_t i) const {
  WordFacts f =
      MemoFacts(g_, Text(i), [&]() -> const std::string& { return Key(i); });
  w_[i].kinds = f.kinds;
  posts_[i] = f.posts;
  w_[i].kinds_known = true;
}

uint32_t Finder::KindsOfText(std::string_view text) const {
  return MemoFacts(g_, text, [&] { return NormalizePlaceKey(text); }).kinds;
}

}  // namespace sitrep::geo::find_internal
