// The comparison the golden tests and `mapping test --expect` rely on: what counts as equal,
// what does not, and what the diff of a mismatch looks like.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/app/mapping_command_compare.h"
#include "core/app/mapping_command_diff.h"

namespace hotline::app {
namespace {

using ::testing::HasSubstr;

bool sameDocument(std::string_view expected, std::string_view actual, DocumentFormat format) {
  Result<DocumentComparison> comparison = compareDocuments(expected, actual, format);
  EXPECT_TRUE(comparison) << comparison.status().message();
  return comparison && comparison->equal;
}

TEST(DocumentCompare, JsonIgnoresMemberOrderAndNumberSpelling) {
  EXPECT_TRUE(sameDocument(R"({"a": 1, "b": {"c": [1.5, "x"], "d": true}})",
                           R"({"b":{"d":true,"c":[15e-1,"x"]},"a":1.0})", DocumentFormat::Json));
}

TEST(DocumentCompare, JsonKeepsArrayOrderTypesAndStrings) {
  EXPECT_FALSE(sameDocument(R"({"a": [1, 2]})", R"({"a": [2, 1]})", DocumentFormat::Json));
  EXPECT_FALSE(sameDocument(R"({"a": 1})", R"({"a": "1"})", DocumentFormat::Json));
  EXPECT_FALSE(sameDocument(R"({"a": "张三"})", R"({"a": "张三 "})", DocumentFormat::Json));
  EXPECT_FALSE(sameDocument(R"({"a": 1})", R"({"a": 1, "b": null})", DocumentFormat::Json));
}

TEST(DocumentCompare, XmlMatchesNamespacesByUriNotPrefix) {
  const char* expected = R"(<?xml version="1.0"?>
<s:Envelope xmlns:s="urn:soap" xmlns:d="urn:dept">
  <s:Body><d:Ticket d:seq="1" version="2"><d:No>A1</d:No></d:Ticket></s:Body>
</s:Envelope>)";
  const char* other_prefixes =
      R"(<E:Envelope xmlns:E="urn:soap"><E:Body><Ticket xmlns="urn:dept" xmlns:z="urn:dept" )"
      R"(version="2" z:seq="1"><No>A1</No></Ticket></E:Body></E:Envelope>)";
  EXPECT_TRUE(sameDocument(expected, other_prefixes, DocumentFormat::Xml));
  const char* other_namespace =
      R"(<E:Envelope xmlns:E="urn:soap"><E:Body><Ticket xmlns="urn:dept:v2" xmlns:z="urn:dept" )"
      R"(version="2" z:seq="1"><No>A1</No></Ticket></E:Body></E:Envelope>)";
  EXPECT_FALSE(sameDocument(expected, other_namespace, DocumentFormat::Xml));
}

TEST(DocumentCompare, XmlTellsCdataFromEscapedText) {
  EXPECT_TRUE(
      sameDocument("<a><![CDATA[x < y]]></a>", "<a><![CDATA[x < y]]></a>", DocumentFormat::Xml));
  EXPECT_FALSE(sameDocument("<a><![CDATA[x < y]]></a>", "<a>x &lt; y</a>", DocumentFormat::Xml));
  EXPECT_TRUE(sameDocument("<a>x &lt; y</a>", "<a>x &#60; y</a>", DocumentFormat::Xml));
}

TEST(DocumentCompare, XmlIgnoresIndentationButNotText) {
  EXPECT_TRUE(sameDocument("<a>\n  <b>1</b>\n</a>", "<a><b>1</b></a>", DocumentFormat::Xml));
  EXPECT_FALSE(sameDocument("<a><b>1</b></a>", "<a><b> 1</b></a>", DocumentFormat::Xml));
  EXPECT_FALSE(sameDocument("<a><b/><c/></a>", "<a><c/><b/></a>", DocumentFormat::Xml));
}

TEST(DocumentCompare, MalformedInputSaysWhichSide) {
  Result<DocumentComparison> json = compareDocuments("{}", "{", DocumentFormat::Json, "exp", "act");
  ASSERT_FALSE(json);
  EXPECT_THAT(json.status().message(), HasSubstr("act: "));
  Result<DocumentComparison> xml =
      compareDocuments("<a><p:b/></a>", "<a/>", DocumentFormat::Xml, "exp", "act");
  ASSERT_FALSE(xml);
  EXPECT_THAT(xml.status().message(), HasSubstr("exp: "));
  EXPECT_THAT(xml.status().message(), HasSubstr("undeclared namespace prefix \"p\""));
}

TEST(DocumentCompare, MismatchDiffShowsOnlyTheChangedMembers) {
  Result<DocumentComparison> comparison =
      compareDocuments(R"({"channel":"phone","content":"c","status":"signed","title":"t"})",
                       R"({"channel":"phone","content":"c","status":"assigned","title":"t"})",
                       DocumentFormat::Json, "expected.json", "actual");
  ASSERT_TRUE(comparison) << comparison.status().message();
  EXPECT_FALSE(comparison->equal);
  EXPECT_THAT(comparison->diff, HasSubstr("--- expected.json\n+++ actual\n"));
  EXPECT_THAT(comparison->diff, HasSubstr("\n-  \"status\": \"signed\",\n"
                                          "+  \"status\": \"assigned\",\n"));
  EXPECT_THAT(comparison->diff, HasSubstr("\n   \"title\": \"t\"\n"));
}

TEST(UnifiedDiff, EqualTextsGiveNoDiff) {
  EXPECT_EQ(unifiedDiff("a\nb\n", "a\nb\n", "x", "y"), "");
}

TEST(UnifiedDiff, HunksCarryContextAndLineNumbers) {
  std::string expected;
  std::string actual;
  for (int i = 1; i <= 20; ++i) {
    expected += "line " + std::to_string(i) + "\n";
    actual += (i == 3 ? "changed 3" : i == 18 ? "changed 18" : "line " + std::to_string(i)) + "\n";
  }
  const std::string diff = unifiedDiff(expected, actual, "e", "a", 2);
  EXPECT_EQ(diff, "--- e\n+++ a\n"
                  "@@ -1,5 +1,5 @@\n line 1\n line 2\n-line 3\n+changed 3\n line 4\n line 5\n"
                  "@@ -16,5 +16,5 @@\n line 16\n line 17\n-line 18\n+changed 18\n line 19\n"
                  " line 20\n");
  EXPECT_THAT(unifiedDiff("a\n", "a\nb\n", "e", "a"), HasSubstr("@@ -1,1 +1,2 @@\n a\n+b\n"));
  EXPECT_EQ(unifiedDiff("a\nb\n", "b\n", "e", "a"), "--- e\n+++ a\n@@ -1,2 +1,1 @@\n-a\n b\n");
}

} // namespace
} // namespace hotline::app
