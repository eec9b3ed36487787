// TypeScores: event type -> evidence, a small map kept as a sorted vector.
// Internal to the extract stage.
//
// A drop-in for the std::map<std::string_view, double, std::less<>> that
// Classification held: the same operator[] (inserts 0), find and iteration
// in key order, so every sum and argmax over it is the same; one block
// instead of a node per type (a sentence names a handful of types, and
// Classifications are copied and merged per candidate).
#ifndef SITREP_EXTRACT_TYPE_SCORES_H_
#define SITREP_EXTRACT_TYPE_SCORES_H_

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

namespace sitrep {

class TypeScores {
 public:
  using value_type = std::pair<std::string_view, double>;
  using const_iterator = std::vector<value_type>::const_iterator;

  // The evidence for `type`, inserted as 0 when absent. `type` must view a
  // string that outlives this map (the keys are views).
  double& operator[](std::string_view type) {
    for (value_type& e : v_) {  // a handful of types: equality, size first
      if (Same(e.first, type)) return e.second;
    }
    if (v_.empty()) v_.reserve(kRoom);
    auto it = v_.begin();  // the first not before `type` (lower_bound's)
    while (it != v_.end() && Less(it->first, type)) ++it;
    return v_.insert(it, {type, 0.0})->second;
  }
  const_iterator find(std::string_view type) const {
    for (auto it = v_.begin(); it != v_.end(); ++it) {
      if (Same(it->first, type)) return it;
    }
    return v_.end();
  }
  const_iterator begin() const { return v_.begin(); }
  const_iterator end() const { return v_.end(); }
  size_t size() const { return v_.size(); }
  bool empty() const { return v_.empty(); }

 private:
  // a == b: sizes, then the same view (the keys are mostly the same few
  // literals and lexicon strings), then the bytes.
  static bool Same(std::string_view a, std::string_view b) {
    return a.size() == b.size() && (a.data() == b.data() || a == b);
  }
  // a < b: the first bytes decide unless equal (ACLED's six types start
  // with six letters); compared unsigned, as std::string_view compares.
  static bool Less(std::string_view a, std::string_view b) {
    if (!a.empty() && !b.empty() && a[0] != b[0]) {
      return static_cast<unsigned char>(a[0]) <
             static_cast<unsigned char>(b[0]);
    }
    return a < b;
  }
  static constexpr size_t kRoom = 8;  // ACLED has six event types
  std::vector<value_type> v_;         // sorted by type, unique
};

}  // namespace sitrep

#endif  // SITREP_EXTRACT_TYPE_SCORES_H_
