# Embeds the text stage's data files (data/text/*.tsv) into sitrep_text as a
# generated C++ source, so the TSV files stay the source of truth and the
# library needs no data files at run time (src/text/text_data.h).
#
# Included by CMakeLists.txt (project mode): adds the generation rule.
# Run as `cmake -DDATA_DIR=... -DOUT=... -P text_data.cmake` (script mode):
# writes the generated source.
if(CMAKE_SCRIPT_MODE_FILE)
  file(GLOB inputs ${DATA_DIR}/*.tsv)
  list(SORT inputs)
  set(arrays "")
  set(index "")
  set(i 0)
  foreach(f ${inputs})
    get_filename_component(name ${f} NAME)
    file(READ ${f} hex HEX)
    string(LENGTH "${hex}" hexlen)
    math(EXPR n "${hexlen} / 2")
    string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
    string(APPEND arrays "const unsigned char kData${i}[] = {${bytes}0};\n")
    string(APPEND index
      "    {\"${name}\", reinterpret_cast<const char*>(kData${i}), ${n}},\n")
    math(EXPR i "${i} + 1")
  endforeach()
  file(WRITE ${OUT}.tmp
    "// Generated from data/text/*.tsv by tools/text_data.cmake. Do not edit.\n"
    "#include <cstddef>\n#include <string_view>\n\n"
    "#include \"text/text_data.h\"\n\n"
    "namespace sitrep::text_data {\nnamespace {\n${arrays}"
    "struct Entry {\n  const char* name;\n  const char* data;\n  size_t size;\n};\n"
    "const Entry kEntries[] = {\n${index}    {nullptr, nullptr, 0}};\n"
    "}  // namespace\n\n"
    "std::string_view File(std::string_view name) {\n"
    "  for (const Entry* e = kEntries; e->name != nullptr; ++e) {\n"
    "    if (name == e->name) return std::string_view(e->data, e->size);\n"
    "  }\n  return {};\n}\n\n}  // namespace sitrep::text_data\n")
  file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
  file(REMOVE ${OUT}.tmp)
  return()
endif()

file(GLOB sitrep_text_data CONFIGURE_DEPENDS
     ${CMAKE_SOURCE_DIR}/data/text/*.tsv)
set(sitrep_text_data_cc ${CMAKE_BINARY_DIR}/generated/text_data_embedded.cc)
add_custom_command(
  OUTPUT ${sitrep_text_data_cc}
  COMMAND ${CMAKE_COMMAND} -DDATA_DIR=${CMAKE_SOURCE_DIR}/data/text
          -DOUT=${sitrep_text_data_cc} -P ${CMAKE_CURRENT_LIST_FILE}
  DEPENDS ${sitrep_text_data} ${CMAKE_CURRENT_LIST_FILE}
  COMMENT "Embedding data/text/*.tsv"
  VERBATIM)
target_sources(sitrep_text PRIVATE ${sitrep_text_data_cc})
