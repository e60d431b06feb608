#pragma once
// The enumerations of a Ticket (DESIGN.md §3.1) with their canonical spellings. The order of
// each table is the order the schema lists the values in (a test compares the two).

#include "core/model/enum_table.h"

namespace hotline::model {

// 诉求来源: where the request reached the hotline.
enum class Channel {
  Phone,
  Web,
  App,
  Wechat,
  Sms,
  Email,
  Province,
  City,
  County, // escalated 上报 by a county's hotline (what a city or province node receives)
  Department,
  Legacy,
  Other
};

template <>
struct EnumTraits<Channel> {
  static constexpr std::string_view kTypeName = "channel";
  static constexpr std::array<EnumEntry<Channel>, 12> kEntries{{
      {Channel::Phone, "phone", "电话"},
      {Channel::Web, "web", "网站"},
      {Channel::App, "app", "移动应用"},
      {Channel::Wechat, "wechat", "微信"},
      {Channel::Sms, "sms", "短信"},
      {Channel::Email, "email", "电子邮件"},
      {Channel::Province, "province", "省级转办"},
      {Channel::City, "city", "市级转办"},
      {Channel::County, "county", "县级上报"},
      {Channel::Department, "department", "部门转入"},
      {Channel::Legacy, "legacy", "历史迁移"},
      {Channel::Other, "other", "其他"},
  }};
};

// 诉求类型.
enum class CategoryType { Consult, Help, Complaint, Report, Suggestion, Praise, Other };

template <>
struct EnumTraits<CategoryType> {
  static constexpr std::string_view kTypeName = "category_type";
  static constexpr std::array<EnumEntry<CategoryType>, 7> kEntries{{
      {CategoryType::Consult, "consult", "咨询"},
      {CategoryType::Help, "help", "求助"},
      {CategoryType::Complaint, "complaint", "投诉"},
      {CategoryType::Report, "report", "举报"},
      {CategoryType::Suggestion, "suggestion", "建议"},
      {CategoryType::Praise, "praise", "表扬"},
      {CategoryType::Other, "other", "其他"},
  }};
};

// 紧急程度.
enum class Urgency { Normal, Urgent, Critical };

template <>
struct EnumTraits<Urgency> {
  static constexpr std::string_view kTypeName = "urgency";
  static constexpr std::array<EnumEntry<Urgency>, 3> kEntries{{
      {Urgency::Normal, "normal", "一般"},
      {Urgency::Urgent, "urgent", "紧急"},
      {Urgency::Critical, "critical", "特急"},
  }};
};

// 保密级别.
enum class Confidentiality { Public, Confidential };

template <>
struct EnumTraits<Confidentiality> {
  static constexpr std::string_view kTypeName = "confidentiality";
  static constexpr std::array<EnumEntry<Confidentiality>, 2> kEntries{{
      {Confidentiality::Public, "public", "公开"},
      {Confidentiality::Confidential, "confidential", "保密"},
  }};
};

// 处理方式.
enum class HandlingMode { DirectAnswer, Dispatch };

template <>
struct EnumTraits<HandlingMode> {
  static constexpr std::string_view kTypeName = "handling_mode";
  static constexpr std::array<EnumEntry<HandlingMode>, 2> kEntries{{
      {HandlingMode::DirectAnswer, "direct_answer", "直接答复"},
      {HandlingMode::Dispatch, "dispatch", "派单办理"},
  }};
};

// 满意度, of the ticket and of each revisit.
enum class Satisfaction { Satisfied, BasicallySatisfied, Dissatisfied, NotEvaluated };

template <>
struct EnumTraits<Satisfaction> {
  static constexpr std::string_view kTypeName = "satisfaction";
  static constexpr std::array<EnumEntry<Satisfaction>, 4> kEntries{{
      {Satisfaction::Satisfied, "satisfied", "满意"},
      {Satisfaction::BasicallySatisfied, "basically_satisfied", "基本满意"},
      {Satisfaction::Dissatisfied, "dissatisfied", "不满意"},
      {Satisfaction::NotEvaluated, "not_evaluated", "未评价"},
  }};
};

// 诉求状态. The lifecycle (lifecycle.h) says which events move a ticket between these.
enum class TicketStatus {
  Submitted,
  Accepted,
  Assigned,
  Signed,
  InProgress,
  ReturnRequested,
  ResultSubmitted,
  ResultReviewed,
  Revisited,
  Closed,
  Escalated,
  Reopened,
  Merged,
};

template <>
struct EnumTraits<TicketStatus> {
  static constexpr std::string_view kTypeName = "ticket_status";
  static constexpr std::array<EnumEntry<TicketStatus>, 13> kEntries{{
      {TicketStatus::Submitted, "submitted", "已提交"},
      {TicketStatus::Accepted, "accepted", "已受理"},
      {TicketStatus::Assigned, "assigned", "已交办"},
      {TicketStatus::Signed, "signed", "已签收"},
      {TicketStatus::InProgress, "in_progress", "办理中"},
      {TicketStatus::ReturnRequested, "return_requested", "申请退回"},
      {TicketStatus::ResultSubmitted, "result_submitted", "已办结反馈"},
      {TicketStatus::ResultReviewed, "result_reviewed", "办结已审核"},
      {TicketStatus::Revisited, "revisited", "已回访"},
      {TicketStatus::Closed, "closed", "已结案"},
      {TicketStatus::Escalated, "escalated", "已上报"},
      {TicketStatus::Reopened, "reopened", "重办"},
      {TicketStatus::Merged, "merged", "已并单"},
  }};
};

// 状态 of an extension or return review (延时审核 / 退回审核). An enum rather than free text
// because the outcome of a review is what downstream systems act on.
enum class ReviewStatus { Pending, Approved, Rejected };

template <>
struct EnumTraits<ReviewStatus> {
  static constexpr std::string_view kTypeName = "review_status";
  static constexpr std::array<EnumEntry<ReviewStatus>, 3> kEntries{{
      {ReviewStatus::Pending, "pending", "待审核"},
      {ReviewStatus::Approved, "approved", "同意"},
      {ReviewStatus::Rejected, "rejected", "不同意"},
  }};
};

// 回访方式.
enum class RevisitMethod { Phone, Sms, Wechat, App, OnSite, Other };

template <>
struct EnumTraits<RevisitMethod> {
  static constexpr std::string_view kTypeName = "revisit_method";
  static constexpr std::array<EnumEntry<RevisitMethod>, 6> kEntries{{
      {RevisitMethod::Phone, "phone", "电话回访"},
      {RevisitMethod::Sms, "sms", "短信回访"},
      {RevisitMethod::Wechat, "wechat", "微信回访"},
      {RevisitMethod::App, "app", "应用回访"},
      {RevisitMethod::OnSite, "on_site", "实地回访"},
      {RevisitMethod::Other, "other", "其他"},
  }};
};

} // namespace hotline::model
