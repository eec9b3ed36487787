#include "sitrep/extract.h"

#include "extract/analysis.h"
#include "extract/lexicon.h"
#include "extract/mention_builder.h"

namespace sitrep {
namespace {

class ExtractorImpl : public Extractor {
 public:
  ExtractorImpl(std::unique_ptr<Lexicon> lex, const Gazetteer* gaz)
      : lex_(std::move(lex)), gaz_(gaz) {}

  std::vector<Mention> Extract(const Article& a) const override {
    std::vector<SentenceFacts> facts;
    facts.reserve(a.sentences.size());
    for (size_t i = 0; i < a.sentences.size(); ++i) {
      SentenceFacts f = AnalyzeSentence(*lex_, gaz_, a.text, a.sentences[i],
                                        static_cast<int>(i), a.published);
      BindFigures(*lex_, a.text, &f);
      facts.push_back(std::move(f));
    }
    MentionBuilder builder(*lex_, gaz_, a);
    return builder.Build(std::move(facts));
  }

 private:
  std::unique_ptr<Lexicon> lex_;
  const Gazetteer* gaz_;
};

}  // namespace

Result<std::unique_ptr<Extractor>> Extractor::Create(const Gazetteer* gaz) {
  SITREP_ASSIGN_OR_RETURN(std::unique_ptr<Lexicon> lex, Lexicon::Load());
  return std::unique_ptr<Extractor>(new ExtractorImpl(std::move(lex), gaz));
}

}  // namespace sitrep
