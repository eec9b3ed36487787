# The dedup stage library does not depend on ingest, but its corpus test
# (src/dedup/corpus_test.cc) reads the seeds and the example corpus through
# ReadDocuments + BuildArticle, so the test binary links sitrep_ingest.
if(TARGET dedup_tests)
  target_link_libraries(dedup_tests PRIVATE sitrep_ingest)
endif()
