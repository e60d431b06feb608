// The department simulator's payloads: the hotline number of a pushed ticket, its answers, and
// the callbacks it writes (issue 5 spec, department link).

#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <regex>

#include "simulators/department/src/callback_payload.h"
#include "simulators/department/src/gateway_client.h"
#include "simulators/department/src/task_payload.h"

namespace hotline::sim::department {
namespace {

constexpr int64_t k20261128T100000Plus8 = 1'795'831'200'000; // 2026-11-28 10:00:00 +08:00

TEST(DepartmentTaskPayload, HotlineNumberOfTheJsonVariant) {
  auto number = hotlineNumberOf(R"({"code":"0","data":{"gdbh":"YC2404100001"}})",
                                "application/json; charset=utf-8");
  ASSERT_TRUE(number.isOk()) << number.status().message();
  EXPECT_EQ(*number, "YC2404100001");
  auto missing = hotlineNumberFromJson(R"({"code":"0","data":{"gdbh":""}})");
  ASSERT_FALSE(missing.isOk());
  EXPECT_TRUE(missing.status().message().starts_with("/data/gdbh: missing"));
  EXPECT_TRUE(hotlineNumberFromJson("{").status().message().starts_with("body: not JSON"));
}

TEST(DepartmentTaskPayload, HotlineNumberOfTheXmlVariantByNamespaceNotPrefix) {
  // The prefix is the sender's choice; only the namespace URI identifies the element.
  const std::string body =
      R"(<env:Envelope xmlns:env="http://schemas.xmlsoap.org/soap/envelope/"><env:Body>)"
      R"(<other:TicketNo xmlns:other="urn:somebody-else">WRONG</other:TicketNo>)"
      R"(<PushTicket xmlns="urn:yucheng:zjj:ticket:v1"><Ticket><TicketNo>YC2404110002</TicketNo>)"
      R"(</Ticket></PushTicket></env:Body></env:Envelope>)";
  auto number = hotlineNumberOf(body, "text/xml; charset=utf-8");
  ASSERT_TRUE(number.isOk()) << number.status().message();
  EXPECT_EQ(*number, "YC2404110002");

  auto wrong = hotlineNumberFromXml(
      R"(<d:PushTicket xmlns:d="urn:yucheng:zjj:ticket:v2"><d:TicketNo>X</d:TicketNo></d:PushTicket>)");
  ASSERT_FALSE(wrong.isOk());
  EXPECT_TRUE(wrong.status().message().starts_with("TicketNo: no non-empty element"));
  EXPECT_TRUE(hotlineNumberFromXml("<a>").status().message().starts_with("body: not XML"));
}

TEST(DepartmentTaskPayload, AcceptedRepliesOfBothVariants) {
  EXPECT_EQ(acceptedReply(PayloadFormat::Json, TaskKind::Ticket, "CGJ-2026-000123"),
            R"({"code":0,"message":"ok","data":{"caseNo":"CGJ-2026-000123"}})");
  const std::string xml = acceptedReply(PayloadFormat::Xml, TaskKind::Action, "ZJJ-2026-000123");
  EXPECT_NE(xml.find("<d:ActionResponse><d:Code>0</d:Code><d:Message>ok</d:Message>"
                     "<d:DeptNo>ZJJ-2026-000123</d:DeptNo></d:ActionResponse>"),
            std::string::npos)
      << xml;
  auto number = hotlineNumberFromXml(acceptedReply(PayloadFormat::Xml, TaskKind::Ticket, "X-1"));
  EXPECT_FALSE(number.isOk()); // well-formed XML, and no TicketNo in it
  EXPECT_EQ(errorEnvelope(401, "X-Nonce: \"n\" was already used"),
            R"({"code":401,"message":"X-Nonce: \"n\" was already used","data":null})");
}

CallbackMessage extension() {
  CallbackMessage message;
  message.action = CallbackAction::Extension;
  message.msg_id = "CB-1";
  message.ticket_no = "YC2404100001";
  message.dept_case_no = "CGJ-2026-000001";
  message.at_ms = k20261128T100000Plus8;
  message.handler = "李四";
  message.unit_code = "CGJ";
  message.content = "需协调供电公司 ]]> & <b>";
  message.days = 3;
  return message;
}

TEST(DepartmentCallbackPayload, DepartmentTimeIsPlus8WhateverTheHostZone) {
  EXPECT_EQ(departmentTime(k20261128T100000Plus8), "2026-11-28 10:00:00");
  EXPECT_EQ(departmentTime(0), "1970-01-01 08:00:00");
}

TEST(DepartmentCallbackPayload, JsonExtensionCarriesDeadlineAndDays) {
  rapidjson::Document doc;
  doc.Parse(callbackJson(extension()).c_str());
  ASSERT_TRUE(doc.IsObject());
  EXPECT_STREQ(doc["msgId"].GetString(), "CB-1");
  EXPECT_STREQ(doc["ticketNo"].GetString(), "YC2404100001");
  EXPECT_STREQ(doc["deptCaseNo"].GetString(), "CGJ-2026-000001");
  EXPECT_STREQ(doc["actionCode"].GetString(), "04");
  EXPECT_STREQ(doc["actionTime"].GetString(), "2026-11-28 10:00:00");
  EXPECT_STREQ(doc["handler"].GetString(), "李四");
  EXPECT_STREQ(doc["unitCode"].GetString(), "CGJ");
  EXPECT_STREQ(doc["content"].GetString(), "需协调供电公司 ]]> & <b>");
  EXPECT_STREQ(doc["applyDeadline"].GetString(), "2026-12-01 10:00:00");
  EXPECT_EQ(doc["applyDays"].GetInt(), 3);
}

TEST(DepartmentCallbackPayload, JsonSignHasNoContent) {
  CallbackMessage sign = extension();
  sign.action = CallbackAction::Sign;
  rapidjson::Document doc;
  doc.Parse(callbackJson(sign).c_str());
  EXPECT_STREQ(doc["actionCode"].GetString(), "01");
  EXPECT_FALSE(doc.HasMember("content"));
  EXPECT_FALSE(doc.HasMember("applyDays"));
}

TEST(DepartmentCallbackPayload, XmlReportActionReadsBackByNamespace) {
  const std::string xml = callbackXml(extension(), "yc-cgj");
  EXPECT_NE(xml.find(R"(<d:Auth d:appId="yc-cgj"/>)"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<d:Code>04</d:Code>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<d:Time>2026-11-28 10:00:00</d:Time>"), std::string::npos) << xml;
  EXPECT_NE(xml.find("<d:ApplyDays>3</d:ApplyDays>"), std::string::npos) << xml;
  // "]]>" cannot sit in CDATA: the text is escaped instead.
  EXPECT_NE(xml.find("]]&gt; &amp; &lt;b&gt;"), std::string::npos) << xml;
  auto number = hotlineNumberFromXml(xml);
  ASSERT_TRUE(number.isOk()) << number.status().message();
  EXPECT_EQ(*number, "YC2404100001");

  CallbackMessage result = extension();
  result.action = CallbackAction::Result;
  result.content = "已修复";
  EXPECT_NE(callbackXml(result, "yc-cgj").find("<d:Content><![CDATA[已修复]]></d:Content>"),
            std::string::npos);
}

TEST(DepartmentGatewayUrl, SplitsOriginAndPath) {
  auto url = parseGatewayUrl("http://127.0.0.1:8080/connectors/dept-cgj/");
  ASSERT_TRUE(url.isOk());
  EXPECT_EQ(url->origin, "http://127.0.0.1:8080");
  EXPECT_EQ(url->path, "/connectors/dept-cgj");
  auto bare = parseGatewayUrl("https://gw.example");
  ASSERT_TRUE(bare.isOk());
  EXPECT_EQ(bare->path, "");
  EXPECT_FALSE(parseGatewayUrl("http:///x").isOk());
  EXPECT_FALSE(parseGatewayUrl("gw.example/x").isOk());
}

} // namespace
} // namespace hotline::sim::department
