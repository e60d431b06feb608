#pragma once
// Secrets never appear in the config text (DESIGN.md §9): a Secret key holds a reference,
// `env:NAME` (an environment variable) or `file:PATH` (a file, e.g. a systemd credential or
// a mounted secret), resolved once at load. Errors name the variable or the file, never the
// secret itself nor, for a refused inline value, what was written.
//
// Thread safety: resolveSecret reads the environment; do not call it while another thread
// changes the environment (setenv), which in this process only tests do.

#include <map>
#include <string>
#include <string_view>

#include "hotline/status.h"

namespace hotline::config {

struct SecretReference {
  enum class Source { Env, File };
  Source source = Source::Env;
  std::string name; // the variable name or the file path

  // "env:NAME" / "file:PATH", as written in the config.
  std::string text() const;
};

// Parses "env:NAME" (NAME: a letter or '_', then letters, digits, '_') or "file:PATH"
// (non-empty). Anything else is refused with a message that does not repeat `text`, since
// it is probably the secret itself pasted inline.
Result<SecretReference> parseSecretReference(std::string_view text);

// Reads the secret: the variable's value, or the file's contents with one trailing newline
// ("\n" or "\r\n") removed so that `echo secret > file` works. A relative PATH is relative
// to the working directory. An unset or empty variable, an unreadable, empty or oversized
// (> 64 KiB) file is an error naming the variable or path.
Result<std::string> resolveSecret(const SecretReference& reference);

// Key -> the reference a secret was read from ("env:WECHAT_SECRET", "file:/run/secrets/sms").
// Anything that prints config values prints maskedSecret(reference) for these keys instead.
using SecretSources = std::map<std::string, std::string>;

// What printers show instead of a secret: "<secret from env:NAME>".
std::string maskedSecret(std::string_view reference_text);

} // namespace hotline::config
