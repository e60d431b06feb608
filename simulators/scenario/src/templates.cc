#include "simulators/scenario/src/templates.h"

#include <cctype>
#include <fstream>
#include <sstream>

namespace hotline::sim::scenario {
namespace {

bool isVarName(std::string_view name) {
  if (name.empty() || !(std::isalpha(static_cast<unsigned char>(name[0])) || name[0] == '_')) {
    return false;
  }
  for (char c : name) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '_')) {
      return false;
    }
  }
  return true;
}

Result<Reference> parseReference(std::string_view inner) {
  Reference ref;
  ref.text = "${" + std::string(inner) + "}";
  struct Prefix {
    std::string_view text;
    Reference::Kind kind;
  };
  for (const Prefix& prefix :
       {Prefix{"port:", Reference::Kind::Port}, Prefix{"file:", Reference::Kind::File},
        Prefix{"file_text:", Reference::Kind::FileText}}) {
    if (inner.substr(0, prefix.text.size()) == prefix.text) {
      ref.kind = prefix.kind;
      ref.name = std::string(inner.substr(prefix.text.size()));
      if (ref.name.empty()) {
        return invalidArgument(ref.text + " names nothing after \"" + std::string(prefix.text) +
                               "\"");
      }
      return ref;
    }
  }
  if (inner == "tmp") {
    ref.kind = Reference::Kind::Tmp;
    return ref;
  }
  if (inner == "scenario_dir") {
    ref.kind = Reference::Kind::ScenarioDir;
    return ref;
  }
  if (isVarName(inner)) {
    ref.name = std::string(inner);
    return ref;
  }
  return invalidArgument("malformed variable " + ref.text +
                         ": expected ${port:NAME}, ${file:NAME}, ${file_text:NAME}, ${tmp}, "
                         "${scenario_dir} or ${NAME} of a saved value");
}

std::string listOf(const std::set<std::string>& names) {
  std::string out;
  for (const std::string& name : names) {
    out += (out.empty() ? "" : ", ") + name;
  }
  return out.empty() ? "none" : out;
}

Status checkOne(const Reference& ref, const KnownNames& known) {
  switch (ref.kind) {
  case Reference::Kind::Port:
    if (known.ports.count(ref.name) == 0) {
      return notFound("unknown port " + ref.text + " (ports: " + listOf(known.ports) + ")");
    }
    return Status::ok();
  case Reference::Kind::FileText:
    if (!known.file_text_allowed) {
      return invalidArgument(ref.text + " cannot be used here (no file is read before the "
                                        "processes start)");
    }
    [[fallthrough]];
  case Reference::Kind::File:
    if (known.files.count(ref.name) == 0) {
      return notFound("unknown file " + ref.text + " (files: " + listOf(known.files) + ")");
    }
    return Status::ok();
  case Reference::Kind::Var:
    if (!known.vars_allowed) {
      return invalidArgument(ref.text + " cannot be used here: saved values exist only in "
                                        "steps after the one that saves them");
    }
    if (known.vars.count(ref.name) == 0) {
      return notFound("unknown variable " + ref.text +
                      " (saved by earlier steps: " + listOf(known.vars) + ")");
    }
    return Status::ok();
  default:
    return Status::ok();
  }
}

std::string readText(const std::string& path, bool& ok) {
  std::ifstream in(path, std::ios::binary);
  ok = static_cast<bool>(in);
  std::ostringstream text;
  text << in.rdbuf();
  std::string out = text.str();
  if (out.size() >= 2 && out.compare(out.size() - 2, 2, "\r\n") == 0) {
    out.resize(out.size() - 2);
  } else if (!out.empty() && out.back() == '\n') {
    out.pop_back();
  }
  return out;
}

} // namespace

Result<std::string>
expandReferences(std::string_view text,
                 const std::function<Result<std::string>(const Reference&)>& resolve) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text.substr(i, 3) == "$${") {
      out += "${";
      i += 3;
      continue;
    }
    if (text.substr(i, 2) != "${") {
      out += text[i++];
      continue;
    }
    size_t close = text.find('}', i + 2);
    if (close == std::string_view::npos) {
      return invalidArgument("unterminated variable \"" + std::string(text.substr(i)) +
                             "\" (write $${ for a literal ${)");
    }
    Result<Reference> ref = parseReference(text.substr(i + 2, close - i - 2));
    if (!ref) {
      return ref.status();
    }
    Result<std::string> value = resolve(*ref);
    if (!value) {
      return value.status();
    }
    out += *value;
    i = close + 1;
  }
  return out;
}

void checkReferences(const rapidjson::Value& value, const std::string& path,
                     const KnownNames& known, Problems& problems) {
  if (value.IsString()) {
    Result<std::string> checked =
        expandReferences(std::string_view(value.GetString(), value.GetStringLength()),
                         [&](const Reference& ref) -> Result<std::string> {
                           Status status = checkOne(ref, known);
                           if (!status.isOk()) {
                             return status;
                           }
                           return std::string();
                         });
    if (!checked) {
      problems.add(path, checked.status().message());
    }
  } else if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      checkReferences(value[i], childPath(path, i), known, problems);
    }
  } else if (value.IsObject()) {
    for (const auto& member : value.GetObject()) {
      checkReferences(
          member.value,
          childPath(path, std::string_view(member.name.GetString(), member.name.GetStringLength())),
          known, problems);
    }
  }
}

Result<std::string> resolveReference(const Reference& ref, const Variables& variables) {
  switch (ref.kind) {
  case Reference::Kind::Port: {
    auto it = variables.ports.find(ref.name);
    if (it == variables.ports.end()) {
      return notFound("unknown port " + ref.text);
    }
    return std::to_string(it->second);
  }
  case Reference::Kind::File:
  case Reference::Kind::FileText: {
    auto it = variables.files.find(ref.name);
    if (it == variables.files.end()) {
      return notFound("unknown file " + ref.text);
    }
    if (ref.kind == Reference::Kind::File) {
      return it->second;
    }
    bool ok = false;
    std::string text = readText(it->second, ok);
    if (!ok) {
      return notFound(ref.text + ": cannot read " + it->second + " (not written yet?)");
    }
    return text;
  }
  case Reference::Kind::Tmp:
    return variables.tmp;
  case Reference::Kind::ScenarioDir:
    return variables.scenario_dir;
  case Reference::Kind::Var:
  default: {
    auto it = variables.saved.find(ref.name);
    if (it == variables.saved.end()) {
      return notFound("unknown variable " + ref.text + " (no earlier step saved it)");
    }
    return it->second;
  }
  }
}

Status substituteStrings(rapidjson::Value& value, rapidjson::Document::AllocatorType& allocator,
                         const std::string& path, const Variables& variables) {
  if (value.IsString()) {
    Result<std::string> text =
        expandReferences(std::string_view(value.GetString(), value.GetStringLength()),
                         [&](const Reference& ref) { return resolveReference(ref, variables); });
    if (!text) {
      return text.status().withContext(path);
    }
    value.SetString(text->c_str(), static_cast<rapidjson::SizeType>(text->size()), allocator);
  } else if (value.IsArray()) {
    for (rapidjson::SizeType i = 0; i < value.Size(); ++i) {
      Status status = substituteStrings(value[i], allocator, childPath(path, i), variables);
      if (!status.isOk()) {
        return status;
      }
    }
  } else if (value.IsObject()) {
    for (auto& member : value.GetObject()) {
      Status status = substituteStrings(
          member.value, allocator,
          childPath(path, std::string_view(member.name.GetString(), member.name.GetStringLength())),
          variables);
      if (!status.isOk()) {
        return status;
      }
    }
  }
  return Status::ok();
}

} // namespace hotline::sim::scenario
