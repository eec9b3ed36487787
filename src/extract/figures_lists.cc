// Counting lists of victims told item by item: "two soldiers, a policeman
// and a civilian were killed", "killing the district governor, his two
// bodyguards and three civilians", "a father and son were shot dead". The
// items add up; the list's figure replaces the figures bound to its items.
// Part of BindFigures.
#include <algorithm>
#include <set>

#include "extract/figures_internal.h"

// Words compare as string_views: by size first, memcmp only on a tie.
using std::string_view_literals::operator""sv;

namespace sitrep::figures_internal {
namespace {

// One item of a list and the tokens it covers.
struct Item {
  uint32_t begin = 0, end = 0;
  int64_t count = 0;
  bool open = false;  // "at least two soldiers"
  bool name = false;  // "Ali Khan"
};

struct List {
  std::vector<Item> items;
  uint32_t end = 0;  // token after the last item (and its apposition)
};

// Words that open an item counting one person: "a villager", "his son".
bool OpensOne(const std::string& w) {
  static const Words kWords = {"a",   "an",    "the", "his",
                               "her", "their", "its", "another"};
  return kWords.count(w) > 0;
}

// Words that end an item's head noun phrase.
bool EndsHead(const SentenceFacts& f, const std::vector<Hit>& outcomes,
              uint32_t k) {
  const Tok& t = f.toks[k];
  if (t.punct && t.norm != "-"sv) return true;
  if (t.norm == "and"sv || t.norm == "or"sv || t.norm == "including"sv ||
      t.norm == "identified"sv || t.norm == "named"sv || t.norm == "aged"sv ||
      t.norm == "among"sv || Preposition(t.norm) || Adverb(t.norm) ||
      Fillers().count(t.norm) > 0 || IsQuantityTok(f, k)) {
    // "people" and "others" are fillers elsewhere but heads here.
    return t.norm != "people"sv && t.norm != "others"sv;
  }
  for (const auto& o : outcomes) {
    if (o.begin == k) return true;
  }
  return false;
}

bool Auxiliary(const std::string& w) {
  static const Words kWords = {"were", "was", "been", "had", "have", "has"};
  return kWords.count(w) > 0;
}

// A bare head (token before `k`) closes its clause: "a father and son." or
// "... and son were killed"; not a verb ("... and resulted in").
bool BareHead(const SentenceFacts& f, uint32_t k) {
  const std::string& w = f.toks[k - 1].norm;
  if (w.ends_with("ed") || w.ends_with("ing") || w.ends_with("ly")) {
    return false;
  }
  return k >= f.toks.size() || f.toks[k].punct || Auxiliary(f.toks[k].norm);
}

// Parses one item at token `k`: a count or a one-person opener, then up to
// four head words. `bare`: a lower-case head alone may stand ("a father and
// son"). False when no item starts at `k`.
bool ParseItem(const SentenceFacts& f, const std::vector<Hit>& outcomes,
               uint32_t k, bool bare, bool object, bool first, Item* item) {
  const uint32_t n = f.toks.size();
  if (k >= n) return false;
  *item = Item{k, k, 1, false, false};
  // "killing him, his driver and ...": the pronoun is one victim.
  bool pronoun = f.toks[k].norm == "him"sv ||
                 (f.toks[k].norm == "her"sv && k + 1 < n &&
                  (f.toks[k + 1].punct || f.toks[k + 1].norm == "and"sv));
  if (object && pronoun) {
    item->end = k + 1;
    return true;
  }
  // "killing Ali Khan, his son ...": a name is one victim.
  // After a comma a name tells who the item before was ("his driver, Ali
  // Khan"): only the first item or one after "and" is a name of its own.
  if (object && (first || bare) && f.toks[k].cap && !f.toks[k].punct &&
      !IsQuantityTok(f, k)) {
    uint32_t e = k;
    while (e < n && e < k + 5 && f.toks[e].cap && !f.toks[e].punct) ++e;
    for (const auto& o : outcomes) {
      if (o.begin >= k && o.begin < e) return false;
    }
    item->end = e;
    item->name = true;
    return true;
  }
  if (OpensOne(f.toks[k].norm)) ++k;
  const QuantityAt* q = k < n ? QuantityStarting(f, k) : nullptr;
  if (q) {
    if (q->q.implausible || q->q.qualifier == "zero"sv ||
        q->q.qualifier == "vague"sv ||
        (q->q.count.high && q->q.count.high != q->q.count.low)) {
      return false;
    }
    item->count = q->q.count.value();
    item->open = q->q.qualifier != "exact"sv;
    k = q->tok_end;
    // "four of his bodyguards".
    if (k + 2 < n && f.toks[k].norm == "of"sv &&
        (f.toks[k + 1].norm == "his"sv || f.toks[k + 1].norm == "her"sv ||
         f.toks[k + 1].norm == "their"sv)) {
      k += 2;
    }
    // "three other policemen", "two more victims".
    static const Words& kMore = WordSet("more");
    if (k + 1 < n && kMore.count(f.toks[k].norm) > 0) ++k;
  } else if (k == item->begin && (!bare || f.toks[k].cap)) {
    return false;
  }
  uint32_t head = k;
  while (k < n && k < head + 4 && !EndsHead(f, outcomes, k)) ++k;
  if (k == head) return false;
  // A bare head is one word closing the sentence or clause: "a father and
  // son", not "... and completely destroying".
  if (k == item->begin + 1 && !q && !OpensOne(f.toks[item->begin].norm) &&
      !BareHead(f, k)) {
    return false;
  }
  if (k > item->begin + 1 && head == item->begin) return false;
  const std::string& last = f.toks[k - 1].norm;
  if (Things().count(last) || Amounts().count(last)) return false;
  // "the villagers": an unstated number.
  bool plural = last.size() > 3 && last.back() == 's' &&
                last[last.size() - 2] != 's' && !f.toks[k - 1].cap;
  if (!q && plural) return false;
  item->end = k;
  return true;
}

// ", identified as Chugadu," or ", Abdul Wahid," after an item: the token
// after the closing comma, or `k` when none is there.
uint32_t SkipApposition(const SentenceFacts& f, uint32_t k, bool name,
                        bool name_items) {
  const uint32_t n = f.toks.size();
  if (k + 1 >= n || f.toks[k].norm != ","sv) return k;
  const Tok& next = f.toks[k + 1];
  // "Zahida Kurd, a health worker, and ...", "... Saeed Mengal, a watchman.":
  // who the named person is.
  // ("Ali Khan, a cleric and imam of the mosque": one person.)
  if (name_items && name &&
      (next.norm == "a"sv || next.norm == "an"sv || next.norm == "the"sv)) {
    uint32_t j = k + 2;
    while (j < n && j < k + 10 && !f.toks[j].punct &&
           !Preposition(f.toks[j].norm)) {
      ++j;
    }
    return j;
  }
  if (!next.cap && next.norm != "identified"sv && next.norm != "named"sv &&
      next.norm != "aged"sv) {
    return k;
  }
  for (uint32_t j = k + 1; j < n && j < k + 12; ++j) {
    if (f.toks[j].norm == ","sv) return j;
    // "... and his driver, Nasrullah Jan." closes the sentence.
    if (name_items && f.toks[j].norm == "."sv) return j;
    if (f.toks[j].punct && f.toks[j].norm != "-"sv) return k;
  }
  return k;
}

// "a soldier, a police spokesman said": the speaker is no victim.
bool Speaks(const SentenceFacts& f, uint32_t k) {
  if (k >= f.toks.size()) return false;
  const std::string& w = f.toks[k].norm;
  return w == "said"sv || w == "says"sv || w == "told"sv || w == "reported"sv ||
         w == "added"sv || w == "stated"sv || w == "confirmed"sv;
}

// The list of items from token `k`, joined by ",", "and", ", and". An
// `object` list (after an active verb) may also hold "him" and names
// ("killing him, his son Bahar and three guards").
List ParseList(const SentenceFacts& f, const std::vector<Hit>& outcomes,
               uint32_t k, bool object) {
  List list;
  Item item;
  bool bare = false;
  while (ParseItem(f, outcomes, k, bare, object, list.items.empty(), &item) &&
         !Speaks(f, item.end)) {
    list.items.push_back(item);
    k = list.end = SkipApposition(f, item.end, item.name, object);
    // "three people, identified as A, and his son and a nephew": the
    // names that follow tell who the three were.
    if (k > item.end && item.count > 1) break;
    bool comma = k < f.toks.size() && f.toks[k].norm == ","sv;
    if (comma) ++k;
    bare = k < f.toks.size() && f.toks[k].norm == "and"sv;
    if (!comma && !bare) break;
    if (bare) ++k;
  }
  return list;
}

// Whether the outcome `o` follows token `k` over auxiliaries and adverbs
// only ("... were also shot and killed").
bool OutcomeFollows(const SentenceFacts& f, uint32_t k, const Hit& o) {
  for (; k < o.begin; ++k) {
    const std::string& w = f.toks[k].norm;
    bool aux = Auxiliary(w) || w == "all"sv || w == "reportedly"sv;
    if (!aux && !Adverb(w)) return false;
  }
  return k == o.begin;
}

bool Boundary(const std::string& w) {
  return w == ","sv || w == ";"sv || w == ":"sv || w == "when"sv ||
         w == "while"sv || w == "after"sv || w == "and"sv || w == "as"sv;
}

// The subject list of a passive outcome: the longest list from a clause
// boundary that ends right before the outcome.
List SubjectList(const SentenceFacts& f, const std::vector<Hit>& outcomes,
                 const Hit& o) {
  uint32_t from = o.begin > 30 ? o.begin - 30 : 0;
  for (uint32_t s = from; s < o.begin; ++s) {
    if (s > 0 && !Boundary(f.toks[s - 1].norm)) continue;
    List list = ParseList(f, outcomes, s, false);
    if (list.items.size() > 1 && OutcomeFollows(f, list.end, o)) return list;
  }
  return {};
}

bool Overlaps(const Figure& g, const Figure& list) {
  return g.outcome == list.outcome && g.span.begin < list.span.end &&
         list.span.begin < g.span.end;
}

// The list's items are already counted with their own classes ("two
// civilians and three militants"): those add up, and later sentences
// ("the three militants") are matched to them.
bool TellsApart(const std::vector<Figure>& figs, const Figure& list) {
  std::set<std::string> classes;
  int64_t sum = 0;
  for (const auto& g : figs) {
    if (!Overlaps(g, list)) continue;
    if (g.victims.empty() || g.victims == "people"sv ||
        !classes.insert(g.victims).second) {
      return false;
    }
    sum += g.count.value();
  }
  return sum == list.count.value();
}

void ReplaceWithList(const List& list, Outcome outcome, SentenceFacts* f) {
  Figure fig;
  fig.outcome = outcome;
  fig.qualifier = "exact";
  int64_t total = 0;
  for (const auto& item : list.items) {
    total += item.count;
    if (item.open) fig.qualifier = "at least";
  }
  // "Two people, a policeman and a civilian, were hurt": the items after a
  // count of unnamed people that add up to it tell who they were.
  const Item& first = list.items.front();
  const std::string& head = f->toks[first.end - 1].norm;
  if (first.count > 1 && total == 2 * first.count &&
      (head == "people"sv || head == "persons"sv || head == "individuals"sv ||
       head == "others"sv)) {
    total = first.count;
  }
  fig.count = Count{total, total, total};
  // Each item is plausible, their sum may not be (extract fuzzer finding).
  fig.implausible = total > kImplausibleCount;
  fig.span = {f->toks[list.items.front().begin].span.begin,
              f->toks[list.items.back().end - 1].span.end};
  auto& figs = f->figures;
  if (TellsApart(figs, fig)) return;
  figs.erase(std::remove_if(figs.begin(), figs.end(),
                            [&](const Figure& g) { return Overlaps(g, fig); }),
             figs.end());
  figs.push_back(std::move(fig));
}

}  // namespace

const QuantityAt* QuantityStarting(const SentenceFacts& f, uint32_t k) {
  for (const auto& q : f.quantities) {
    if (q.tok_begin == k) return &q;
  }
  return nullptr;
}

void BindVictimLists(const std::vector<Hit>& outcomes, SentenceFacts* f) {
  for (const auto& o : outcomes) {
    if (o.e->form != OutcomeForm::kVerb ||
        (o.e->outcome != Outcome::kKilled &&
         o.e->outcome != Outcome::kInjured)) {
      continue;
    }
    // "killing himself and one police officer": the attacker is counted
    // apart (attackers); the list after "and" counts the others.
    static const Words& kSelf = WordSet("reflexive");
    const bool self = o.end + 1 < f->toks.size() &&
                      kSelf.count(f->toks[o.end].norm) > 0 &&
                      f->toks[o.end + 1].norm == "and"sv;
    List list = ParseList(*f, outcomes, self ? o.end + 2 : o.end, true);
    // "killing the chief, and seven others were injured": a new clause.
    if (!list.items.empty() && list.end < f->toks.size() &&
        Auxiliary(f->toks[list.end].norm)) {
      list.items.pop_back();
    }
    if (self && !list.items.empty()) {
      ReplaceWithList(list, o.e->outcome, f);
      continue;
    }
    if (list.items.size() < 2) list = SubjectList(*f, outcomes, o);
    if (list.items.size() > 1) ReplaceWithList(list, o.e->outcome, f);
  }
}

// "killed the party's chairman, Ali Musa, and his son", "killed Ali Musa,
// a party leader, and his three guards": the relatives closing an
// apposition that starts at the comma at `k`. Returns how many (one, or
// the count after "his"), 0 when no ", and his" closes it, or when the
// relatives are told another outcome ("and his son was wounded").
int64_t AndHisAfterApposition(const std::vector<Hit>& outcomes,
                              const SentenceFacts& f, uint32_t k) {
  auto outcome_at = [&](uint32_t j) {
    for (const auto& o : outcomes) {
      if (o.begin == j) return true;
    }
    return false;
  };
  for (uint32_t j = k; j + 3 < f.toks.size() && j < k + 16; ++j) {
    if ((f.toks[j].punct && f.toks[j].norm != ","sv) || outcome_at(j)) return 0;
    if (f.toks[j].norm != ","sv || f.toks[j + 1].norm != "and"sv ||
        (f.toks[j + 2].norm != "his"sv && f.toks[j + 2].norm != "her"sv)) {
      continue;
    }
    int64_t n = 1;
    uint32_t after = j + 4;  // past "his son"
    for (const auto& q : f.quantities) {
      if (q.tok_begin == j + 3) {
        n = q.q.count.value();
        after = q.tok_end + 1;
      }
    }
    if (after < f.toks.size() &&
        (f.toks[after].norm == "was"sv || f.toks[after].norm == "were"sv ||
         outcome_at(after))) {
      return 0;
    }
    return n;
  }
  return 0;
}

}  // namespace sitrep::figures_internal
