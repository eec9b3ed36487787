// Store::Check: SQLite's own integrity checks, then sitrep's invariants over
// every table (see doc/RELIABILITY.md, "Store integrity").
#include <string>
#include <unordered_map>

#include "sitrep/store.h"
#include "store/db.h"
#include "store/mention_codec.h"
#include "store/offsets_codec.h"

namespace sitrep {

using store_internal::Db;
using store_internal::Stmt;

namespace {

// Stop listing after this many problems (a badly damaged file would
// otherwise print millions of lines); the count stays exact.
constexpr size_t kMaxProblems = 1000;

class Checker {
 public:
  Checker(Db& db, CheckReport* report) : db_(db), report_(report) {}
  Status Run();

 private:
  struct ArticleShape {  // the current version, as mentions see it
    bool exists = false;
    uint64_t text_size = 0, raw_size = 0;
    int64_t sentences = 0;
  };

  void Problem(std::string line);
  Status Sqlite();
  Status Articles();
  void CheckArticle(const std::string& who, std::string_view blob,
                    uint64_t text_size, uint64_t raw_size,
                    const std::vector<Span>& sentences);
  Status ArticleChildren(int64_t pk, const std::string& who, uint64_t raw_size,
                         std::vector<Span>* sentences);
  Status Orphans();
  Status Mentions();
  Result<ArticleShape> Shape(std::string_view id);
  void CheckMention(const std::string& who, const Mention& m,
                    const ArticleShape& a);
  void CheckFigure(const std::string& who, const Figure& f,
                   const ArticleShape& a);
  Status Events();
  Status Lines(const char* sql,
               const std::function<std::string(const Stmt&)>& describe);

  Db& db_;
  CheckReport* report_;
  int64_t dropped_ = 0;
};

std::string SpanText(Span s) {
  return "[" + std::to_string(s.begin) + "," + std::to_string(s.end) + ")";
}

std::string SpanText(int64_t b, int64_t e) {
  return "[" + std::to_string(b) + "," + std::to_string(e) + ")";
}

bool Inside(int64_t b, int64_t e, uint64_t size) {
  return b >= 0 && b <= e && static_cast<uint64_t>(e) <= size;
}

bool Inside(Span s, uint64_t size) { return Inside(s.begin, s.end, size); }

void Checker::Problem(std::string line) {
  if (report_->problems.size() < kMaxProblems) {
    report_->problems.push_back(std::move(line));
  } else {
    ++dropped_;
  }
}

// Runs `sql` and reports one problem per row, as `describe` words it.
Status Checker::Lines(const char* sql,
                      const std::function<std::string(const Stmt&)>& describe) {
  SITREP_ASSIGN_OR_RETURN(Stmt s, db_.Prepare(sql));
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::OK();
    std::string line = describe(s);
    if (!line.empty()) Problem(std::move(line));
  }
}

Status Checker::Sqlite() {
  SITREP_RETURN_IF_ERROR(Lines("PRAGMA integrity_check", [](const Stmt& s) {
    std::string msg(s.Text(0));
    return msg == "ok" ? std::string() : "sqlite integrity: " + msg;
  }));
  // Tables with their own orphan check below are skipped here.
  return Lines("PRAGMA foreign_key_check", [](const Stmt& s) {
    std::string table(s.Text(0));
    if (table == "sentences" || table == "removed" ||
        table == "event_articles") {
      return std::string();
    }
    return "foreign key: " + table + " row " + std::to_string(s.Int(1)) +
           " refers to a missing " + std::string(s.Text(2)) + " row";
  });
}

Status Checker::Run() {
  SITREP_RETURN_IF_ERROR(Sqlite());
  SITREP_RETURN_IF_ERROR(Articles());
  SITREP_RETURN_IF_ERROR(Orphans());
  SITREP_RETURN_IF_ERROR(Mentions());
  SITREP_RETURN_IF_ERROR(Events());
  if (dropped_ > 0) {
    report_->problems.push_back("... and " + std::to_string(dropped_) +
                                " more problems not listed");
  }
  return Status::OK();
}

// ---- Articles, sentences, removed ------------------------------------------

Status Checker::Articles() {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s, db_.Prepare("SELECT pk, id, version, "
                          "length(CAST(text AS BLOB)), length(raw), offsets "
                          "FROM articles ORDER BY pk"));
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::OK();
    ++report_->articles;
    std::string who =
        "article " + std::string(s.Text(1)) + " v" + std::to_string(s.Int(2));
    auto text_size = static_cast<uint64_t>(s.Int(3));
    auto raw_size = static_cast<uint64_t>(s.Int(4));
    std::vector<Span> sentences;
    SITREP_RETURN_IF_ERROR(
        ArticleChildren(s.Int(0), who, raw_size, &sentences));
    if (sentences.empty() && text_size > 0) Problem(who + ": no sentences");
    for (size_t i = 0; i < sentences.size(); ++i) {
      if (!Inside(sentences[i], text_size)) {
        Problem(who + ": sentence " + std::to_string(i) + " span " +
                SpanText(sentences[i]) + " outside text (size " +
                std::to_string(text_size) + ")");
      }
    }
    CheckArticle(who, s.Blob(5), text_size, raw_size, sentences);
  }
}

// The offsets blob decodes and maps every sentence into the raw bytes.
void Checker::CheckArticle(const std::string& who, std::string_view blob,
                           uint64_t text_size, uint64_t raw_size,
                           const std::vector<Span>& sentences) {
  auto map = store_internal::DecodeOffsets(blob);
  if (!map.ok()) {
    Problem(who + ": " + map.status().message());
    return;
  }
  if (map->clean_size() != text_size) {
    Problem(who + ": offsets cover " + std::to_string(map->clean_size()) +
            " clean bytes, text has " + std::to_string(text_size));
  }
  for (size_t i = 0; i < sentences.size(); ++i) {
    if (!Inside(sentences[i], text_size) || sentences[i].empty()) continue;
    Span raw = map->ToRaw(sentences[i]);
    if (!Inside(raw, raw_size)) {
      Problem(who + ": sentence " + std::to_string(i) + " maps to raw " +
              SpanText(raw) + " outside raw (size " + std::to_string(raw_size) +
              ")");
    }
  }
}

Status Checker::ArticleChildren(int64_t pk, const std::string& who,
                                uint64_t raw_size,
                                std::vector<Span>* sentences) {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s, db_.Prepare("SELECT clean_begin, clean_end FROM sentences "
                          "WHERE article = ?1 ORDER BY ordinal"));
  s.Bind(1, pk);
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    int64_t b = s.Int(0), e = s.Int(1);
    if (b < 0 || e < b || e > UINT32_MAX) {
      Problem(who + ": sentence " + std::to_string(sentences->size()) +
              " span " + SpanText(b, e) + " malformed");
      b = e = 0;
    }
    sentences->push_back(
        Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }
  SITREP_ASSIGN_OR_RETURN(
      Stmt r, db_.Prepare("SELECT ordinal, kind, raw_begin, raw_end "
                          "FROM removed WHERE article = ?1 ORDER BY ordinal"));
  r.Bind(1, pk);
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, r.Step());
    if (!row) return Status::OK();
    if (!Inside(r.Int(2), r.Int(3), raw_size)) {
      Problem(who + ": removed " + std::to_string(r.Int(0)) + " (" +
              std::string(r.Text(1)) + ") span " +
              SpanText(r.Int(2), r.Int(3)) + " outside raw (size " +
              std::to_string(raw_size) + ")");
    }
  }
}

Status Checker::Orphans() {
  SITREP_RETURN_IF_ERROR(
      Lines("SELECT 'sentences', article, count(*) FROM sentences WHERE "
            "article NOT IN (SELECT pk FROM articles) GROUP BY article "
            "UNION ALL "
            "SELECT 'removed', article, count(*) FROM removed WHERE "
            "article NOT IN (SELECT pk FROM articles) GROUP BY article",
            [](const Stmt& s) {
              return "orphan: " + std::to_string(s.Int(2)) + " " +
                     std::string(s.Text(0)) + " rows of missing article pk " +
                     std::to_string(s.Int(1));
            }));
  return Lines(
      "SELECT event_id, count(*) FROM event_articles WHERE event_id NOT IN "
      "(SELECT id FROM events) GROUP BY event_id",
      [](const Stmt& s) {
        return "orphan: " + std::to_string(s.Int(1)) +
               " event_articles rows of missing event " +
               std::string(s.Text(0));
      });
}

// ---- Mentions ---------------------------------------------------------------

Result<Checker::ArticleShape> Checker::Shape(std::string_view id) {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s, db_.Prepare("SELECT length(CAST(text AS BLOB)), length(raw), "
                          "(SELECT count(*) FROM sentences WHERE article = pk) "
                          "FROM articles WHERE id = ?1 "
                          "ORDER BY version DESC LIMIT 1"));
  s.Bind(1, id);
  SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
  ArticleShape a;
  if (!row) return a;
  a.exists = true;
  a.text_size = static_cast<uint64_t>(s.Int(0));
  a.raw_size = static_cast<uint64_t>(s.Int(1));
  a.sentences = s.Int(2);
  return a;
}

Status Checker::Mentions() {
  SITREP_ASSIGN_OR_RETURN(
      Stmt s, db_.Prepare("SELECT article_id, ordinal, body FROM mentions "
                          "ORDER BY article_id, ordinal"));
  std::string last_id;
  ArticleShape shape;
  while (true) {
    SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return Status::OK();
    ++report_->mentions;
    std::string id(s.Text(0));
    std::string who = "mention " + id + "#" + std::to_string(s.Int(1));
    if (report_->mentions == 1 || id != last_id) {
      SITREP_ASSIGN_OR_RETURN(shape, Shape(id));
      last_id = id;
    }
    auto m = store_internal::DecodeMention(s.Text(2));
    if (!m.ok()) {
      Problem(who + ": body does not decode: " + m.status().message());
    } else if (!shape.exists) {
      Problem(who + ": article " + id + " does not exist");
    } else {
      if (m->article_id != id) {
        Problem(who + ": body names article " + m->article_id);
      }
      CheckMention(who, *m, shape);
    }
  }
}

void Checker::CheckMention(const std::string& who, const Mention& m,
                           const ArticleShape& a) {
  auto index_ok = [&](int i) { return i >= 0 && i < a.sentences; };
  for (int i : m.sentences) {
    if (!index_ok(i)) {
      Problem(who + ": sentence index " + std::to_string(i) +
              " outside article (" + std::to_string(a.sentences) +
              " sentences)");
    }
  }
  for (int i : m.parts) {
    if (!index_ok(i)) {
      Problem(who + ": part sentence index " + std::to_string(i) +
              " outside article (" + std::to_string(a.sentences) +
              " sentences)");
    }
  }
  for (const Span& r : m.raw_spans) {
    if (!Inside(r, a.raw_size)) {
      Problem(who + ": raw span " + SpanText(r) + " outside raw (size " +
              std::to_string(a.raw_size) + ")");
    }
  }
  if (m.location && !Inside(m.location->span, a.text_size)) {
    Problem(who + ": place span " + SpanText(m.location->span) +
            " outside text (size " + std::to_string(a.text_size) + ")");
  }
  for (const Figure& f : m.figures) CheckFigure(who, f, a);
}

void Checker::CheckFigure(const std::string& who, const Figure& f,
                          const ArticleShape& a) {
  const Count& c = f.count;
  auto le = [](const std::optional<int64_t>& x,
               const std::optional<int64_t>& y) {
    return !x || !y || *x <= *y;
  };
  std::string name = std::string("figure ") + OutcomeName(f.outcome);
  if (!le(c.low, c.best) || !le(c.best, c.high) || !le(c.low, c.high)) {
    auto v = [](const std::optional<int64_t>& x) {
      return x ? std::to_string(*x) : std::string("-");
    };
    Problem(who + ": " + name + " counts not ordered (low " + v(c.low) +
            ", best " + v(c.best) + ", high " + v(c.high) + ")");
  }
  if (!Inside(f.span, a.text_size)) {
    Problem(who + ": " + name + " span " + SpanText(f.span) +
            " outside text (size " + std::to_string(a.text_size) + ")");
  }
  if (!Inside(f.raw_span, a.raw_size)) {
    Problem(who + ": " + name + " raw span " + SpanText(f.raw_span) +
            " outside raw (size " + std::to_string(a.raw_size) + ")");
  }
  if (f.sentence < -1 || f.sentence >= a.sentences) {
    Problem(who + ": " + name + " sentence index " +
            std::to_string(f.sentence) + " outside article (" +
            std::to_string(a.sentences) + " sentences)");
  }
}

// ---- Events -----------------------------------------------------------------

Status Checker::Events() {
  SITREP_ASSIGN_OR_RETURN(Stmt n, db_.Prepare("SELECT count(*) FROM events"));
  SITREP_ASSIGN_OR_RETURN(bool row, n.Step());
  report_->events = row ? n.Int(0) : 0;
  SITREP_RETURN_IF_ERROR(
      Lines("SELECT id FROM events WHERE id NOT IN "
            "(SELECT event_id FROM event_articles) ORDER BY id",
            [](const Stmt& s) {
              return "event " + std::string(s.Text(0)) + ": no articles";
            }));
  return Lines(
      "SELECT event_id, article_id FROM event_articles WHERE article_id "
      "NOT IN (SELECT id FROM articles) AND event_id IN (SELECT id FROM "
      "events) ORDER BY event_id, article_id",
      [](const Stmt& s) {
        return "event " + std::string(s.Text(0)) + ": article " +
               std::string(s.Text(1)) + " does not exist";
      });
}

}  // namespace

// One read transaction: a concurrent ingest cannot make the tables
// disagree half-way through the check.
Result<CheckReport> Store::Check() {
  CheckReport report;
  Checker checker(*db_, &report);
  SITREP_RETURN_IF_ERROR(db_->Exec("BEGIN"));
  Status st = checker.Run();
  Status end = db_->Exec(st.ok() ? "COMMIT" : "ROLLBACK");
  SITREP_RETURN_IF_ERROR(st);
  SITREP_RETURN_IF_ERROR(end);
  return report;
}

}  // namespace sitrep
