#pragma once
// Internal to the loader: turns a validated block's secret references into the secrets.

#include <string>

#include "core/config/config_validator.h"
#include "core/config/secret_resolver.h"

namespace hotline::config {

struct ResolvedValues {
  FlatValues values; // secret keys hold the secret (or are absent when not resolved)
  SecretSources secrets;
};

// Resolves every secret key of `validated` when `resolve` is true, else drops its value
// (a disabled instance); either way records the reference. Failures are appended to
// `errors` under joinPath(path, key).
ResolvedValues resolveSecretValues(ValidatedValues validated, const std::string& path, bool resolve,
                                   ConfigErrors& errors);

} // namespace hotline::config
