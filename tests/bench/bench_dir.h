#pragma once
// A temporary directory for one benchmark's files, removed with everything in it at the end,
// and a stand-in for a body digest: what the store benchmarks share.

#include <cstdint>
#include <filesystem>
#include <random>
#include <string>

namespace hotline::bench {

class BenchDir {
public:
  explicit BenchDir(const std::string& prefix) {
    std::random_device random;
    path_ = std::filesystem::temp_directory_path() / (prefix + std::to_string(random()));
    std::filesystem::create_directories(path_);
  }
  ~BenchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  BenchDir(const BenchDir&) = delete;
  BenchDir& operator=(const BenchDir&) = delete;
  std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
  std::filesystem::path path_;
};

// 16 hex digits, distinct for every n, in no order: where a body digest's key lands in an
// index is anywhere.
inline std::string digestOf(uint64_t n) {
  uint64_t x = n * 0x9E3779B97F4A7C15ULL;
  x ^= x >> 29;
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(16, '0');
  for (int i = 15; i >= 0; --i, x >>= 4) {
    hex[static_cast<size_t>(i)] = kHex[x & 0xf];
  }
  return hex;
}

} // namespace hotline::bench
