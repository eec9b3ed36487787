// Store: reading articles back and full-text search.
#include <string>

#include "sitrep/store.h"
#include "store/db.h"
#include "store/offsets_codec.h"

namespace sitrep {

using store_internal::Db;
using store_internal::Stmt;

namespace {

// Column order shared by every article SELECT below (see ReadRow).
#define SITREP_ARTICLE_COLS                                                  \
  "pk, id, content_hash, source_path, format, url, outlet, title, "          \
  "published, date_origin, dateline_place, dateline_outlet, dateline_year, " \
  "dateline_month, dateline_day, dateline_begin, dateline_end, warnings, text"
// Summary reads stop before `raw` so SQLite never touches its pages.
#define SITREP_FULL_COLS SITREP_ARTICLE_COLS ", raw, offsets"
#define SITREP_CURRENT \
  " WHERE version = (SELECT max(version) FROM articles b WHERE b.id = a.id)"

constexpr char kGetFull[] = "SELECT " SITREP_FULL_COLS
                            " FROM articles WHERE id = ?1 "
                            "ORDER BY version DESC LIMIT 1";
constexpr char kEachSummary[] =
    "SELECT " SITREP_ARTICLE_COLS " FROM articles a" SITREP_CURRENT
    " ORDER BY id";
constexpr char kEachFull[] =
    "SELECT " SITREP_FULL_COLS " FROM articles a" SITREP_CURRENT " ORDER BY id";
// Stops at `text`: no raw pages, offsets or child rows.
constexpr char kGetText[] =
    "SELECT text FROM articles WHERE id = ?1 ORDER BY version DESC LIMIT 1";
constexpr char kCurrentVersion[] =
    "SELECT max(version) FROM articles WHERE id = ?1";
constexpr char kCount[] = "SELECT count(DISTINCT id) FROM articles";
constexpr char kSentences[] =
    "SELECT clean_begin, clean_end FROM sentences WHERE article = ?1 "
    "ORDER BY ordinal";
constexpr char kRemoved[] =
    "SELECT kind, raw_begin, raw_end, text FROM removed WHERE article = ?1 "
    "ORDER BY ordinal";
// Title hits weigh 4x body hits. bm25() is lower-is-better; ties by id.
constexpr char kSearch[] =
    "SELECT a.id, a.version, a.title, -bm25(articles_fts, 4.0, 1.0), "
    "snippet(articles_fts, 1, '[', ']', '…', 16) "
    "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
    "WHERE articles_fts MATCH ?1 "
    "ORDER BY bm25(articles_fts, 4.0, 1.0), a.id LIMIT ?2";

#undef SITREP_CURRENT
#undef SITREP_FULL_COLS
#undef SITREP_ARTICLE_COLS

constexpr int kColText = 18;
constexpr int kColRaw = 19;
constexpr int kColOffsets = 20;

std::vector<std::string> SplitWarnings(std::string_view s) {
  std::vector<std::string> out;
  while (!s.empty()) {
    size_t nl = s.find('\n');
    out.emplace_back(s.substr(0, nl));
    if (nl == std::string_view::npos) break;
    s.remove_prefix(nl + 1);
  }
  return out;
}

void ReadDateline(const Stmt& s, Article* a) {
  if (s.IsNull(10)) return;
  Dateline d;
  d.place = s.Text(10);
  d.outlet = s.Text(11);
  d.date = CivilDay{static_cast<int>(s.Int(12)), static_cast<int>(s.Int(13)),
                    static_cast<int>(s.Int(14))};
  d.raw =
      Span{static_cast<uint32_t>(s.Int(15)), static_cast<uint32_t>(s.Int(16))};
  a->dateline = std::move(d);
}

// Fills the metadata and text of `a` from a row of SITREP_ARTICLE_COLS.
Status ReadRow(const Stmt& s, Article* a) {
  a->id = s.Text(1);
  a->content_hash = s.Text(2);
  a->source_path = s.Text(3);
  a->format = s.Text(4);
  a->url = s.Text(5);
  a->outlet = s.Text(6);
  a->title = s.Text(7);
  if (!s.IsNull(8)) {
    a->published = CivilDay::ParseIso(s.Text(8));
    if (!a->published) {
      return Status::Corruption("article " + a->id + ": bad published date");
    }
  }
  auto origin = ParseDateOrigin(s.Text(9));
  if (!origin) {
    return Status::Corruption("article " + a->id + ": bad date_origin");
  }
  a->date_origin = *origin;
  ReadDateline(s, a);
  a->warnings = SplitWarnings(s.Text(17));
  a->text = s.Text(kColText);
  return Status::OK();
}

Status ReadChildren(Db& db, int64_t pk, Article* a) {
  SITREP_ASSIGN_OR_RETURN(Stmt sent, db.Prepare(kSentences));
  sent.Bind(1, pk);
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, sent.Step());
    if (!row) break;
    a->sentences.push_back(Span{static_cast<uint32_t>(sent.Int(0)),
                                static_cast<uint32_t>(sent.Int(1))});
  }
  SITREP_ASSIGN_OR_RETURN(Stmt rem, db.Prepare(kRemoved));
  rem.Bind(1, pk);
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, rem.Step());
    if (!row) break;
    Removed r;
    r.kind = rem.Text(0);
    r.raw = Span{static_cast<uint32_t>(rem.Int(1)),
                 static_cast<uint32_t>(rem.Int(2))};
    r.text = rem.Text(3);
    a->removed.push_back(std::move(r));
  }
  return Status::OK();
}

Result<Article> ReadFull(Db& db, const Stmt& s) {
  Article a;
  SITREP_RETURN_IF_ERROR(ReadRow(s, &a));
  a.raw = s.Blob(kColRaw);
  auto offsets = store_internal::DecodeOffsets(s.Blob(kColOffsets));
  if (!offsets.ok()) return offsets.status().WithContext("article " + a.id);
  a.offsets = std::move(offsets).value();
  SITREP_RETURN_IF_ERROR(ReadChildren(db, s.Int(0), &a));
  return a;
}

bool IsWordByte(unsigned char c) {
  return c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
         (c >= 'A' && c <= 'Z') || c == '_';
}

// Plain words -> an FTS5 query requiring each word: "w1" "w2" ... Quoting
// makes FTS5 operators and punctuation in the user's text inert.
std::string PlainWordsToFts5(std::string_view q) {
  std::string out;
  size_t i = 0;
  while (i < q.size()) {
    while (i < q.size() && !IsWordByte(q[i])) ++i;
    size_t b = i;
    while (i < q.size() && IsWordByte(q[i])) ++i;
    if (i == b) break;
    if (!out.empty()) out += ' ';
    out += '"';
    out.append(q.substr(b, i - b));  // word bytes hold no '"'
    out += '"';
  }
  return out;
}

}  // namespace

Result<Article> Store::GetArticle(std::string_view id) {
  SITREP_ASSIGN_OR_RETURN(Stmt s, db_->Prepare(kGetFull));
  s.Bind(1, id);
  SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("no article " + std::string(id));
  return ReadFull(*db_, s);
}

Result<std::string> Store::GetArticleText(std::string_view id) {
  SITREP_ASSIGN_OR_RETURN(Stmt s, db_->Prepare(kGetText));
  s.Bind(1, id);
  SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return Status::NotFound("no article " + std::string(id));
  return std::string(s.Text(0));
}

Result<int> Store::CurrentVersion(std::string_view id) {
  SITREP_ASSIGN_OR_RETURN(Stmt s, db_->Prepare(kCurrentVersion));
  s.Bind(1, id);
  SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? static_cast<int>(s.Int(0)) : 0;
}

Result<int64_t> Store::CountArticles() {
  SITREP_ASSIGN_OR_RETURN(Stmt s, db_->Prepare(kCount));
  SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? s.Int(0) : 0;
}

Status Store::ForEachArticle(ArticleLoad load,
                             const std::function<Status(const Article&)>& fn) {
  bool full = load == ArticleLoad::kFull;
  SITREP_ASSIGN_OR_RETURN(Stmt s,
                          db_->Prepare(full ? kEachFull : kEachSummary));
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::OK();
    Article a;
    if (full) {
      SITREP_ASSIGN_OR_RETURN(a, ReadFull(*db_, s));
    } else {
      SITREP_RETURN_IF_ERROR(ReadRow(s, &a));
    }
    SITREP_RETURN_IF_ERROR(fn(a));
  }
}

Result<std::vector<SearchHit>> Store::Search(std::string_view query,
                                             const SearchOptions& options) {
  std::string fts =
      options.fts5_syntax ? std::string(query) : PlainWordsToFts5(query);
  std::vector<SearchHit> hits;
  if (fts.empty() || options.limit <= 0) return hits;
  SITREP_ASSIGN_OR_RETURN(Stmt s, db_->Prepare(kSearch));
  s.Bind(1, fts).Bind(2, int64_t{options.limit});
  while (true) {
    auto row = s.Step();
    if (!row.ok()) {
      // A malformed FTS5 query is the caller's error, not the store's.
      if (!options.fts5_syntax) return row.status();
      return Status::InvalidArgument("malformed FTS5 query: " +
                                     db_->LastErrorMessage());
    }
    if (!*row) return hits;
    hits.push_back(SearchHit{std::string(s.Text(0)), static_cast<int>(s.Int(1)),
                             std::string(s.Text(2)), s.Double(3),
                             std::string(s.Text(4))});
  }
}

}  // namespace sitrep
