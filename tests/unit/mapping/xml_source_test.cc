// The XML reader: element and attribute paths, namespaces matched by URI, CDATA text,
// repeated elements, malformed input.
#include "tests/unit/mapping/mapping_test_support.h"

namespace hotline::mapping::mapping_tests {
namespace {

constexpr std::string_view kSoapSource = R"({"format": "xml", "namespaces": {
    "s": "http://schemas.xmlsoap.org/soap/envelope/", "d": "urn:yucheng:dept"}})";

std::shared_ptr<const Plan> soapPlan() {
  return compileOk(inbound(kSoapSource, R"([
    {"to": "/title", "from": "/s:Envelope/s:Body/d:Ticket/d:No"},
    {"to": "/content", "from": "/s:Envelope/s:Body/d:Ticket/d:Content"},
    {"to": "/accepted_by", "from": "/s:Envelope/s:Body/d:Ticket/@d:by"},
    {"to": "/result", "from": "/s:Envelope/s:Body/d:Ticket/@seq"}])"));
}

TEST(MappingXmlSource, MatchesNamespacesByUriWhateverPrefixTheDocumentUses) {
  auto plan = soapPlan();
  ASSERT_NE(plan, nullptr);
  const std::string expected =
      R"({"title":"YC-1","content":"路灯不亮","accepted_by":"王五","result":"3"})";
  EXPECT_EQ(runOk(*plan, R"(<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">
      <soap:Body><t:Ticket xmlns:t="urn:yucheng:dept" t:by="王五" seq="3">
        <t:No>YC-1</t:No><t:Content>路灯不亮</t:Content></t:Ticket></soap:Body></soap:Envelope>)"),
            expected);
  // The same document with a default namespace for the department's elements.
  EXPECT_EQ(runOk(*plan, R"(<?xml version="1.0" encoding="UTF-8"?>
      <e:Envelope xmlns:e="http://schemas.xmlsoap.org/soap/envelope/" xmlns:q="urn:yucheng:dept">
      <e:Body><Ticket xmlns="urn:yucheng:dept" q:by="王五" seq="3">
        <No>YC-1</No><Content>路灯不亮</Content></Ticket></e:Body></e:Envelope>)"),
            expected);
}

TEST(MappingXmlSource, APrefixBoundToAnotherUriDoesNotMatch) {
  auto plan = soapPlan();
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"(<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/">
      <s:Body><d:Ticket xmlns:d="urn:somebody:else"><d:No>X</d:No></d:Ticket></s:Body>
      </s:Envelope>)"),
            "{}");
}

TEST(MappingXmlSource, UnprefixedStepsMatchElementsInNoNamespace) {
  auto plan =
      compileOk(inbound(R"({"format": "xml"})", R"([{"to": "/title", "from": "/xml/Title"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, "<xml><Title>停水</Title></xml>"), R"({"title":"停水"})");
  EXPECT_EQ(runOk(*plan, R"(<xml xmlns="urn:x"><Title>停水</Title></xml>)"), "{}");
}

TEST(MappingXmlSource, ElementTextIncludesCdataAndEntities) {
  auto plan =
      compileOk(inbound(R"({"format": "xml"})", R"([{"to": "/content", "from": "/xml/Content"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(
      runOk(*plan, "<xml><Content>A &amp; B <![CDATA[<b>粗体</b>]]> &#x4E2D;</Content></xml>"),
      R"({"content":"A & B <b>粗体</b> 中"})");
}

TEST(MappingXmlSource, APathAddressesTheFirstMatchInDocumentOrder) {
  auto plan =
      compileOk(inbound(R"({"format": "xml"})", R"([{"to": "/title", "from": "/r/group/item"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, "<r><group/><group><item>second group</item><item>x</item></group></r>"),
            R"({"title":"second group"})");
}

TEST(MappingXmlSource, ARepeatedElementIntoAListOfStringsGivesEveryMatch) {
  const std::string mapping = R"({"mapping": 1, "direction": "inbound", "kind": "knowledge_article",
    "source": {"format": "xml"}, "fields": [
      {"to": "/id", "from": "/article/@id"}, {"to": "/title", "from": "/article/title"},
      {"to": "/content", "from": "/article/body"}, {"to": "/tags", "from": "/article/tags/tag"}]})";
  auto plan = compileOk(mapping);
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runOk(*plan, R"(<article id="K1"><title>办证</title><body>所需材料</body>
      <tags><tag>户籍</tag><tag> </tag><tag>身份证</tag></tags></article>)"),
            R"({"id":"K1","title":"办证","content":"所需材料","tags":["户籍","身份证"]})");
}

TEST(MappingXmlSource, MalformedInputNamesTheLine) {
  auto plan = compileOk(inbound(R"({"format": "xml"})", R"([{"to": "/title", "from": "/a"}])"));
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(runError(*plan, "<a>\n<b></a>"),
            "mappings/test/ticket.json: input is not valid XML: line 2: "
            "XML_ERROR_MISMATCHED_ELEMENT");
  EXPECT_EQ(runError(*plan, "<a>\xff</a>"),
            "mappings/test/ticket.json: input is not valid XML: it is not UTF-8");
}

TEST(MappingXmlSource, EntityDefinitionsAreNotExpanded) {
  auto plan = compileOk(inbound(R"({"format": "xml"})", R"([{"to": "/title", "from": "/a"}])"));
  ASSERT_NE(plan, nullptr);
  // A "billion laughs" style declaration: tinyxml2 keeps the DTD as an unknown node and never
  // expands &lol; — the reference stays literal text.
  EXPECT_EQ(
      runOk(*plan, R"(<?xml version="1.0"?><!DOCTYPE a [<!ENTITY lol "lollollol">]><a>&lol;</a>)"),
      R"({"title":"&lol;"})");
}

} // namespace
} // namespace hotline::mapping::mapping_tests
