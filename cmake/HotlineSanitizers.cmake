# HOTLINE_SANITIZE=ON instruments every target of this build (its own build directory, see
# `make test-sanitize`). Plugins are built with the same flags so that the loader tests run
# instrumented code on both sides of the C ABI.
if(HOTLINE_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer
                      -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()
