#include "core/config/text_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>

namespace hotline::config {
namespace {

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

Status readError(const std::string& path, int error_number) {
  std::string message = path + ": cannot read: " + std::strerror(error_number);
  if (error_number == ENOENT) {
    return notFound(std::move(message));
  }
  return invalidArgument(std::move(message));
}

} // namespace

Result<std::string> readTextFile(const std::string& path, size_t max_bytes) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    return readError(path, errno);
  }
  std::string contents;
  char chunk[4096];
  size_t count = 0;
  while ((count = std::fread(chunk, 1, sizeof(chunk), file.get())) > 0) {
    contents.append(chunk, count);
    if (contents.size() > max_bytes) {
      return invalidArgument(path + ": larger than " + std::to_string(max_bytes) + " bytes");
    }
  }
  if (std::ferror(file.get()) != 0) {
    // fread on a directory fails with EISDIR here, after fopen succeeded.
    return readError(path, errno);
  }
  return contents;
}

} // namespace hotline::config
