#include "core/store/sqlite_store.h"

#include "core/store/store_checks.h"

#include <filesystem>
#include <system_error>

namespace hotline::store {
namespace {

Status createParentDirectories(const std::string& path) {
  const std::filesystem::path parent = std::filesystem::path(path).parent_path();
  if (parent.empty()) {
    return Status::ok();
  }
  std::error_code error;
  std::filesystem::create_directories(parent, error);
  if (error) {
    return unavailable("cannot create directory " + parent.string() + ": " + error.message())
        .withContext("store " + path);
  }
  return Status::ok();
}

} // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::open(const SqliteOptions& options) {
  if (options.path.empty()) {
    return invalidArgument("store: the database path is empty");
  }
  // Found now rather than at the first append: OpenSSL without SM3 (a FIPS-only build).
  Result<std::string> probe = audit::hexDigest(options.audit_algorithm, "");
  if (!probe.isOk()) {
    return probe.status().withContext("store " + options.path);
  }
  HOTLINE_RETURN_IF_ERROR(createParentDirectories(options.path));
  Result<std::unique_ptr<SqliteWriter>> writer = SqliteWriter::open(options);
  if (!writer.isOk()) {
    return writer.status();
  }
  Result<std::unique_ptr<SqliteReader>> reader = SqliteReader::open(options.path);
  if (!reader.isOk()) {
    return reader.status();
  }
  return std::unique_ptr<SqliteStore>(
      new SqliteStore(options.path, std::move(writer).value(), std::move(reader).value()));
}

Status SqliteStore::recordRejections(std::span<const RejectionRecord> rejections) {
  return writer_->appendAudit(rejectionFacts(rejections));
}

} // namespace hotline::store
