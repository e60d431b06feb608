#include "core/mapping/csv_source.h"

#include <algorithm>
#include <charconv>

#include "core/mapping/csv_record.h"
#include "core/mapping/unicode_text.h"

namespace hotline::mapping {

std::vector<std::string_view> splitCell(std::string_view cell, std::string_view separator) {
  std::vector<std::string_view> pieces;
  if (cell.empty()) {
    return pieces;
  }
  size_t start = 0;
  for (;;) {
    const size_t found = cell.find(separator, start);
    pieces.push_back(cell.substr(start, found - start));
    if (found == std::string_view::npos) {
      break;
    }
    start = found + separator.size();
  }
  return pieces;
}

namespace {

class CsvSourceDocument final : public SourceDocument {
public:
  Status parse(std::string_view input, const CsvOptions& options) {
    if (!text::isValidUtf8(input)) {
      return invalidArgument("input is not valid CSV: it is not UTF-8 (convert GB18030/GBK first)");
    }
    Result<std::vector<CsvRecord>> records = parseCsvRecords(input, options.delimiter);
    if (!records) {
      return invalidArgument("input is not valid CSV: " + records.status().message());
    }
    const size_t expected = options.header ? 2 : 1;
    if (records->size() != expected) {
      const size_t data_records = records->size() - (options.header && !records->empty() ? 1 : 0);
      return invalidArgument("input is not one CSV record" +
                             std::string(options.header ? " after a header line" : "") +
                             ": it has " + std::to_string(data_records));
    }
    if (options.header) {
      header_ = std::move(records->front());
      for (std::string& name : header_) {
        name = std::string(text::trimSpace(name));
      }
    }
    record_ = std::move(records->back());
    return Status::ok();
  }

  SourceCursor root() const override { return {nullptr, 0}; }

  std::optional<std::string> read(const SourcePath& path, SourceCursor at, bool /*all_matches*/,
                                  Value& out) const override {
    out.setString(cellAt(std::get<CsvColumn>(path.steps), at));
    return std::nullopt;
  }

  bool exists(const SourcePath& path, SourceCursor at) const override {
    return !cellAt(std::get<CsvColumn>(path.steps), at).empty();
  }

  void each(const EachSource& each, SourceCursor /*at*/,
            std::vector<SourceCursor>& items) const override {
    size_t count = 0;
    for (const CsvColumn& column : each.split.columns) {
      count = std::max(count, splitCell(cell(column), each.split.separator).size());
    }
    for (size_t i = 0; i < count; ++i) {
      items.push_back({&each.split, i});
    }
  }

private:
  std::string_view cell(const CsvColumn& column) const {
    size_t index = column.number - 1;
    if (column.number == 0) {
      const auto found = std::find(header_.begin(), header_.end(), column.name);
      index = static_cast<size_t>(found - header_.begin());
    }
    return index < record_.size() ? std::string_view(record_[index]) : std::string_view();
  }

  // Inside an `each`, the cursor names the split and the piece.
  std::string_view cellAt(const CsvColumn& column, SourceCursor at) const {
    const std::string_view whole = cell(column);
    if (at.node == nullptr) {
      return whole;
    }
    const auto& split = *static_cast<const CsvSplit*>(at.node);
    const std::vector<std::string_view> pieces = splitCell(whole, split.separator);
    return at.item < pieces.size() ? pieces[at.item] : std::string_view();
  }

  std::vector<std::string> header_;
  CsvRecord record_;
};

class CsvSourceFormat final : public SourceFormat {
public:
  explicit CsvSourceFormat(CsvOptions options) : options_(std::move(options)) {}

  const std::string& name() const override { return name_; }

  Result<SourcePath> compilePath(std::string_view text, bool /*relative*/) const override {
    CsvColumn column;
    if (options_.header) {
      if (text::isBlank(text)) {
        return invalidArgument("a CSV column name must not be empty");
      }
      column.name = std::string(text::trimSpace(text));
      return SourcePath{std::string(text), std::move(column)};
    }
    const auto [end, error] =
        std::from_chars(text.data(), text.data() + text.size(), column.number);
    if (error != std::errc() || end != text.data() + text.size() || column.number == 0) {
      return invalidArgument("bad CSV column \"" + std::string(text) +
                             "\": without a header, columns are numbers from \"1\"");
    }
    return SourcePath{std::string(text), std::move(column)};
  }

  Result<std::unique_ptr<SourceDocument>> parse(std::string_view input) const override {
    auto document = std::make_unique<CsvSourceDocument>();
    HOTLINE_RETURN_IF_ERROR(document->parse(input, options_));
    return std::unique_ptr<SourceDocument>(std::move(document));
  }

  std::string itemPath(std::string_view /*each_path*/, size_t index,
                       std::string_view inner) const override {
    return std::string(inner) + "[" + std::to_string(index + 1) + "]";
  }

private:
  std::string name_ = "csv";
  CsvOptions options_;
};

} // namespace

std::unique_ptr<const SourceFormat> makeCsvSourceFormat(CsvOptions options) {
  return std::make_unique<CsvSourceFormat>(std::move(options));
}

} // namespace hotline::mapping
