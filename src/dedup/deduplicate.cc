// One-call dedup over a batch of articles.
#include <algorithm>

#include "dedup/copy_of_internal.h"
#include "dedup/words.h"
#include "sitrep/dedup.h"

namespace sitrep {

DedupInput PrepareArticle(const Article& article, const SignatureOptions& sig,
                          const SentenceOptions& sent) {
  DedupInput in;
  in.info.id = article.id;
  if (article.published && article.published->complete()) {
    in.info.published = article.published;
  }
  in.info.text_bytes = article.text.size();
  if (article.text.size() <= sig.max_bytes) {  // one scan of the words
    dedup_internal::TextWords words;
    dedup_internal::ScanWords(article.text, &words);
    in.signature =
        dedup_internal::SignatureOfWords(words, article.text.size(), sig);
    in.sentences = dedup_internal::FingerprintSentencesOfWords(
        article.text, words, article.sentences, sent);
  } else {
    in.signature = ComputeSignature(article.text, sig);
    in.sentences = FingerprintSentences(article.text, article.sentences, sent);
  }
  std::vector<uint64_t> distinct;
  for (const auto& f : in.sentences) distinct.push_back(f.hash);
  std::sort(distinct.begin(), distinct.end());
  in.info.num_fingerprints =
      std::unique(distinct.begin(), distinct.end()) - distinct.begin();
  return in;
}

DedupBuilder::DedupBuilder(const CopyOptions& options, const LshParams& lsh)
    : options_(options),
      docs_(lsh),
      sentences_(std::make_unique<SharedSentenceIndex>()) {}

DedupBuilder::~DedupBuilder() = default;

Status DedupBuilder::Add(DedupInput input) {
  SITREP_RETURN_IF_ERROR(docs_.Add(input.info.id, std::move(input.signature)));
  SITREP_RETURN_IF_ERROR(sentences_->Add(input.info.id, input.sentences));
  infos_.push_back(std::move(input.info));
  return Status::OK();
}

Result<DedupResult> DedupBuilder::Finish(const ShingleSource* source,
                                         bool list_shared) {
  DedupResult r;
  if (source != nullptr) {
    SITREP_ASSIGN_OR_RETURN(r.groups, docs_.Groups(options_.jaccard, *source));
  } else {
    r.groups = docs_.Groups(options_.jaccard);
  }
  if (list_shared) {
    r.shared = sentences_->All();
    sentences_.reset();
    std::vector<SharedCount> counts = CountShared(r.shared);
    r.copy_of = CopyOfCounts(r.groups, counts, infos_, options_);
    r.reference_dates = ReferenceDatesOfCounts(r.groups, counts, infos_);
  } else {
    // Views into it; each count's infos by doc number (infos_[doc] is the
    // doc's: Add adds to both or neither), not looked up by id.
    std::vector<std::pair<uint32_t, uint32_t>> docs;
    std::vector<SharedCount> counts =
        sentences_->Counts(size_t{4} << 20, &docs);
    dedup_internal::CountInfos found(docs.size());
    for (size_t i = 0; i < docs.size(); ++i) {
      found[i] = {&infos_[docs[i].first], &infos_[docs[i].second]};
    }
    const dedup_internal::InfoMap info = dedup_internal::IndexInfos(infos_);
    r.copy_of =
        dedup_internal::CopyOfFound(r.groups, counts, found, info, options_);
    r.reference_dates =
        dedup_internal::ReferenceDatesFound(r.groups, counts, found, info);
  }
  return r;
}

Result<DedupResult> Deduplicate(std::vector<DedupInput> inputs,
                                const CopyOptions& options,
                                const LshParams& lsh) {
  DedupBuilder builder(options, lsh);
  for (auto& in : inputs) {
    SITREP_RETURN_IF_ERROR(builder.Add(std::move(in)));
    in = DedupInput();  // frees its sentences now, not at the end
  }
  return builder.Finish();
}

}  // namespace sitrep
