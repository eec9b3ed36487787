// Store: opening, migrating and writing articles. Reads are in
// store_read.cc.
#include "sitrep/store.h"

#include <ctime>
#include <string>

#include "store/db.h"
#include "store/offsets_codec.h"
#include "store/schema.h"
#include "store/store_write.h"

namespace sitrep {

using store_internal::Db;
using store_internal::Stmt;
using store_internal::Transaction;

namespace {

constexpr char kFindSameContent[] =
    "SELECT 1 FROM articles WHERE id = ?1 AND content_hash = ?2 LIMIT 1";
constexpr char kFindCurrent[] =
    "SELECT pk, version, title, text FROM articles WHERE id = ?1 "
    "ORDER BY version DESC LIMIT 1";
constexpr char kInsertArticle[] =
    "INSERT INTO articles (id, version, content_hash, source_path, format, "
    "url, outlet, title, published, date_origin, dateline_place, "
    "dateline_outlet, dateline_year, dateline_month, dateline_day, "
    "dateline_begin, dateline_end, warnings, ingested_at, text, raw, offsets) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
    "?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22)";
constexpr char kInsertSentence[] =
    "INSERT INTO sentences (article, ordinal, clean_begin, clean_end) "
    "VALUES (?1, ?2, ?3, ?4)";
constexpr char kInsertRemoved[] =
    "INSERT INTO removed (article, ordinal, kind, raw_begin, raw_end, text) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
constexpr char kFtsInsert[] =
    "INSERT INTO articles_fts (rowid, title, text) VALUES (?1, ?2, ?3)";
// External-content FTS5: removing a row needs the values it indexed.
constexpr char kFtsDelete[] =
    "INSERT INTO articles_fts (articles_fts, rowid, title, text) "
    "VALUES ('delete', ?1, ?2, ?3)";

// Warnings are stored one per line; a newline inside one becomes a space.
std::string JoinWarnings(const std::vector<std::string>& warnings) {
  std::string out;
  for (const std::string& w : warnings) {
    if (!out.empty()) out += '\n';
    for (char c : w) out += (c == '\n' || c == '\r') ? ' ' : c;
  }
  return out;
}

void BindDateline(const Article& a, Stmt& s) {
  if (!a.dateline) {
    for (int i = 11; i <= 17; ++i) s.BindNull(i);
    return;
  }
  const Dateline& d = *a.dateline;
  s.Bind(11, d.place).Bind(12, d.outlet);
  s.Bind(13, int64_t{d.date.year}).Bind(14, int64_t{d.date.month});
  s.Bind(15, int64_t{d.date.day});
  s.Bind(16, int64_t{d.raw.begin}).Bind(17, int64_t{d.raw.end});
}

// Inserts the article row; returns its pk.
Result<int64_t> InsertArticleRow(Db& db, const Article& a, int version) {
  std::string offsets;
  SITREP_RETURN_IF_ERROR(store_internal::EncodeOffsets(a.offsets, &offsets));
  SITREP_ASSIGN_OR_RETURN(Stmt s, db.Prepare(kInsertArticle));
  s.Bind(1, a.id).Bind(2, int64_t{version}).Bind(3, a.content_hash);
  s.Bind(4, a.source_path).Bind(5, a.format).Bind(6, a.url);
  s.Bind(7, a.outlet).Bind(8, a.title);
  if (a.published && a.published->complete()) {
    s.Bind(9, a.published->ToIso());
  } else {
    s.BindNull(9);
  }
  s.Bind(10, DateOriginName(a.date_origin));
  BindDateline(a, s);
  s.Bind(18, JoinWarnings(a.warnings));
  s.Bind(19, static_cast<int64_t>(std::time(nullptr)));
  s.Bind(20, a.text).BindBlob(21, a.raw).BindBlob(22, offsets);
  SITREP_RETURN_IF_ERROR(s.Run());
  return db.LastInsertRowid();
}

Status InsertChildren(Db& db, int64_t pk, const Article& a) {
  SITREP_ASSIGN_OR_RETURN(Stmt s, db.Prepare(kInsertSentence));
  for (size_t i = 0; i < a.sentences.size(); ++i) {
    s.Reset();
    s.Bind(1, pk).Bind(2, static_cast<int64_t>(i));
    s.Bind(3, int64_t{a.sentences[i].begin});
    s.Bind(4, int64_t{a.sentences[i].end});
    SITREP_RETURN_IF_ERROR(s.Run());
  }
  SITREP_ASSIGN_OR_RETURN(Stmt rs, db.Prepare(kInsertRemoved));
  for (size_t i = 0; i < a.removed.size(); ++i) {
    const Removed& r = a.removed[i];
    rs.Reset();
    rs.Bind(1, pk).Bind(2, static_cast<int64_t>(i)).Bind(3, r.kind);
    rs.Bind(4, int64_t{r.raw.begin}).Bind(5, int64_t{r.raw.end});
    rs.Bind(6, r.text);
    SITREP_RETURN_IF_ERROR(rs.Run());
  }
  return Status::OK();
}

}  // namespace

// A write to the full-text index. In a write batch they wait for the
// batch's commit: FTS5 flushes its pending terms at every savepoint it takes
// part in, which would cost a segment write per article.
struct Store::FtsWrite {
  bool remove = false;  // remove the old version's terms, else add
  int64_t pk = 0;
  std::string title, text;
};

namespace {

Status ApplyFts(Db& db, const Store::FtsWrite& w) {
  SITREP_ASSIGN_OR_RETURN(Stmt s,
                          db.Prepare(w.remove ? kFtsDelete : kFtsInsert));
  s.Bind(1, w.pk).Bind(2, w.title).Bind(3, w.text);
  return s.Run();
}

// Applies `w` now, or queues it when `deferred` is not null.
Status WriteFts(Db& db, Store::FtsWrite w,
                std::vector<Store::FtsWrite>* deferred) {
  if (deferred == nullptr) return ApplyFts(db, w);
  deferred->push_back(std::move(w));
  return Status::OK();
}

struct Current {
  int64_t pk = 0;
  int version = 0;  // 0: no such id
  std::string title, text;
};

Result<Current> FindCurrent(Db& db, std::string_view id) {
  SITREP_ASSIGN_OR_RETURN(Stmt s, db.Prepare(kFindCurrent));
  s.Bind(1, id);
  SITREP_ASSIGN_OR_RETURN(bool row, s.Step());
  Current c;
  if (!row) return c;
  c.pk = s.Int(0);
  c.version = static_cast<int>(s.Int(1));
  c.title = s.Text(2);
  c.text = s.Text(3);
  return c;
}

Result<bool> HasContentLocked(Db& db, const Article& a) {
  SITREP_ASSIGN_OR_RETURN(Stmt s, db.Prepare(kFindSameContent));
  s.Bind(1, a.id).Bind(2, a.content_hash);
  return s.Step();
}

}  // namespace

const char* PutOutcomeName(PutOutcome o) {
  switch (o) {
    case PutOutcome::kInserted:
      return "inserted";
    case PutOutcome::kAlreadyPresent:
      return "already present";
    case PutOutcome::kNewVersion:
      return "new version";
  }
  return "?";
}

Store::Store(std::unique_ptr<Db> db) : db_(std::move(db)) {}
Store::~Store() = default;

Result<std::unique_ptr<Store>> Store::Open(const std::string& path) {
  SITREP_ASSIGN_OR_RETURN(std::unique_ptr<Db> db, Db::Open(path));
  Status st = store_internal::Migrate(db.get());
  if (!st.ok()) return st.WithContext(path);
  return std::unique_ptr<Store>(new Store(std::move(db)));
}

int Store::schema_version() const {
  auto v = store_internal::SchemaVersion(db_.get());
  return v.ok() ? *v : 0;
}

namespace {

// PutArticle's work; full-text writes go to `deferred` when not null.
// REQUIRES: a transaction is open on `db`.
Result<PutOutcome> PutLocked(Db& db, const Article& a,
                             std::vector<Store::FtsWrite>* deferred) {
  SITREP_ASSIGN_OR_RETURN(bool present, HasContentLocked(db, a));
  if (present) return PutOutcome::kAlreadyPresent;
  SITREP_ASSIGN_OR_RETURN(Current cur, FindCurrent(db, a.id));
  if (cur.version > 0) {  // the old version leaves the full-text index
    SITREP_RETURN_IF_ERROR(
        WriteFts(db, {true, cur.pk, std::move(cur.title), std::move(cur.text)},
                 deferred));
  }
  SITREP_ASSIGN_OR_RETURN(int64_t pk, InsertArticleRow(db, a, cur.version + 1));
  SITREP_RETURN_IF_ERROR(InsertChildren(db, pk, a));
  SITREP_RETURN_IF_ERROR(WriteFts(db, {false, pk, a.title, a.text}, deferred));
  return cur.version > 0 ? PutOutcome::kNewVersion : PutOutcome::kInserted;
}

}  // namespace

Status ValidateArticle(const Article& a) {
  if (a.id.empty()) return Status::InvalidArgument("article has no id");
  if (a.content_hash.empty()) {
    return Status::InvalidArgument("article " + a.id + " has no content hash");
  }
  for (const Span& s : a.sentences) {
    if (s.begin > s.end || s.end > a.text.size()) {
      return Status::InvalidArgument("article " + a.id +
                                     ": sentence span outside the text");
    }
  }
  for (const Removed& r : a.removed) {
    if (r.raw.begin > r.raw.end || r.raw.end > a.raw.size()) {
      return Status::InvalidArgument("article " + a.id +
                                     ": removed span outside the raw text");
    }
  }
  const auto& anchors = a.offsets.anchors();
  for (size_t i = 1; i < anchors.size(); ++i) {
    if (anchors[i].clean <= anchors[i - 1].clean) {
      return Status::InvalidArgument("offset map anchors not increasing");
    }
  }
  return Status::OK();
}

Result<bool> Store::HasContent(std::string_view id,
                               std::string_view content_hash) {
  SITREP_ASSIGN_OR_RETURN(Stmt s, db_->Prepare(kFindSameContent));
  s.Bind(1, id).Bind(2, content_hash);
  return s.Step();
}

// An open write batch: its full-text writes, waiting for the commit, and
// the first failure of a put once it was writing.
struct Store::Batch {
  std::vector<FtsWrite> fts;
  Status failed;
};

Store::WriteBatch::WriteBatch(Store* store, std::unique_ptr<Transaction> txn)
    : store_(store), txn_(std::move(txn)) {
  store_->batch_ = std::make_unique<Batch>();
}

Store::WriteBatch::~WriteBatch() { store_->batch_.reset(); }

Status Store::WriteBatch::Commit() {
  std::unique_ptr<Batch> batch = std::move(store_->batch_);
  if (!batch->failed.ok()) return batch->failed;  // txn_ rolls it back
  for (const FtsWrite& w : batch->fts) {
    Status st = ApplyFts(*store_->db_, w);
    if (!st.ok()) return st;
  }
  return txn_->Commit();
}

Result<std::unique_ptr<Store::WriteBatch>> Store::BeginWriteBatch() {
  if (batch_) return Status::Internal("a write batch is already open");
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
  return std::unique_ptr<WriteBatch>(new WriteBatch(this, std::move(txn)));
}

namespace {

// One article (and its mentions, when `extract` is set): PutLocked's work
// and the mentions. REQUIRES: a transaction is open on `db`.
Result<PutOutcome> PutWithMentions(Db& db, const Article& a,
                                   const Store::ExtractFn& extract,
                                   std::vector<Store::FtsWrite>* deferred) {
  SITREP_ASSIGN_OR_RETURN(PutOutcome outcome, PutLocked(db, a, deferred));
  if (extract && outcome != PutOutcome::kAlreadyPresent) {
    SITREP_RETURN_IF_ERROR(store_internal::WriteMentions(db, a.id, extract(a)));
  }
  return outcome;
}

// A put's failure once writing, as its batch's: never kInvalidArgument,
// which callers take for an article refused before any write.
Status FailedBatch(const Status& st) {
  if (st.code() != StatusCode::kInvalidArgument) return st;
  return Status::Internal(std::string(st.message()));
}

}  // namespace

Result<PutOutcome> Store::PutArticle(const Article& a) {
  return PutArticleWithMentions(a, nullptr);
}

// Outside a batch, in a transaction of its own; inside one, in the batch's
// transaction, failing the batch if it fails (see WriteBatch).
Result<PutOutcome> Store::PutArticleWithMentions(const Article& a,
                                                 const ExtractFn& extract) {
  SITREP_RETURN_IF_ERROR(ValidateArticle(a));
  if (batch_) {
    if (!batch_->failed.ok()) return batch_->failed;
    Result<PutOutcome> outcome =
        PutWithMentions(*db_, a, extract, &batch_->fts);
    if (!outcome.ok()) {
      batch_->failed = FailedBatch(outcome.status());
      return batch_->failed;
    }
    return outcome;
  }
  SITREP_ASSIGN_OR_RETURN(auto txn, Transaction::Begin(db_.get()));
  SITREP_ASSIGN_OR_RETURN(PutOutcome outcome,
                          PutWithMentions(*db_, a, extract, nullptr));
  SITREP_RETURN_IF_ERROR(txn->Commit());
  return outcome;
}

}  // namespace sitrep
