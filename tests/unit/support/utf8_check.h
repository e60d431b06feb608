#pragma once
// An independent UTF-8 validator for the masking tests (RapidJSON's, not hotline_support's),
// so that "the output is valid UTF-8" is not checked by the code under test.

#include <rapidjson/encodings.h>
#include <rapidjson/memorystream.h>
#include <rapidjson/stringbuffer.h>

#include <string>

namespace hotline::support::testing {

inline bool independentlyValidUtf8(const std::string& text) {
  rapidjson::MemoryStream input(text.data(), text.size());
  rapidjson::StringBuffer sink;
  while (input.Tell() < text.size()) {
    if (!rapidjson::UTF8<>::Validate(input, sink)) {
      return false;
    }
  }
  return true;
}

} // namespace hotline::support::testing
