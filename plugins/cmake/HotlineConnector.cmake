# hotline_add_connector(<target> SOURCES <files...> [LIBS <targets...>])
# Builds a connector plugin: a shared library with only the entry point exported, written
# to the build's plugin directory where the gateway finds it by default.
function(hotline_add_connector target)
  cmake_parse_arguments(ARG "" "" "SOURCES;LIBS" ${ARGN})
  add_library(${target} MODULE ${ARG_SOURCES})
  target_link_libraries(${target} PRIVATE hotline_sdk ${ARG_LIBS})
  set_target_properties(${target} PROPERTIES
    PREFIX "lib"
    LIBRARY_OUTPUT_DIRECTORY ${HOTLINE_PLUGIN_OUTPUT_DIR}
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(COMMAND hotline_target_warnings)
    hotline_target_warnings(${target})
  endif()
endfunction()
