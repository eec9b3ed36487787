// The stored form of a Mention: one compact JSON object (readable with
// `sqlite3 sitrep.db 'select body from mentions'`), described in
// doc/storage.md. Decode(Encode(m)) == m for every field but the
// coordinates, which keep ten significant digits; with `exact` (bodies
// that are never stored, as Store's re-dated mentions) those too.
//
// Thread safety: pure functions.
#ifndef SITREP_STORE_MENTION_CODEC_H_
#define SITREP_STORE_MENTION_CODEC_H_

#include <functional>
#include <string>
#include <string_view>

#include "sitrep/event.h"
#include "sitrep/status.h"
#include "store/db.h"

namespace sitrep::store_internal {

std::string EncodeMention(const Mention& m, bool exact = false);
// kCorruption when `json` is not a mention written by EncodeMention.
Result<Mention> DecodeMention(std::string_view json);
// Steps `s` to its end, decoding each row's column 0 (a mention body) and
// handing it to `fn`; stops at the first error.
Status ForEachMentionRow(Stmt& s, const std::function<Status(Mention&&)>& fn);

}  // namespace sitrep::store_internal

#endif  // SITREP_STORE_MENTION_CODEC_H_
