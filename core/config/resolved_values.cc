#include "core/config/resolved_values.h"

namespace hotline::config {

ResolvedValues resolveSecretValues(ValidatedValues validated, const std::string& path, bool resolve,
                                   ConfigErrors& errors) {
  ResolvedValues resolved{std::move(validated.values), {}};
  for (const std::string& key : validated.secret_keys) {
    auto value = resolved.values.find(key);
    // The validator stored the reference in its canonical form, so this parse succeeds.
    const Result<SecretReference> reference = parseSecretReference(value->second);
    resolved.secrets[key] = value->second;
    if (!resolve || !reference) {
      resolved.values.erase(value);
      continue;
    }
    Result<std::string> secret = resolveSecret(*reference);
    if (secret) {
      value->second = std::move(*secret);
    } else {
      errors.push_back({joinPath(path, key), secret.status().message()});
      resolved.values.erase(value);
    }
  }
  return resolved;
}

} // namespace hotline::config
