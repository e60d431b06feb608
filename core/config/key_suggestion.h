#pragma once
// "Did you mean" for unknown keys: the declared key closest to a misspelt one.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hotline::config {

// Edit distance counting insertions, deletions, substitutions and swaps of two neighbours
// as one edit each, so that "prot" is one edit from "port".
size_t editDistance(std::string_view a, std::string_view b);

// The candidate closest to `unknown` when it is close enough to be a plausible typo (one
// edit for names up to four characters, two for longer ones); the first declared wins a
// tie. nullopt when nothing is that close: a far-fetched suggestion misleads more than none.
std::optional<std::string> closestKey(std::string_view unknown,
                                      const std::vector<std::string>& candidates);

} // namespace hotline::config
