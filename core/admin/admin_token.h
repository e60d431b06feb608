#pragma once
// The admin API's bearer token. Configured as a secret (admin.token = env:NAME / file:PATH),
// or — so that `make run` works on a fresh machine without inventing a secret — generated
// at first start into admin.token_file with mode 0600 and reused afterwards; the CLI reads
// that file by default.

#include "hotline/status.h"

#include <string>
#include <string_view>

namespace hotline::admin {

// The configured token when non-empty; else the token in `token_file`; else a new random
// token (256 bits, hex) written to `token_file` (parent directories created, mode 0600).
Result<std::string> ensureAdminToken(const std::string& configured, const std::string& token_file);

// Constant-time comparison, so the time taken does not tell how much of a guess was right.
bool tokenMatches(std::string_view expected, std::string_view presented);

// "Bearer <token>" -> "<token>"; empty when the header has another form.
std::string_view bearerToken(std::string_view authorization_header);

} // namespace hotline::admin
