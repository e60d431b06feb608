// Mapping engine throughput (tests/bench/RESULTS.md, "Mapping"):
//  - BM_MapJsonTicket: a department's 1.5 KB JSON ticket (~25 fields: a date, code lookups,
//    enum maps, a phone number, decimals, and a list of two assignments through `each`) ->
//    canonical JSON, on one thread; tickets/s = items_per_second (target: >= 100,000);
//  - BM_MapXmlTicket: the same ticket as a SOAP/XML payload with namespaces and CDATA;
//  - BM_MapJsonTicketExplain: the JSON ticket with --explain's trace;
//  - BM_MapCanonicalToXml: the outbound direction, canonical JSON -> the SOAP payload;
//  - BM_CompileMapping: compiling the JSON mapping (load and reload cost).
//
//   build-m1-bench/bin/bench_mapping --benchmark_min_time=2

#include "core/mapping/mapping.h"

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>
#include <string>

namespace hotline::mapping {
namespace {

constexpr std::string_view kJsonMapping = R"({
  "mapping": 1, "direction": "inbound", "kind": "ticket", "source": {"format": "json"},
  "fields": [
    {"to": "/refs/0/system", "value": "yucheng-dept"},
    {"to": "/refs/0/number", "from": "/data/ticketNo", "transforms": ["trim", "required"]},
    {"to": "/refs/1/system", "value": "shangqiu-12345"},
    {"to": "/refs/1/number", "from": "/data/cityNo"},
    {"to": "/region/county", "value": "411425"},
    {"to": "/requester/name", "from": "/data/callerName", "transforms": ["trim"]},
    {"to": "/requester/phone", "from": ["/data/callerMobile", "/data/callerTel"], "transforms": ["phone"]},
    {"to": "/requester/contact_phone", "from": "/data/contactTel", "transforms": ["phone"]},
    {"to": "/channel", "from": "/data/channel", "transforms": [{"enum": {"map": {"电话": "phone", "网站": "web", "微信": "wechat"}, "fallback": "other"}}]},
    {"to": "/title", "from": "/data/title", "transforms": ["trim"]},
    {"to": "/content", "from": "/data/content", "transforms": ["trim", "required"]},
    {"to": "/address/text", "from": "/data/address"},
    {"to": "/address/region_code", "from": "/data/regionCode"},
    {"to": "/address/lng", "from": "/data/lng", "transforms": ["number"]},
    {"to": "/address/lat", "from": "/data/lat", "transforms": ["number"]},
    {"to": "/category/type", "from": "/data/type", "transforms": [{"code": {"table": "category_types", "fallback": "other"}}]},
    {"to": "/category/topic_code", "from": "/data/topicCode"},
    {"to": "/category/topic_name", "from": "/data/topicName"},
    {"to": "/urgency", "from": "/data/urgency", "transforms": [{"enum": {"map": {"1": "normal", "2": "urgent", "3": "critical"}, "fallback": "normal"}}]},
    {"to": "/confidentiality", "from": "/data/secret", "transforms": [{"enum": {"map": {"0": "public", "1": "confidential"}, "fallback": "public"}}]},
    {"to": "/status", "from": "/data/state", "transforms": [{"enum": {"map": {"1": "accepted", "2": "assigned", "9": "closed"}, "fallback": "submitted"}}]},
    {"to": "/accepted_by", "from": "/data/acceptor"},
    {"to": "/created_at", "from": "/data/createTime", "transforms": [{"date": {"formats": ["yyyy-MM-dd HH:mm:ss", "epoch_ms"]}}]},
    {"to": "/accepted_at", "from": "/data/acceptTime", "transforms": [{"date": {"formats": ["yyyy-MM-dd HH:mm:ss"]}}]},
    {"to": "/deadline", "from": "/data/deadline", "transforms": [{"date": {"formats": ["yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm"]}}]},
    {"to": "/assignments", "each": "/data/flows", "fields": [
      {"to": "seq", "from": "/no", "transforms": ["number"]},
      {"to": "at", "from": "/time", "transforms": [{"date": {"formats": ["yyyy-MM-dd HH:mm:ss"]}}]},
      {"to": "lead_unit/code", "from": "/unit", "transforms": [{"code": {"table": "department_units", "fallback": "keep"}}]},
      {"to": "lead_unit/name", "from": "/unit"},
      {"to": "instructions", "from": "/opinion"},
      {"to": "operator", "from": "/operator"}]},
    {"to": "/attachments", "each": "/data/files", "fields": [
      {"to": "name", "from": "/name"}, {"to": "uri", "from": "/url"},
      {"to": "size", "from": "/size", "transforms": ["number"]}, {"to": "mime", "from": "/type"}]}
  ]})";

constexpr std::string_view kJsonTicket =
    R"({"header":{"appKey":"yucheng-dept","msgId":"M-20240410-000123","timestamp":1712712600123},
"data":{"ticketNo":"YC-2024-0412-000123","cityNo":"SQ-2024-98765","title":"文化路与民主路交叉口路灯不亮",
"content":"市民反映：文化路与民主路交叉口东侧约100米处的三盏路灯连续三晚不亮，夜间行人和车辆通行存在安全隐患，希望有关部门尽快维修。市民表示此前已向社区反映过一次，但一直没有处理结果，请尽快安排人员到现场查看。",
"callerName":"张三","callerMobile":"138 1234 5678","contactTel":"0370-1234567","channel":"电话",
"type":"求助","topicCode":"CS-0301","topicName":"市政设施-路灯","urgency":"2","secret":"0","state":"2",
"createTime":"2024-04-10 09:30:00","acceptTime":"2024-04-10 09:35:12","deadline":"2024/4/15 18:00",
"address":"虞城县城关镇文化路与民主路交叉口东100米","regionCode":"411425100","lng":"115.8632","lat":"34.3995",
"acceptor":"李四",
"flows":[{"no":"1","time":"2024-04-10 10:00:00","unit":"城管局","opinion":"请于5个工作日内处理并反馈","operator":"王五"},
{"no":"2","time":"2024-04-11 08:30:00","unit":"住建局","opinion":"转住建局核实路灯产权","operator":"赵六"}],
"files":[{"name":"现场照片1.jpg","url":"https://dept.yucheng.gov.cn/files/2024/04/10/8f14e45f.jpg","size":"204800","type":"image/jpeg"},
{"name":"现场照片2.jpg","url":"https://dept.yucheng.gov.cn/files/2024/04/10/c9f0f895.jpg","size":"198656","type":"image/jpeg"}]}})";

constexpr std::string_view kXmlMapping = R"({
  "mapping": 1, "direction": "inbound", "kind": "ticket",
  "source": {"format": "xml", "namespaces": {"s": "http://schemas.xmlsoap.org/soap/envelope/", "d": "urn:yucheng:dept"}},
  "fields": [
    {"to": "/refs/0/system", "value": "yucheng-dept"},
    {"to": "/refs/0/number", "from": "/s:Envelope/s:Body/d:Ticket/@no", "transforms": ["trim", "required"]},
    {"to": "/refs/1/system", "value": "shangqiu-12345"},
    {"to": "/refs/1/number", "from": "/s:Envelope/s:Body/d:Ticket/d:CityNo"},
    {"to": "/region/county", "value": "411425"},
    {"to": "/requester/name", "from": "/s:Envelope/s:Body/d:Ticket/d:Caller/d:Name", "transforms": ["trim"]},
    {"to": "/requester/phone", "from": "/s:Envelope/s:Body/d:Ticket/d:Caller/d:Mobile", "transforms": ["phone"]},
    {"to": "/requester/contact_phone", "from": "/s:Envelope/s:Body/d:Ticket/d:Caller/d:Tel", "transforms": ["phone"]},
    {"to": "/channel", "from": "/s:Envelope/s:Body/d:Ticket/d:Channel", "transforms": [{"enum": {"map": {"电话": "phone", "网站": "web", "微信": "wechat"}, "fallback": "other"}}]},
    {"to": "/title", "from": "/s:Envelope/s:Body/d:Ticket/d:Title", "transforms": ["trim"]},
    {"to": "/content", "from": "/s:Envelope/s:Body/d:Ticket/d:Content", "transforms": ["trim", "required"]},
    {"to": "/address/text", "from": "/s:Envelope/s:Body/d:Ticket/d:Address"},
    {"to": "/address/region_code", "from": "/s:Envelope/s:Body/d:Ticket/d:Address/@region"},
    {"to": "/address/lng", "from": "/s:Envelope/s:Body/d:Ticket/d:Address/@lng", "transforms": ["number"]},
    {"to": "/address/lat", "from": "/s:Envelope/s:Body/d:Ticket/d:Address/@lat", "transforms": ["number"]},
    {"to": "/category/type", "from": "/s:Envelope/s:Body/d:Ticket/d:Type", "transforms": [{"code": {"table": "category_types", "fallback": "other"}}]},
    {"to": "/category/topic_code", "from": "/s:Envelope/s:Body/d:Ticket/d:Topic/@code"},
    {"to": "/category/topic_name", "from": "/s:Envelope/s:Body/d:Ticket/d:Topic"},
    {"to": "/urgency", "from": "/s:Envelope/s:Body/d:Ticket/d:Urgency", "transforms": [{"enum": {"map": {"1": "normal", "2": "urgent", "3": "critical"}, "fallback": "normal"}}]},
    {"to": "/confidentiality", "from": "/s:Envelope/s:Body/d:Ticket/d:Secret", "transforms": [{"enum": {"map": {"0": "public", "1": "confidential"}, "fallback": "public"}}]},
    {"to": "/status", "from": "/s:Envelope/s:Body/d:Ticket/d:State", "transforms": [{"enum": {"map": {"1": "accepted", "2": "assigned", "9": "closed"}, "fallback": "submitted"}}]},
    {"to": "/accepted_by", "from": "/s:Envelope/s:Body/d:Ticket/d:Acceptor"},
    {"to": "/created_at", "from": "/s:Envelope/s:Body/d:Ticket/d:CreateTime", "transforms": [{"date": {"formats": ["yyyy-MM-dd HH:mm:ss", "epoch_ms"]}}]},
    {"to": "/accepted_at", "from": "/s:Envelope/s:Body/d:Ticket/d:AcceptTime", "transforms": [{"date": {"formats": ["yyyy-MM-dd HH:mm:ss"]}}]},
    {"to": "/deadline", "from": "/s:Envelope/s:Body/d:Ticket/d:Deadline", "transforms": [{"date": {"formats": ["yyyy-MM-dd HH:mm:ss", "yyyy/M/d H:mm"]}}]},
    {"to": "/assignments", "each": "/s:Envelope/s:Body/d:Ticket/d:Flows/d:Flow", "fields": [
      {"to": "seq", "from": "@no", "transforms": ["number"]},
      {"to": "at", "from": "d:Time", "transforms": [{"date": {"formats": ["yyyy-MM-dd HH:mm:ss"]}}]},
      {"to": "lead_unit/code", "from": "d:Unit", "transforms": [{"code": {"table": "department_units", "fallback": "keep"}}]},
      {"to": "lead_unit/name", "from": "d:Unit"},
      {"to": "instructions", "from": "d:Opinion"},
      {"to": "operator", "from": "d:Operator"}]},
    {"to": "/attachments", "each": "/s:Envelope/s:Body/d:Ticket/d:Files/d:File", "fields": [
      {"to": "name", "from": "@name"}, {"to": "uri", "from": "."},
      {"to": "size", "from": "@size", "transforms": ["number"]}, {"to": "mime", "from": "@type"}]}
  ]})";

constexpr std::string_view kXmlTicket = R"(<?xml version="1.0" encoding="UTF-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Header/><soap:Body>
<Ticket xmlns="urn:yucheng:dept" no="YC-2024-0412-000123"><CityNo>SQ-2024-98765</CityNo>
<Title>文化路与民主路交叉口路灯不亮</Title>
<Content><![CDATA[市民反映：文化路与民主路交叉口东侧约100米处的三盏路灯连续三晚不亮，夜间行人和车辆通行存在安全隐患，希望有关部门尽快维修。市民表示此前已向社区反映过一次，但一直没有处理结果，请尽快安排人员到现场查看。]]></Content>
<Caller><Name>张三</Name><Mobile>138 1234 5678</Mobile><Tel>0370-1234567</Tel></Caller>
<Channel>电话</Channel><Type>求助</Type><Topic code="CS-0301">市政设施-路灯</Topic><Urgency>2</Urgency><Secret>0</Secret><State>2</State>
<CreateTime>2024-04-10 09:30:00</CreateTime><AcceptTime>2024-04-10 09:35:12</AcceptTime><Deadline>2024/4/15 18:00</Deadline>
<Address region="411425100" lng="115.8632" lat="34.3995">虞城县城关镇文化路与民主路交叉口东100米</Address><Acceptor>李四</Acceptor>
<Flows><Flow no="1"><Time>2024-04-10 10:00:00</Time><Unit>城管局</Unit><Opinion>请于5个工作日内处理并反馈</Opinion><Operator>王五</Operator></Flow>
<Flow no="2"><Time>2024-04-11 08:30:00</Time><Unit>住建局</Unit><Opinion>转住建局核实路灯产权</Opinion><Operator>赵六</Operator></Flow></Flows>
<Files><File name="现场照片1.jpg" size="204800" type="image/jpeg">https://dept.yucheng.gov.cn/files/2024/04/10/8f14e45f.jpg</File>
<File name="现场照片2.jpg" size="198656" type="image/jpeg">https://dept.yucheng.gov.cn/files/2024/04/10/c9f0f895.jpg</File></Files>
</Ticket></soap:Body></soap:Envelope>)";

constexpr std::string_view kOutboundXmlMapping = R"({
  "mapping": 1, "direction": "outbound", "kind": "ticket",
  "target": {"format": "xml", "declaration": true, "namespaces": {"s": "http://schemas.xmlsoap.org/soap/envelope/", "d": "urn:yucheng:dept"}},
  "fields": [
    {"to": "/s:Envelope/s:Body/d:Ticket/@no", "from": "/refs/[system=yucheng-dept]/number"},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Title", "from": "/title"},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Content", "from": "/content", "cdata": true},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Caller/d:Name", "from": "/requester/name"},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Caller/d:Mobile", "from": "/requester/phone"},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Type", "from": "/category/type"},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Urgency", "from": "/urgency", "transforms": [{"enum": {"map": {"normal": "1", "urgent": "2", "critical": "3"}, "fallback": "1"}}]},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:CreateTime", "from": "/created_at"},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Address", "from": "/address/text"},
    {"to": "/s:Envelope/s:Body/d:Ticket/d:Flows/d:Flow", "each": "/assignments", "fields": [
      {"to": "@no", "from": "/seq"}, {"to": "d:Unit", "from": "/lead_unit/name"},
      {"to": "d:Opinion", "from": "/instructions"}]}
  ]})";

CodeTables benchCodes() {
  CodeTables codes;
  codes.addTable("category_types", {{"咨询", "consult"},
                                    {"求助", "help"},
                                    {"投诉", "complaint"},
                                    {"举报", "report"},
                                    {"建议", "suggestion"},
                                    {"表扬", "praise"}});
  codes.addTable("department_units",
                 {{"城管局", "411425-CG"}, {"住建局", "411425-ZJ"}, {"交通局", "411425-JT"}});
  return codes;
}

std::shared_ptr<const Plan> compiledOrDie(std::string_view text) {
  Result<std::shared_ptr<const Plan>> plan = compileText(text, "bench.json", benchCodes());
  if (!plan) {
    std::cerr << plan.status().message() << "\n";
    std::abort();
  }
  return std::move(plan).value();
}

std::string mappedOrDie(const Plan& plan, std::string_view input) {
  Result<RunOutput> output = plan.run(input);
  if (!output) {
    std::cerr << output.status().message() << "\n";
    std::abort();
  }
  return output->document;
}

void runPlan(benchmark::State& state, std::string_view mapping, std::string_view input,
             bool explain) {
  const std::shared_ptr<const Plan> plan = compiledOrDie(mapping);
  const std::string output = mappedOrDie(*plan, input); // fails loudly before measuring
  for (auto _ : state) {
    Result<RunOutput> mapped = plan->run(input, explain);
    benchmark::DoNotOptimize(mapped);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(input.size()));
  state.counters["input_bytes"] = static_cast<double>(input.size());
  state.counters["output_bytes"] = static_cast<double>(output.size());
}

void BM_MapJsonTicket(benchmark::State& state) {
  runPlan(state, kJsonMapping, kJsonTicket, false);
}
BENCHMARK(BM_MapJsonTicket);

void BM_MapXmlTicket(benchmark::State& state) {
  runPlan(state, kXmlMapping, kXmlTicket, false);
}
BENCHMARK(BM_MapXmlTicket);

void BM_MapJsonTicketExplain(benchmark::State& state) {
  runPlan(state, kJsonMapping, kJsonTicket, true);
}
BENCHMARK(BM_MapJsonTicketExplain);

void BM_MapCanonicalToXml(benchmark::State& state) {
  const std::string canonical = mappedOrDie(*compiledOrDie(kJsonMapping), kJsonTicket);
  runPlan(state, kOutboundXmlMapping, canonical, false);
}
BENCHMARK(BM_MapCanonicalToXml);

void BM_CompileMapping(benchmark::State& state) {
  const CodeTables codes = benchCodes();
  for (auto _ : state) {
    Result<std::shared_ptr<const Plan>> plan = compileText(kJsonMapping, "bench.json", codes);
    benchmark::DoNotOptimize(plan);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_CompileMapping);

} // namespace
} // namespace hotline::mapping

BENCHMARK_MAIN();
