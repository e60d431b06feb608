#include "core/mapping/csv_record.h"

namespace hotline::mapping {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

class CsvScanner {
public:
  CsvScanner(std::string_view text, std::string_view delimiter)
      : text_(text), delimiter_(delimiter) {}

  Result<std::vector<CsvRecord>> scan() {
    while (pos_ < text_.size()) {
      if (atLineEnd()) {
        skipLineEnd(); // a blank line: no record
        continue;
      }
      HOTLINE_RETURN_IF_ERROR(scanRecord());
    }
    return std::move(records_);
  }

private:
  Status scanRecord() {
    CsvRecord record;
    for (;;) {
      std::string cell;
      HOTLINE_RETURN_IF_ERROR(scanCell(cell));
      record.push_back(std::move(cell));
      if (pos_ < text_.size() && text_.substr(pos_, delimiter_.size()) == delimiter_) {
        pos_ += delimiter_.size();
        continue;
      }
      skipLineEnd();
      break;
    }
    records_.push_back(std::move(record));
    return Status::ok();
  }

  Status scanCell(std::string& cell) {
    if (pos_ < text_.size() && text_[pos_] == '"') {
      return scanQuotedCell(cell);
    }
    const size_t start = pos_;
    while (pos_ < text_.size() && !atLineEnd() &&
           text_.substr(pos_, delimiter_.size()) != delimiter_) {
      ++pos_;
    }
    cell.assign(text_.substr(start, pos_ - start));
    return Status::ok();
  }

  Status scanQuotedCell(std::string& cell) {
    const size_t opened_on = line_;
    ++pos_;
    for (;;) {
      const size_t quote = text_.find('"', pos_);
      if (quote == std::string_view::npos) {
        return invalidArgument("CSV quote opened on line " + std::to_string(opened_on) +
                               " is never closed");
      }
      appendCounting(cell, text_.substr(pos_, quote - pos_));
      pos_ = quote + 1;
      if (pos_ < text_.size() && text_[pos_] == '"') {
        cell.push_back('"'); // "" inside quotes is one quote
        ++pos_;
        continue;
      }
      break;
    }
    if (pos_ < text_.size() && !atLineEnd() &&
        text_.substr(pos_, delimiter_.size()) != delimiter_) {
      return invalidArgument("CSV line " + std::to_string(line_) +
                             ": text after a closing quote (write a quote inside quotes as \"\")");
    }
    return Status::ok();
  }

  void appendCounting(std::string& cell, std::string_view piece) {
    for (char c : piece) {
      line_ += c == '\n' ? 1 : 0;
    }
    cell.append(piece);
  }

  bool atLineEnd() const { return text_[pos_] == '\n' || text_[pos_] == '\r'; }

  void skipLineEnd() {
    if (pos_ < text_.size() && text_[pos_] == '\r') {
      ++pos_;
    }
    if (pos_ < text_.size() && text_[pos_] == '\n') {
      ++pos_;
    }
    ++line_;
  }

  std::string_view text_;
  std::string_view delimiter_;
  size_t pos_ = 0;
  size_t line_ = 1;
  std::vector<CsvRecord> records_;
};

} // namespace

Result<std::vector<CsvRecord>> parseCsvRecords(std::string_view text, std::string_view delimiter) {
  if (text.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    text.remove_prefix(kByteOrderMark.size());
  }
  return CsvScanner(text, delimiter).scan();
}

} // namespace hotline::mapping
