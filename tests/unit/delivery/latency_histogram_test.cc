#include "core/delivery/dispatcher_stats.h"

#include <gtest/gtest.h>

#include <numeric>

namespace hotline::delivery {
namespace {

TEST(LatencyHistogram, CountsPerBucketAndCumulatesForPrometheus) {
  LatencyHistogram histogram;
  for (int64_t ms : {0, 5, 6, 100, 101, 30000, 30001, 99999}) {
    histogram.observe(ms);
  }
  EXPECT_EQ(histogram.count, 8u);
  EXPECT_EQ(histogram.sum_ms, 0 + 5 + 6 + 100 + 101 + 30000 + 30001 + 99999);
  EXPECT_EQ(histogram.buckets[0], 2u);  // <= 5
  EXPECT_EQ(histogram.buckets[1], 1u);  // (5, 10]
  EXPECT_EQ(histogram.buckets[4], 1u);  // (50, 100]
  EXPECT_EQ(histogram.buckets[5], 1u);  // (100, 250]
  EXPECT_EQ(histogram.buckets[11], 1u); // (10000, 30000]
  EXPECT_EQ(histogram.buckets[12], 2u); // above every bound
  EXPECT_EQ(std::accumulate(histogram.buckets.begin(), histogram.buckets.end(), uint64_t{0}),
            histogram.count);

  const LatencyHistogram cumulative = histogram.cumulative();
  EXPECT_EQ(cumulative.buckets[0], 2u);
  EXPECT_EQ(cumulative.buckets[4], 4u);
  EXPECT_EQ(cumulative.buckets[11], 6u);
  EXPECT_EQ(cumulative.buckets[12], cumulative.count);
  for (size_t i = 1; i < cumulative.buckets.size(); ++i) {
    EXPECT_GE(cumulative.buckets[i], cumulative.buckets[i - 1]);
  }
}

} // namespace
} // namespace hotline::delivery
