# Warnings as errors for our own code only; third-party headers come in as SYSTEM includes.
# -Wnull-dereference is left out: at -O2 it fires inside RapidJSON's schema.h templates.
function(hotline_target_warnings target)
  target_compile_options(${target} PRIVATE
    -Wall -Wextra -Wpedantic -Werror
    -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align -Woverloaded-virtual
    -Wimplicit-fallthrough -Wformat=2)
endfunction()
