#include "tests/unit/model/sample_model.h"

#include <gtest/gtest.h>

namespace hotline::model::samples {
namespace {

constexpr const char* kPhotoSha =
    "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

Attachment photo(const char* name, int64_t size) {
  return Attachment{name, std::string("https://files.yucheng12345.example/a/") + name, kPhotoSha,
                    size, "image/jpeg"};
}

void addWorkflowHistory(Ticket& t) {
  t.assignments = {
      Assignment{1,
                 at("2024-04-10T10:05:00+08:00"),
                 at("2024-04-15T18:00:00+08:00"),
                 UnitRef{"411425-0301", "虞城县住房和城乡建设局"},
                 {UnitRef{"411425-1001", "城关镇人民政府"}, UnitRef{{}, "虞城县城市管理局"}},
                 "请于5个工作日内疏通排水管道并答复市民。",
                 "话务员007 李娜 交办"},
      Assignment{2, at("2024-04-11T08:40:00+08:00"), {}, UnitRef{"411425-0302", {}}, {}, {}, {}},
  };
  t.returns = {ReturnRecord{"县住建局 张科长", "非本单位职责，建议改派城管局。",
                            at("2024-04-10T15:00:00+08:00"), "退回至12345中心"}};
  t.handlings = {Handling{"赵师傅",
                          UnitRef{"411425-0302", "虞城县城市管理局"},
                          "现场处置",
                          "已组织人员疏通雨水管道，积水已排除。",
                          at("2024-04-12T16:20:00.250+08:00"),
                          {photo("after.jpg", 204800)},
                          "城管局 办结反馈"}};
  t.extension_reviews = {Review{1, ReviewStatus::Approved, at("2024-04-11T09:00:00+08:00"),
                                "需协调管网施工单位，申请延期2天。",
                                at("2024-04-11T11:30:00+08:00"), "同意延期。", "中心审核员 刘洋"}};
  t.return_reviews = {Review{1, ReviewStatus::Rejected, at("2024-04-10T15:00:00+08:00"),
                             "非本单位职责。", at("2024-04-10T16:10:00+08:00"),
                             "经核实属城管职责，改派。", "中心审核员 刘洋"}};
  t.flow = {FlowStep{1, "市民来电登记", at("2024-04-10T09:30:00+08:00")},
            FlowStep{2, "交办县住建局", at("2024-04-10T10:05:00+08:00")},
            FlowStep{3, "结案", at("2024-04-13T02:05:00+00:00")}};
}

void addOversightHistory(Ticket& t) {
  t.inspections = {Inspection{1,
                              "县纪委监委 王监察",
                              "请加快办理进度。",
                              at("2024-04-11T14:00:00+08:00"),
                              {photo("notice.jpg", 51200)}}};
  t.leader_instructions = {LeaderInstruction{"批示",
                                             "副县长 陈某",
                                             "请城管局牵头，两日内解决。",
                                             at("2024-04-11T10:00:00+08:00"),
                                             {photo("instruction.jpg", 30720)},
                                             "督查室 录入"}};
  t.revisits = {Revisit{1, "回访员 孙丽", RevisitMethod::Phone, "市民表示积水已清除。", "已解决",
                        Satisfaction::Satisfied, at("2024-04-13T09:15:00+08:00"), "回访组"}};
  t.supervisions = {Supervision{1,
                                "县政府督查室",
                                "列入重点督办。",
                                at("2024-04-11T10:30:00+08:00"),
                                {photo("order.jpg", 40960)}}};
  t.urges = {Urge{1, "市民再次来电催促，称积水仍未排除。", at("2024-04-11T08:00:00+08:00")}};
}

} // namespace

Timestamp at(std::string_view text) {
  Result<Timestamp> parsed = parseTimestamp(text);
  EXPECT_TRUE(parsed.isOk()) << parsed.status().toString();
  return parsed.isOk() ? *parsed : Timestamp{};
}

// Every field is set, including merged_into, which a closed ticket would not have in real
// life: the codec and schema tests need each member present at least once.
Ticket fullTicket() {
  Ticket t;
  t.id = "01HV3K8Z5Q9W2X7Y4T6R1M0NBC";
  t.refs = {ExternalRef{"yucheng-12345", "YC202404100123"},
            ExternalRef{"shangqiu-12345", "SQ2024041000456"}};
  t.region = Region{"411425", "411400", "410000"};
  t.requester = Requester{"王秀英", "13812345678", "0370-4123456"};
  t.channel = Channel::Phone;
  t.title = "小区门口道路积水严重影响出行";
  t.content = "虞城县城关镇木兰大道与长江路交叉口“幸福家园”小区门口，雨后积水深约30厘米，"
              "已持续三天。\n市民反映：\"希望尽快疏通排水管道\"\\谢谢。";
  t.attachments = {photo("before.jpg", 348160)};
  t.address = Address{"虞城县城关镇木兰大道幸福家园小区南门", "411425100", 115.863748, 34.400837};
  t.category = Category{CategoryType::Complaint, "0301", "城乡建设/市政设施/排水"};
  t.urgency = Urgency::Urgent;
  t.confidentiality = Confidentiality::Public;
  t.status = TicketStatus::Closed;
  t.handling_mode = HandlingMode::Dispatch;
  t.accepted_by = "话务员007 李娜";
  t.result = "城管局已疏通雨水管道，积水排除，道路恢复通行。";
  t.closing_opinion = "诉求已解决，市民满意，同意结案。";
  t.satisfaction = Satisfaction::Satisfied;
  t.merged_into = "01HV3K9A0B1C2D3E4F5G6H7J8K";
  t.created_at = at("2024-04-10T09:30:00+08:00");
  t.submitted_at = at("2024-04-10T09:32:15+08:00");
  t.accepted_at = at("2024-04-10T09:40:00+08:00");
  t.deadline = at("2024-04-15T18:00:00+08:00");
  t.handled_at = at("2024-04-12T16:20:00.250+08:00");
  t.closed_at = at("2024-04-13T02:05:00+00:00");
  addWorkflowHistory(t);
  addOversightHistory(t);
  return t;
}

Ticket minimalTicket() {
  Ticket t;
  t.channel = Channel::Wechat;
  t.content = "建议在县人民公园增设公共厕所。";
  t.status = TicketStatus::Submitted;
  return t;
}

TicketEvent eventById() {
  TicketEvent e;
  e.event_id = "01HV3M2B7C8D9E0F1G2H3J4K5M";
  e.ticket = TicketRef::byId("01HV3K8Z5Q9W2X7Y4T6R1M0NBC");
  e.type = EventType::ResultReviewed;
  e.at = at("2024-04-12T17:00:00+08:00");
  e.actor = Actor{"中心审核员 刘洋", "411425-0001", "reviewer"};
  e.source = "core-platform";
  e.data = R"({"approved":true,"opinion":"办理到位","scores":[5,4.5],"extra":{"note":null}})";
  return e;
}

TicketEvent eventByNumber() {
  TicketEvent e;
  e.ticket = TicketRef::byNumber("shangqiu-12345", "SQ2024041000456");
  e.type = EventType::Urged;
  e.at = at("2024-04-11T08:00:00+08:00");
  return e;
}

CallRecord fullCallRecord() {
  return CallRecord{"CALL-20240410-000123",
                    "13812345678",
                    "12345",
                    CallDirection::Inbound,
                    at("2024-04-10T09:28:03+08:00"),
                    at("2024-04-10T09:33:41+08:00"),
                    338,
                    "agent-007",
                    "https://rec.yucheng12345.example/2024/04/10/000123.wav",
                    TicketRef::byNumber("yucheng-12345", "YC202404100123")};
}

CallRecord callRecordForTicketId() {
  CallRecord record = fullCallRecord();
  record.ticket = TicketRef::byId("01HV3K8Z5Q9W2X7Y4T6R1M0NBC");
  return record;
}

KnowledgeArticle fullKnowledgeArticle() {
  return KnowledgeArticle{"KB-0301-0007",
                          "城区雨后积水如何反映",
                          "城区道路积水可拨打12345，由城市管理局负责排水设施维护。",
                          "市政设施",
                          {"排水", "积水", "城管"},
                          "411425",
                          ArticleStatus::Published,
                          at("2023-06-01T08:00:00+08:00"),
                          at("2024-03-15T10:20:30.500+08:00"),
                          "shangqiu-knowledge"};
}

Contact fullContact() {
  return Contact{"虞城县城市管理局", "县政府组成部门", "虞城县木兰大道188号", "0370-4112345",
                 "https://cgj.yucheng.example"};
}

ListEntry fullListEntry() {
  return ListEntry{ListKind::Black,
                   "13900000000",
                   "恶意骚扰来电，一日内拨打200余次。",
                   at("2024-04-01T12:00:00+08:00"),
                   at("2024-07-01T00:00:00+08:00"),
                   "值班长 周强"};
}

Announcement fullAnnouncement() {
  return Announcement{"ANN-2024-015", "清明节假期热线服务安排", "清明节期间12345热线24小时服务。",
                      at("2024-04-01T09:00:00+08:00"), at("2024-04-07T00:00:00+08:00")};
}

ChatTranscript fullChatTranscript() {
  return ChatTranscript{"CHAT-7781",
                        Channel::Wechat,
                        "oX1a2B3c4D5e6F7g8H9i0J",
                        at("2024-04-10T20:01:00+08:00"),
                        {ChatMessage{at("2024-04-10T20:01:00+08:00"), "user", "小区门口积水谁管？"},
                         ChatMessage{{}, "bot", "您好，道路积水由城市管理局负责，已为您转人工。"}}};
}

} // namespace hotline::model::samples
