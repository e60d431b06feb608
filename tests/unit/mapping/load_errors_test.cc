// What a broken mapping file is told, one line per problem, all problems at once.
#include "tests/unit/mapping/mapping_test_support.h"

namespace hotline::mapping::mapping_tests {
namespace {

constexpr std::string_view kFile = "mappings/test/ticket.json: ";

std::string fieldError(std::string_view field) {
  return loadError(inboundJson("[" + std::string(field) + "]"));
}

TEST(MappingLoadErrors, JsonSyntaxErrorsGiveLineAndColumn) {
  EXPECT_EQ(loadError("{\"mapping\": 1,\n  \"kind\": \"ticket\"\n  \"fields\": []}"),
            "mappings/test/ticket.json:3:3: Missing a comma or '}' after an object member");
}

TEST(MappingLoadErrors, TopLevelProblems) {
  EXPECT_EQ(loadError(R"({"mapping": 2, "direction": "sideways", "kind": "tiket", "fields": []})"),
            std::string(kFile) + "mapping: must be 1 (the version of the mapping language)\n" +
                std::string(kFile) +
                "direction: must be \"inbound\" (peer -> canonical) or \"outbound\" (canonical "
                "-> peer)\n" +
                std::string(kFile) +
                "kind: \"tiket\" is not a canonical kind (did you mean \"ticket\"?); one of "
                "ticket, event, call_record, knowledge_article, contact, list_entry, "
                "announcement, chat_transcript");
  EXPECT_EQ(loadError(R"({"mapping": 1, "direction": "inbound", "kind": "ticket", "feilds": []})"),
            std::string(kFile) + "unknown key \"feilds\" (did you mean \"fields\"?)\n" +
                std::string(kFile) + "fields: is required: the list of fields to map");
  EXPECT_EQ(loadError(R"({"mapping": 1, "direction": "inbound", "kind": "ticket", "fields": []})"),
            std::string(kFile) + "fields must be a non-empty list");
}

TEST(MappingLoadErrors, SourceAndTargetProblems) {
  EXPECT_EQ(loadError(inbound(R"({"format": "yaml"})", R"([{"to": "/title", "from": "/a"}])")),
            std::string(kFile) + "source.format: \"yaml\" is not a source format; one of json, "
                                 "xml, csv");
  EXPECT_EQ(loadError(inbound(R"({"format": "json", "namespaces": {}})",
                              R"([{"to": "/title", "from": "/a"}])")),
            std::string(kFile) + "source: unknown key \"namespaces\"");
  EXPECT_EQ(loadError(outbound(R"({"format": "xml", "declaration": "yes"})",
                               R"([{"to": "/a/b", "from": "/title"}])")),
            std::string(kFile) + "target.declaration: must be true or false");
  EXPECT_EQ(loadError(R"({"mapping": 1, "direction": "outbound", "kind": "ticket",
                          "source": {"format": "json"}, "fields": [{"to": "/a", "from": "/title"}]})"),
            std::string(kFile) + "source: outbound mappings read canonical JSON: remove source (or "
                                 "make the mapping inbound)");
}

TEST(MappingLoadErrors, UnknownFieldKeysSuggestTheClosest) {
  EXPECT_EQ(fieldError(R"({"to": "/title", "form": "/a"})"),
            std::string(kFile) +
                "fields[0] (to /title): unknown key \"form\" (did you mean "
                "\"from\"?)\n" +
                std::string(kFile) +
                "fields[0] (to /title): needs exactly one of from, value, param, each");
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/a", "value": "x"})"),
            std::string(kFile) +
                "fields[0] (to /title): needs exactly one of from, value, param, each");
  EXPECT_EQ(fieldError(R"({"from": "/a"})"),
            std::string(kFile) + "fields[0]: to is required: the target path");
}

TEST(MappingLoadErrors, UnknownTransformSuggestsTheClosest) {
  EXPECT_EQ(fieldError(R"({"to": "/created_at", "from": "/t", "transforms": ["trim", "datee"]})"),
            std::string(kFile) + "fields[0] (to /created_at): transforms[1]: unknown transform "
                                 "\"datee\" (did you mean \"date\"?)");
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/t", "transforms": [{"trim": true}]})"),
            std::string(kFile) + "fields[0] (to /title): transforms[0]: trim: takes no "
                                 "arguments: write \"trim\"");
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/t", "transforms": [{"a": 1, "b": 2}]})"),
            std::string(kFile) + "fields[0] (to /title): transforms[0]: a transform is a name "
                                 "(\"trim\") or an object with one key ({\"date\": {...}}), not an "
                                 "object with 2 keys");
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/t", "transforms": ["trim", "concat"]})"),
            std::string(kFile) + "fields[0] (to /title): transforms[1]: concat must be the first "
                                 "transform");
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/t", "transforms": ["default"]})"),
            std::string(kFile) + "fields[0] (to /title): transforms[0]: default: needs a value: "
                                 "{\"default\": \"...\"}");
}

TEST(MappingLoadErrors, BadSourcePaths) {
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "data/title"})"),
            std::string(kFile) + "fields[0] (to /title): bad JSON Pointer \"data/title\": must "
                                 "start with '/'");
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/a~2"})"),
            std::string(kFile) + "fields[0] (to /title): bad JSON Pointer \"/a~2\": '~' must be "
                                 "followed by 0 (for ~) or 1 (for /)");
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/refs/[system]/number"})"),
            std::string(kFile) + "fields[0] (to /title): bad JSON Pointer "
                                 "\"/refs/[system]/number\": a filter segment is written "
                                 "[key=value]");
}

TEST(MappingLoadErrors, XmlPathsAndUndeclaredPrefixes) {
  const std::string_view source = R"({"format": "xml", "namespaces": {"d": "urn:d"}})";
  EXPECT_EQ(loadError(inbound(source, R"([{"to": "/title", "from": "/d:Ticket/x:No"}])")),
            std::string(kFile) + "fields[0] (to /title): bad XML path \"/d:Ticket/x:No\": "
                                 "namespace prefix \"x\" is not declared (add it to "
                                 "\"namespaces\")");
  EXPECT_EQ(loadError(inbound(source, R"([{"to": "/title", "from": "/d:Ticket/@a/b"}])")),
            std::string(kFile) + "fields[0] (to /title): bad XML path \"/d:Ticket/@a/b\": an "
                                 "attribute (@name) can only be the last step");
  EXPECT_EQ(loadError(inbound(source, R"([{"to": "/title", "from": "/d:Ticket/d:No[2]"}])")),
            std::string(kFile) + "fields[0] (to /title): bad XML path \"/d:Ticket/d:No[2]\": "
                                 "positions like [2] are not supported; use each for repeated "
                                 "elements");
  EXPECT_EQ(loadError(inbound(source, R"([{"to": "/title", "from": "d:Ticket"}])")),
            std::string(kFile) + "fields[0] (to /title): bad XML path \"d:Ticket\": must start "
                                 "with '/' and the root element");
}

TEST(MappingLoadErrors, TargetsMustBeInTheCanonicalSchema) {
  EXPECT_EQ(fieldError(R"({"to": "/titel", "from": "/a"})"),
            std::string(kFile) + "fields[0] (to /titel): /titel is not in the canonical ticket: "
                                 "it has no member \"titel\" (did you mean \"title\"?)");
  EXPECT_EQ(fieldError(R"({"to": "/requester/phon", "from": "/a"})"),
            std::string(kFile) + "fields[0] (to /requester/phon): /requester/phon is not in the "
                                 "canonical ticket: requester has no member \"phon\" (did you mean "
                                 "\"phone\"?)");
  EXPECT_EQ(fieldError(R"({"to": "/refs/number", "from": "/a"})"),
            std::string(kFile) + "fields[0] (to /refs/number): /refs/number is not in the "
                                 "canonical ticket: refs is a list: name an item by number "
                                 "(refs/0/...) or use each");
  EXPECT_EQ(fieldError(R"({"to": "/title/x", "from": "/a"})"),
            std::string(kFile) + "fields[0] (to /title/x): /title/x is not in the canonical "
                                 "ticket: a string has no members (\"x\")");
}

TEST(MappingLoadErrors, ObjectsAndListsOfObjectsTakeNoSingleValue) {
  EXPECT_EQ(fieldError(R"({"to": "/requester", "from": "/a"})"),
            std::string(kFile) + "fields[0] (to /requester): /requester is an object with "
                                 "members name, phone, contact_phone: map a value to one of them, "
                                 "e.g. /requester/name");
  EXPECT_EQ(fieldError(R"({"to": "/assignments", "from": "/a"})"),
            std::string(kFile) + "fields[0] (to /assignments): /assignments is a list of objects "
                                 "(assignment): fill it with each");
}

TEST(MappingLoadErrors, TypeConflicts) {
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/a", "transforms": ["bool"]})"),
            std::string(kFile) + "fields[0] (to /title): type conflict: the value is a boolean, "
                                 "but the field is a string");
  EXPECT_EQ(fieldError(R"({"to": "/title", "value": 3})"),
            std::string(kFile) + "fields[0] (to /title): type conflict: the value is a number, "
                                 "but the field is a string");
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/a", "transforms": ["split", "number"]})"),
            std::string(kFile) + "fields[0] (to /title): transforms[1]: number takes a single "
                                 "value, but the value is a list here (made by split)");
  EXPECT_EQ(fieldError(R"({"to": "/channel", "value": "fax"})"),
            std::string(kFile) + "fields[0] (to /channel): \"fax\" is not a canonical channel "
                                 "(phone, web, app, wechat, sms, email, province, city, "
                                 "county, department, legacy, other)");
}

TEST(MappingLoadErrors, EachProblems) {
  EXPECT_EQ(
      fieldError(R"({"to": "/title", "each": "/items", "fields": [{"to": "x", "from": "/x"}]})"),
      std::string(kFile) + "fields[0] (to /title): each needs a list to fill, but /title is "
                           "a string");
  EXPECT_EQ(fieldError(R"({"to": "/assignments", "each": "/items"})"),
            std::string(kFile) + "fields[0] (to /assignments): each needs fields: what each item "
                                 "holds");
  EXPECT_EQ(fieldError(R"({"to": "/assignments", "each": "/items", "fields": [
                          {"to": "seq", "from": "/n", "transforms": ["number"]},
                          {"to": "lead_unit", "from": "/u"}]})"),
            std::string(kFile) + "fields[0] (to /assignments): fields[1] (to lead_unit): "
                                 "lead_unit is an object (unit_ref) with members code, name: map "
                                 "a value to one of them, e.g. lead_unit/code");
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/a", "fields": []})"),
            std::string(kFile) + "fields[0] (to /title): fields belongs to each: this field has "
                                 "no each");
}

TEST(MappingLoadErrors, ConditionProblems) {
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/a", "when": {"path": "/s", "equal": "3"}})"),
            std::string(kFile) + "fields[0] (to /title): when: unknown key \"equal\" (did you mean "
                                 "\"equals\"?)");
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/a", "when": {"path": "/s"}})"),
            std::string(kFile) + "fields[0] (to /title): when: needs exactly one of equals, in, "
                                 "exists, matches");
  EXPECT_EQ(fieldError(R"({"to": "/title", "from": "/a", "when": {"path": "/s", "in": []}})"),
            std::string(kFile) + "fields[0] (to /title): when: in must be a non-empty list");
}

TEST(MappingLoadErrors, EveryProblemOfAFileIsReportedAtOnce) {
  const std::string errors = loadError(inboundJson(R"([
      {"to": "/titel", "from": "/a"},
      {"to": "/created_at", "from": "/t", "transforms": ["datee"]},
      {"to": "/category/type", "from": "/c", "transforms": [{"code": {"table": "nope", "fallback": "other"}}]},
      {"to": "/content", "from": "/ok"}])"));
  EXPECT_NE(errors.find("fields[0] (to /titel)"), std::string::npos) << errors;
  EXPECT_NE(errors.find("fields[1] (to /created_at): transforms[0]: unknown transform"),
            std::string::npos);
  EXPECT_NE(errors.find("fields[2] (to /category/type): transforms[0]: code: code table \"nope\""),
            std::string::npos);
  EXPECT_EQ(std::count(errors.begin(), errors.end(), '\n'), 2);
}

} // namespace
} // namespace hotline::mapping::mapping_tests
