// compileFile / compileText: a mapping file's top level (version, direction, kind, source,
// target) and the assembly of the plan; fields are field_compiler.cc's.
#include <rapidjson/document.h>

#include <set>

#include "core/config/json_config_text.h"
#include "core/config/text_file.h"
#include "core/mapping/canonical_schema.h"
#include "core/mapping/compiled_plan.h"
#include "core/mapping/csv_source.h"
#include "core/mapping/field_compiler.h"
#include "core/mapping/json_source.h"
#include "core/mapping/mapping_keys.h"
#include "core/mapping/unicode_text.h"
#include "core/mapping/xml_source.h"

namespace hotline::mapping {
namespace {

// A mapping file is small; anything near this is not one.
constexpr size_t kMaxMappingFileBytes = 4 * 1024 * 1024;

struct Header {
  Direction direction = Direction::Inbound;
  std::string kind;
  model::SchemaKind schema_kind = model::SchemaKind::Ticket;
};

struct PeerSide {
  std::string format = "json";
  std::unique_ptr<const SourceFormat> source; // inbound
  XmlOutputOptions xml;                       // outbound XML
};

std::string_view stringOr(const rapidjson::Value* value, std::string_view fallback) {
  return value != nullptr && value->IsString() ? stringOf(*value) : fallback;
}

std::optional<Header> readHeader(const rapidjson::Value& document, LoadErrors& errors) {
  Header header;
  bool ok = true;
  const rapidjson::Value* version = member(document, "mapping");
  if (version == nullptr || !version->IsInt() || version->GetInt() != 1) {
    errors.add("mapping", "must be 1 (the version of the mapping language)");
    ok = false;
  }
  const std::string_view direction = stringOr(member(document, "direction"), "");
  if (direction != "inbound" && direction != "outbound") {
    errors.add("direction", "must be \"inbound\" (peer -> canonical) or \"outbound\" (canonical "
                            "-> peer)");
    ok = false;
  }
  header.direction = direction == "outbound" ? Direction::Outbound : Direction::Inbound;
  header.kind = std::string(stringOr(member(document, "kind"), ""));
  const std::optional<model::SchemaKind> kind = model::findSchemaKind(header.kind);
  if (!kind) {
    std::vector<std::string> kinds;
    for (int i = 0; i <= static_cast<int>(model::SchemaKind::ChatTranscript); ++i) {
      kinds.emplace_back(model::schemaKindName(static_cast<model::SchemaKind>(i)));
    }
    errors.add("kind", "\"" + header.kind + "\" is not a canonical kind" +
                           didYouMean(header.kind, kinds) +
                           "; one of ticket, event, call_record, "
                           "knowledge_article, contact, list_entry, announcement, chat_transcript");
    ok = false;
  }
  header.schema_kind = kind.value_or(model::SchemaKind::Ticket);
  if (const rapidjson::Value* description = member(document, "description");
      description != nullptr && !description->IsString()) {
    errors.add("description", "must be a string");
  }
  return ok ? std::optional<Header>(header) : std::nullopt;
}

std::optional<NamespaceDeclarations> readNamespaces(const rapidjson::Value* json,
                                                    std::string_view where, LoadErrors& errors) {
  NamespaceDeclarations declarations;
  if (json == nullptr) {
    return declarations;
  }
  if (!json->IsObject()) {
    errors.add(where, "namespaces must be an object of prefix -> namespace URI");
    return std::nullopt;
  }
  for (auto it = json->MemberBegin(); it != json->MemberEnd(); ++it) {
    const std::string prefix(stringOf(it->name));
    const bool good_prefix = isXmlName(prefix) && prefix != "xml" && prefix != "xmlns";
    if (!good_prefix || !it->value.IsString() || it->value.GetStringLength() == 0) {
      errors.add(where,
                 "namespaces: \"" + prefix +
                     "\" needs an XML name as prefix (not xml or xmlns) and a non-empty URI");
      return std::nullopt;
    }
    declarations.emplace_back(prefix, std::string(stringOf(it->value)));
  }
  return declarations;
}

std::optional<CsvOptions> readCsvOptions(const rapidjson::Value& source, LoadErrors& errors) {
  CsvOptions options;
  if (const rapidjson::Value* delimiter = member(source, "delimiter")) {
    const std::string_view text = stringOr(delimiter, "");
    if (text::countCodePoints(text) != 1 || text == "\"" || text == "\n" || text == "\r") {
      errors.add("source.delimiter", "must be one character (not a quote or a line break)");
      return std::nullopt;
    }
    options.delimiter = std::string(text);
  }
  if (const rapidjson::Value* header = member(source, "header")) {
    if (!header->IsBool()) {
      errors.add("source.header", "must be true (the first line names the columns) or false");
      return std::nullopt;
    }
    options.header = header->GetBool();
  }
  return options;
}

// `source` of an inbound mapping ({"format": "json"} when left out).
bool readSource(const rapidjson::Value* source, PeerSide& peer, LoadErrors& errors) {
  const std::string_view format =
      source == nullptr ? "json" : stringOr(member(*source, "format"), "");
  peer.format = std::string(format);
  if (source != nullptr && !source->IsObject()) {
    errors.add("source", "must be an object such as {\"format\": \"json\"}");
    return false;
  }
  if (format == "json") {
    peer.source = makeJsonSourceFormat();
    return source == nullptr || checkKeys(*source, {"format"}, "source", errors);
  }
  if (format == "xml") {
    std::optional<NamespaceDeclarations> namespaces =
        readNamespaces(member(*source, "namespaces"), "source", errors);
    peer.source = makeXmlSourceFormat(namespaces.value_or(NamespaceDeclarations{}));
    return checkKeys(*source, {"format", "namespaces"}, "source", errors) && namespaces;
  }
  if (format == "csv") {
    std::optional<CsvOptions> options = readCsvOptions(*source, errors);
    peer.source = makeCsvSourceFormat(options.value_or(CsvOptions{}));
    return checkKeys(*source, {"format", "delimiter", "header"}, "source", errors) && options;
  }
  errors.add("source.format", "\"" + std::string(format) + "\" is not a source format" +
                                  didYouMean(format, {"json", "xml", "csv"}) +
                                  "; one of json, xml, csv");
  return false;
}

// `target` of an outbound mapping ({"format": "json"} when left out).
bool readTarget(const rapidjson::Value* target, PeerSide& peer, LoadErrors& errors) {
  peer.source = makeJsonSourceFormat(); // outbound mappings read canonical JSON
  if (target == nullptr) {
    return true;
  }
  if (!target->IsObject()) {
    errors.add("target", "must be an object such as {\"format\": \"xml\"}");
    return false;
  }
  peer.format = std::string(stringOr(member(*target, "format"), ""));
  if (peer.format == "json") {
    return checkKeys(*target, {"format"}, "target", errors);
  }
  if (peer.format != "xml") {
    errors.add("target.format", "\"" + peer.format + "\" is not a target format" +
                                    didYouMean(peer.format, {"json", "xml"}) + "; json or xml");
    return false;
  }
  bool ok = checkKeys(*target, {"format", "namespaces", "declaration"}, "target", errors);
  std::optional<NamespaceDeclarations> namespaces =
      readNamespaces(member(*target, "namespaces"), "target", errors);
  if (const rapidjson::Value* declaration = member(*target, "declaration")) {
    ok = declaration->IsBool() && ok;
    peer.xml.declaration = declaration->IsTrue();
    if (!declaration->IsBool()) {
      errors.add("target.declaration", "must be true or false");
    }
  }
  peer.xml.declarations = namespaces.value_or(NamespaceDeclarations{});
  return namespaces && ok;
}

bool readPeerSide(const rapidjson::Value& document, Direction direction, PeerSide& peer,
                  LoadErrors& errors) {
  const rapidjson::Value* source = member(document, "source");
  const rapidjson::Value* target = member(document, "target");
  if (direction == Direction::Inbound) {
    if (target != nullptr) {
      errors.add("target", "inbound mappings write canonical JSON: remove target (or make the "
                           "mapping outbound)");
    }
    return readSource(source, peer, errors) && target == nullptr;
  }
  if (source != nullptr) {
    errors.add("source", "outbound mappings read canonical JSON: remove source (or make the "
                         "mapping inbound)");
  }
  return readTarget(target, peer, errors) && source == nullptr;
}

// The prefixes the output's element and attribute names use, for xmlns declarations.
void collectPrefixes(const OutputLayout& layout, std::set<std::string>& prefixes) {
  for (uint32_t i = 0; i < layout.nodeCount(); ++i) {
    const LayoutNode& node = layout.node(i);
    if (const size_t colon = node.name.find(':'); colon != std::string::npos) {
      prefixes.insert(node.name.substr(0, colon));
    }
    if (node.shape == LayoutNode::Shape::Group) {
      collectPrefixes(layout.group(node.group), prefixes);
    }
  }
}

void finishXmlTarget(const OutputLayout& layout, PeerSide& peer, LoadErrors& errors) {
  if (layout.root().children.size() > 1) {
    std::string roots;
    for (uint32_t child : layout.root().children) {
      roots += roots.empty() ? "" : ", ";
      roots += layout.node(child).name;
    }
    errors.add("fields", "every target path must start at the same root element, not " + roots);
  }
  std::set<std::string> used;
  collectPrefixes(layout, used);
  NamespaceDeclarations declarations;
  for (auto& declaration : peer.xml.declarations) {
    if (used.count(declaration.first) > 0) {
      declarations.push_back(std::move(declaration));
    }
  }
  peer.xml.declarations = std::move(declarations);
}

// [key=$name] filters of a JSON path.
void collectPathParams(const SourcePath& path, std::set<std::string>& into) {
  if (const auto* json = std::get_if<JsonPointerPath>(&path.steps)) {
    for (const JsonPointerStep& step : json->steps()) {
      if (!step.filter_param.empty()) {
        into.insert(step.filter_param);
      }
    }
  }
}

void collectParams(const ScopePlan& scope, std::set<std::string>& into) {
  for (const FieldPlan& field : scope.fields) {
    if (field.source == FieldPlan::Source::Param) {
      into.insert(field.param);
    }
    for (const SourcePath& path : field.from) {
      collectPathParams(path, into);
    }
    if (field.each.path) {
      collectPathParams(*field.each.path, into);
    }
    if (field.when) {
      collectPathParams(field.when->path(), into);
    }
    if (field.items) {
      collectParams(*field.items, into);
    }
  }
}

// The names the plan's `param` fields and [key=$name] filters read, sorted, each once
// (Plan::params()).
std::vector<std::string> paramsRead(const ScopePlan& plan) {
  std::set<std::string> names;
  collectParams(plan, names);
  return {names.begin(), names.end()};
}

} // namespace

std::string_view directionName(Direction direction) {
  return direction == Direction::Inbound ? "inbound" : "outbound";
}

Result<std::shared_ptr<const Plan>> compileText(std::string_view text, const std::string& file_name,
                                                const CodeTables& codes) {
  rapidjson::Document document;
  HOTLINE_RETURN_IF_ERROR(config::parseConfigJson(text, file_name, document));
  LoadErrors errors(file_name);
  if (!document.IsObject()) {
    errors.add("", "a mapping file is a JSON object with mapping, direction, kind and fields");
    return errors.status();
  }
  checkKeys(document, {"mapping", "direction", "kind", "description", "source", "target", "fields"},
            "", errors);
  const std::optional<Header> header = readHeader(document, errors);
  PeerSide peer;
  const bool peer_ok =
      readPeerSide(document, header ? header->direction : Direction::Inbound, peer, errors);
  const rapidjson::Value* fields = member(document, "fields");
  if (fields == nullptr) {
    errors.add("fields", "is required: the list of fields to map");
  }
  if (!header || !peer_ok || fields == nullptr) {
    return errors.status();
  }
  const bool xml_target = header->direction == Direction::Outbound && peer.format == "xml";
  CompileSettings settings;
  settings.direction = header->direction;
  settings.source = peer.source.get();
  settings.codes = &codes;
  settings.kind = header->kind;
  settings.canonical = &canonicalSchema(header->schema_kind);
  settings.target_style = xml_target ? OutputLayout::Style::Xml : OutputLayout::Style::Json;
  settings.target_namespaces = peer.xml.declarations;
  settings.csv_source = header->direction == Direction::Inbound && peer.format == "csv";

  auto layout = std::make_unique<OutputLayout>(settings.target_style);
  ScopePlan plan;
  FieldCompiler(settings, errors)
      .compileFields(*fields, FieldScope{settings.canonical, false, layout.get(), "", false, false},
                     plan);
  if (xml_target) {
    finishXmlTarget(*layout, peer, errors);
  }
  if (!errors.empty()) {
    return errors.status();
  }
  layout->finish();
  std::vector<std::string> params = paramsRead(plan);
  PlanParts parts{file_name,         header->direction,      header->kind,
                  peer.format,       std::move(peer.source), std::move(plan),
                  std::move(layout), std::move(peer.xml),    std::move(params)};
  return std::shared_ptr<const Plan>(std::make_shared<CompiledPlan>(std::move(parts)));
}

Result<std::shared_ptr<const Plan>> compileFile(const std::string& path, const CodeTables& codes) {
  Result<std::string> text = config::readTextFile(path, kMaxMappingFileBytes);
  if (!text) {
    return text.status();
  }
  return compileText(*text, path, codes);
}

} // namespace hotline::mapping
