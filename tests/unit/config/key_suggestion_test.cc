#include "core/config/key_suggestion.h"

#include <gtest/gtest.h>

namespace hotline::config {
namespace {

TEST(ConfigKeySuggestionTest, CountsASwapOfNeighboursAsOneEdit) {
  EXPECT_EQ(editDistance("prot", "port"), 1u);
  EXPECT_EQ(editDistance("port", "port"), 0u);
  EXPECT_EQ(editDistance("", "port"), 4u);
  EXPECT_EQ(editDistance("max_queue", "max_queued"), 1u);
  EXPECT_EQ(editDistance("kitten", "sitting"), 3u);
}

TEST(ConfigKeySuggestionTest, SuggestsOnlyPlausibleTypos) {
  const std::vector<std::string> keys = {"bind", "port", "threads", "max_queued"};
  EXPECT_EQ(closestKey("prot", keys), "port");
  EXPECT_EQ(closestKey("thread", keys), "threads");
  EXPECT_EQ(closestKey("maxqueud", keys), "max_queued");
  EXPECT_EQ(closestKey("host", keys), std::nullopt) << "two edits from \"port\" is too far for 4";
  EXPECT_EQ(closestKey("compression", keys), std::nullopt);
}

TEST(ConfigKeySuggestionTest, PrefersTheFirstDeclaredOnATie) {
  EXPECT_EQ(closestKey("cat", {"bat", "hat"}), "bat");
}

} // namespace
} // namespace hotline::config
