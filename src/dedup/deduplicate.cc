// One-call dedup over a batch of articles.
#include <algorithm>

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
  in.signature = ComputeSignature(article.text, sig);
  in.sentences = FingerprintSentences(article.text, article.sentences, sent);
  std::vector<uint64_t> distinct;
  for (const auto& f : in.sentences) distinct.push_back(f.hash);
  std::sort(distinct.begin(), distinct.end());
  in.info.num_fingerprints =
      std::unique(distinct.begin(), distinct.end()) - distinct.begin();
  return in;
}

Result<DedupResult> Deduplicate(std::vector<DedupInput> inputs,
                                const CopyOptions& options,
                                const LshParams& lsh) {
  NearDuplicateIndex docs(lsh);
  SharedSentenceIndex sentences;
  std::vector<CopyInfo> infos;
  infos.reserve(inputs.size());
  for (auto& in : inputs) {
    SITREP_RETURN_IF_ERROR(docs.Add(in.info.id, std::move(in.signature)));
    SITREP_RETURN_IF_ERROR(sentences.Add(in.info.id, in.sentences));
    infos.push_back(std::move(in.info));
  }
  DedupResult r;
  r.groups = docs.Groups(options.jaccard);
  r.shared = sentences.All();
  r.copy_of = CopyOf(r.groups, r.shared, infos, options);
  r.reference_dates = ReferenceDates(r.groups, r.shared, infos);
  return r;
}

}  // namespace sitrep
