# Benchmarks (bench/): Google Benchmark micro-benchmarks and small timing
# programs that bench/run.py drives (`make bench`). Not built by default:
# `ninja bench_all`. See bench/RESULTS.md.
find_package(benchmark QUIET)
set(sitrep_bench_programs incremental_bench neardup_bench html_bench date_bench)
add_library(sitrep_bench_util STATIC EXCLUDE_FROM_ALL
            ${CMAKE_SOURCE_DIR}/bench/bench_util.cc)
target_link_libraries(sitrep_bench_util PUBLIC sitrep_pipeline)
target_compile_definitions(sitrep_bench_util PRIVATE
  SITREP_SOURCE_DIR="${CMAKE_SOURCE_DIR}")
foreach(b ${sitrep_bench_programs})
  add_executable(${b} EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/${b}.cc)
  target_link_libraries(${b} PRIVATE sitrep_bench_util Threads::Threads
                        ${SITREP_MALLOC_LIBS})
endforeach()
add_custom_target(bench_all DEPENDS ${sitrep_bench_programs} sitrep gazetteer)
if(benchmark_FOUND)
  add_executable(micro_bench EXCLUDE_FROM_ALL ${CMAKE_SOURCE_DIR}/bench/micro_bench.cc)
  target_link_libraries(micro_bench PRIVATE sitrep_bench_util benchmark::benchmark
                        ${SITREP_MALLOC_LIBS})
  add_dependencies(bench_all micro_bench)
else()
  message(STATUS "bench: Google Benchmark (libbenchmark-dev) not found; no micro_bench")
endif()
target_compile_definitions(date_bench PRIVATE
  SITREP_BENCH_DIR="${CMAKE_SOURCE_DIR}/bench")
