//! The documents an incident produces, as plain data: the report to the PPC with the nine
//! items of PPC Rules art. 8(1) (the form is Rules 別記様式第一), and the notice to the persons
//! affected with the five items Rules art. 10 takes from it (items 1, 2, 4, 5 and 9).
//!
//! Each draft is a list of numbered sections with a heading and a body in one language, built
//! from the incident's recorded facts. The UI previews [`ReportDraft::to_text`], the CLI prints
//! it, and a print pipeline can lay the same sections out on paper.

use super::{BreachLaw, Triage, TriageRule};
use crate::model::incident::{
    Incident, IncidentCertainty, IncidentNature, NoticeMethod, Perpetrator, SecondaryDamage,
};
use crate::model::language::Language;
use serde::Serialize;
use ts_rs::TS;

/// The nine items of the report (Rules art. 8(1)), in the form's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum ReportItem {
    Summary,
    Items,
    Persons,
    Cause,
    SecondaryDamage,
    ResponsesToPersons,
    PublicAnnouncement,
    Prevention,
    Other,
}

impl ReportItem {
    pub const ALL: [ReportItem; 9] = [
        ReportItem::Summary,
        ReportItem::Items,
        ReportItem::Persons,
        ReportItem::Cause,
        ReportItem::SecondaryDamage,
        ReportItem::ResponsesToPersons,
        ReportItem::PublicAnnouncement,
        ReportItem::Prevention,
        ReportItem::Other,
    ];

    /// The items a notice to persons carries (Rules art. 10: items 1, 2, 4, 5 and 9).
    pub const NOTICE: [ReportItem; 5] = [
        ReportItem::Summary,
        ReportItem::Items,
        ReportItem::Cause,
        ReportItem::SecondaryDamage,
        ReportItem::Other,
    ];

    /// The item's number on the report form.
    pub fn number(self) -> u8 {
        ReportItem::ALL
            .iter()
            .position(|i| *i == self)
            .map_or(0, |p| p as u8 + 1)
    }

    fn heading(self, language: Language) -> &'static str {
        match (self, language) {
            (ReportItem::Summary, Language::Ja) => "概要",
            (ReportItem::Items, Language::Ja) => {
                "漏えい等が発生し、又は発生したおそれがある個人データの項目"
            }
            (ReportItem::Persons, Language::Ja) => {
                "漏えい等が発生し、又は発生したおそれがある個人データに係る本人の数"
            }
            (ReportItem::Cause, Language::Ja) => "原因",
            (ReportItem::SecondaryDamage, Language::Ja) => {
                "二次被害又はそのおそれの有無及びその内容"
            }
            (ReportItem::ResponsesToPersons, Language::Ja) => "本人への対応の実施状況",
            (ReportItem::PublicAnnouncement, Language::Ja) => "公表の実施状況",
            (ReportItem::Prevention, Language::Ja) => "再発防止のための措置",
            (ReportItem::Other, Language::Ja) => "その他参考となる事項",
            (ReportItem::Summary, Language::En) => "Summary",
            (ReportItem::Items, Language::En) => {
                "Items of personal data leaked, lost or damaged (or possibly so)"
            }
            (ReportItem::Persons, Language::En) => {
                "Number of persons whose personal data is concerned"
            }
            (ReportItem::Cause, Language::En) => "Cause",
            (ReportItem::SecondaryDamage, Language::En) => {
                "Whether secondary damage has occurred or may occur, and what it is"
            }
            (ReportItem::ResponsesToPersons, Language::En) => "Responses to the persons concerned",
            (ReportItem::PublicAnnouncement, Language::En) => "Public announcement",
            (ReportItem::Prevention, Language::En) => "Measures to prevent recurrence",
            (ReportItem::Other, Language::En) => "Other matters for reference",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct DraftSection {
    pub item: ReportItem,
    /// The item's number on the report form (1–9), kept on the notice too.
    pub number: u8,
    pub heading: String,
    /// Paragraphs separated by blank lines; a line starting with "・" (ja) or "- " (en) is a
    /// list entry.
    pub body: String,
}

/// Which draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub enum DraftKind {
    /// 漏えい等報告 to the PPC (or the delegated ministry).
    Report,
    /// 本人への通知.
    Notice,
}

/// A draft document generated from an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct IncidentDraft {
    pub kind: DraftKind,
    pub language: Language,
    pub title: String,
    /// The reporting organisation's name (empty before the profile is entered).
    pub organisation: String,
    pub incident_reference: String,
    /// A line under the title: the laws the report answers for, or the notice's apology.
    pub preamble: String,
    pub sections: Vec<DraftSection>,
}

/// What a draft needs besides the incident: names the incident only refers to by id.
pub struct DraftContext<'a> {
    pub organisation: &'a str,
    /// The affected holdings' names, in the incident's order.
    pub holdings: &'a [String],
    /// Where persons may ask about the incident (the complaint desk).
    pub contact: &'a str,
    /// The names of the linked subcontractor tier and the tiers above it, first tier first, the
    /// linked tier with its address: a report on a sub-tier's incident shows the whole chain.
    pub entrustee_chain: &'a [String],
}

/// The report to the authority with its nine items.
pub fn report(
    incident: &Incident,
    triage: &Triage,
    context: &DraftContext<'_>,
    language: Language,
) -> IncidentDraft {
    let ja = language == Language::Ja;
    let laws: Vec<&str> = triage
        .laws
        .iter()
        .filter(|l| l.report_required)
        .map(|l| law_name(l.law, language))
        .collect();
    let preamble = match (laws.is_empty(), ja) {
        (true, true) => {
            "報告義務の対象となる事態には該当しないと判断しているが、参考として記録する。"
                .to_owned()
        }
        (true, false) => {
            "The organisation judges that no report is required; recorded for reference.".to_owned()
        }
        (false, true) => format!("{}に基づき報告する。", laws.join("、")),
        (false, false) => format!("Reported under {}.", laws.join("; ")),
    };
    IncidentDraft {
        kind: DraftKind::Report,
        language,
        title: if ja {
            "個人データの漏えい等に関する報告書（案）".to_owned()
        } else {
            "Report of a personal data breach (draft)".to_owned()
        },
        organisation: context.organisation.to_owned(),
        incident_reference: incident.fields.reference.clone(),
        preamble,
        sections: ReportItem::ALL
            .iter()
            .map(|item| section(*item, incident, triage, context, language, false))
            .collect(),
    }
}

/// The notice to the persons affected with its five items and where to ask.
pub fn notice(
    incident: &Incident,
    triage: &Triage,
    context: &DraftContext<'_>,
    language: Language,
) -> IncidentDraft {
    let ja = language == Language::Ja;
    let preamble = if ja {
        "このたび、当方が取り扱う皆様の個人情報について、下記のとおり漏えい等の事態が生じました。\
         皆様に多大なご迷惑とご心配をおかけしますことを、深くお詫び申し上げます。"
            .to_owned()
    } else {
        "We are writing to inform you that personal information about you that we handle has \
         been involved in the incident described below. We sincerely apologise for the concern \
         and inconvenience this causes."
            .to_owned()
    };
    IncidentDraft {
        kind: DraftKind::Notice,
        language,
        title: if ja {
            "個人情報の漏えい等に関するお知らせとお詫び（案）".to_owned()
        } else {
            "Notice of an incident involving your personal information (draft)".to_owned()
        },
        organisation: context.organisation.to_owned(),
        incident_reference: incident.fields.reference.clone(),
        preamble,
        sections: ReportItem::NOTICE
            .iter()
            .map(|item| section(*item, incident, triage, context, language, true))
            .collect(),
    }
}

fn section(
    item: ReportItem,
    incident: &Incident,
    triage: &Triage,
    context: &DraftContext<'_>,
    language: Language,
    for_persons: bool,
) -> DraftSection {
    let ja = language == Language::Ja;
    let f = &incident.fields;
    let bullet = if ja { "・" } else { "- " };
    let or_blank = |text: &str| {
        if text.is_empty() {
            if ja {
                "（記載なし）".to_owned()
            } else {
                "(not recorded)".to_owned()
            }
        } else {
            text.to_owned()
        }
    };
    let body = match item {
        ReportItem::Summary => {
            let natures: Vec<&str> = f.nature.iter().map(|n| nature(*n, language)).collect();
            let aware = f.aware_at.format("%Y-%m-%d %H:%M (UTC%:z)").to_string();
            let mut lines = Vec::new();
            if ja {
                lines.push(format!(
                    "{bullet}事態：{}（{}）",
                    natures.join("・"),
                    certainty(f.certainty, language)
                ));
                if !for_persons {
                    lines.push(format!(
                        "{bullet}発覚日時：{aware}（{}）",
                        f.aware_department
                    ));
                }
                if let Some(on) = f.occurred_on {
                    lines.push(format!("{bullet}発生日：{on}"));
                }
            } else {
                lines.push(format!(
                    "{bullet}Event: {} ({})",
                    natures.join(", "),
                    certainty(f.certainty, language)
                ));
                if !for_persons {
                    lines.push(format!(
                        "{bullet}Became aware: {aware} ({})",
                        f.aware_department
                    ));
                }
                if let Some(on) = f.occurred_on {
                    lines.push(format!("{bullet}Occurred on: {on}"));
                }
            }
            format!("{}\n\n{}", or_blank(&f.summary), lines.join("\n"))
        }
        ReportItem::Items => {
            let mut lines: Vec<String> = f
                .items
                .iter()
                .map(|i| {
                    let mut marks = Vec::new();
                    if i.sensitive {
                        marks.push(if ja {
                            "要配慮個人情報"
                        } else {
                            "sensitive"
                        });
                    }
                    if i.ordinance_sensitive {
                        marks.push(if ja {
                            "条例要配慮個人情報"
                        } else {
                            "sensitive by ordinance"
                        });
                    }
                    if i.my_number {
                        marks.push(if ja {
                            "特定個人情報"
                        } else {
                            "Individual Number data"
                        });
                    }
                    if marks.is_empty() {
                        format!("{bullet}{}", i.name)
                    } else if ja {
                        format!("{bullet}{}（{}）", i.name, marks.join("、"))
                    } else {
                        format!("{bullet}{} ({})", i.name, marks.join(", "))
                    }
                })
                .collect();
            if lines.is_empty() {
                lines.push(or_blank(""));
            }
            if !for_persons && !context.holdings.is_empty() {
                lines.push(String::new());
                lines.push(if ja {
                    format!("個人情報管理台帳上の保有：{}", context.holdings.join("、"))
                } else {
                    format!("Holdings in the ledger: {}", context.holdings.join(", "))
                });
            }
            lines.join("\n")
        }
        ReportItem::Persons => {
            if ja {
                let mut text = format!("{}人", f.persons);
                if f.my_number_persons > 0 {
                    text.push_str(&format!(
                        "（うち特定個人情報に係る本人 {}人）",
                        f.my_number_persons
                    ));
                }
                text
            } else {
                let mut text = format!("{} persons", f.persons);
                if f.my_number_persons > 0 {
                    text.push_str(&format!(
                        " (of whom {} with Individual Number data)",
                        f.my_number_persons
                    ));
                }
                text
            }
        }
        ReportItem::Cause => {
            let mut text = or_blank(&f.cause);
            if !for_persons {
                let who = perpetrator(f.perpetrator, language);
                text.push_str(&if ja {
                    format!("\n\n{bullet}行為者：{who}")
                } else {
                    format!("\n\n{bullet}Caused by: {who}")
                });
                if f.perpetrator == Perpetrator::Subcontractor {
                    text.push_str(&entrustee_line(
                        &f.entrusted_party,
                        context.entrustee_chain,
                        bullet,
                        ja,
                    ));
                    if let Some(on) = f.entrustee_notified_on {
                        text.push_str(&if ja {
                            format!("\n{bullet}委託先から通知を受けた日：{on}")
                        } else {
                            format!(
                                "\n{bullet}The entrusted party notified the organisation on {on}"
                            )
                        });
                    }
                }
            }
            text
        }
        ReportItem::SecondaryDamage => {
            let status = match (f.secondary_damage, ja) {
                (SecondaryDamage::None, true) => {
                    "現時点で二次被害及びそのおそれは確認されていない。"
                }
                (SecondaryDamage::MayOccur, true) => "二次被害のおそれがある。",
                (SecondaryDamage::Occurred, true) => "二次被害が発生している。",
                (SecondaryDamage::None, false) => {
                    "No secondary damage has been found, nor any risk of it, so far."
                }
                (SecondaryDamage::MayOccur, false) => "Secondary damage may occur.",
                (SecondaryDamage::Occurred, false) => "Secondary damage has occurred.",
            };
            if f.secondary_damage_detail.is_empty() {
                status.to_owned()
            } else {
                format!("{status}\n\n{}", f.secondary_damage_detail)
            }
        }
        ReportItem::ResponsesToPersons => {
            let mut text = or_blank(&f.responses_to_persons);
            for n in &incident.notices {
                let n = &n.fields;
                let method = notice_method(n.method, language);
                text.push_str(&if ja {
                    format!(
                        "\n{bullet}{}：{method}により{}人に通知",
                        n.notified_on, n.persons
                    )
                } else {
                    format!(
                        "\n{bullet}{}: {} persons notified by {method}",
                        n.notified_on, n.persons
                    )
                });
            }
            text
        }
        ReportItem::PublicAnnouncement => or_blank(&f.public_announcement),
        ReportItem::Prevention => or_blank(&f.prevention),
        ReportItem::Other => {
            let mut parts = Vec::new();
            if !f.other.is_empty() {
                parts.push(f.other.clone());
            }
            if for_persons {
                parts.push(if ja {
                    format!("本件に関するお問い合わせ先：{}", or_blank(context.contact))
                } else {
                    format!(
                        "For questions about this incident: {}",
                        or_blank(context.contact)
                    )
                });
            } else {
                if f.strong_encryption {
                    parts.push(if ja {
                        format!("高度な暗号化等の措置：{}", f.encryption_detail)
                    } else {
                        format!(
                            "Advanced encryption or equivalent measure: {}",
                            f.encryption_detail
                        )
                    });
                }
                let fired: Vec<String> = triage
                    .laws
                    .iter()
                    .filter(|l| l.report_required)
                    .flat_map(|l| {
                        l.checks
                            .iter()
                            .filter(|c| c.met)
                            .map(move |c| rule_name(l.law, c.rule, language))
                    })
                    .collect();
                if !fired.is_empty() {
                    parts.push(if ja {
                        format!("該当する事態：{}", fired.join("、"))
                    } else {
                        format!("Reportable because: {}", fired.join("; "))
                    });
                }
            }
            if parts.is_empty() {
                or_blank("")
            } else {
                parts.join("\n\n")
            }
        }
    };
    DraftSection {
        item,
        number: item.number(),
        heading: item.heading(language).to_owned(),
        body,
    }
}

impl IncidentDraft {
    /// Plain text for the CLI and the UI's preview: the title, the organisation and
    /// reference, the preamble, then each section as "N. heading" and its body.
    pub fn to_text(&self) -> String {
        let mut out = format!("{}\n\n", self.title);
        if !self.organisation.is_empty() {
            out.push_str(&self.organisation);
            out.push('\n');
        }
        out.push_str(&self.incident_reference);
        out.push_str("\n\n");
        out.push_str(&self.preamble);
        out.push_str("\n\n");
        for (index, section) in self.sections.iter().enumerate() {
            // The notice numbers its own five items; the report keeps the form's numbers.
            let number = match self.kind {
                DraftKind::Report => section.number as usize,
                DraftKind::Notice => index + 1,
            };
            out.push_str(&format!(
                "{number}. {}\n{}\n\n",
                section.heading, section.body
            ));
        }
        out.trim_end().to_owned() + "\n"
    }
}

fn nature(nature: IncidentNature, language: Language) -> &'static str {
    match (nature, language) {
        (IncidentNature::Leakage, Language::Ja) => "漏えい",
        (IncidentNature::Loss, Language::Ja) => "滅失",
        (IncidentNature::Damage, Language::Ja) => "毀損",
        (IncidentNature::Leakage, Language::En) => "leakage",
        (IncidentNature::Loss, Language::En) => "loss",
        (IncidentNature::Damage, Language::En) => "damage",
    }
}

fn certainty(certainty: IncidentCertainty, language: Language) -> &'static str {
    match (certainty, language) {
        (IncidentCertainty::Actual, Language::Ja) => "発生",
        (IncidentCertainty::Possible, Language::Ja) => "発生したおそれ",
        (IncidentCertainty::Actual, Language::En) => "occurred",
        (IncidentCertainty::Possible, Language::En) => "possibly occurred",
    }
}

fn perpetrator(perpetrator: Perpetrator, language: Language) -> &'static str {
    match (perpetrator, language) {
        (Perpetrator::Unknown, Language::Ja) => "不明",
        (Perpetrator::Outsider, Language::Ja) => "外部の者",
        (Perpetrator::Insider, Language::Ja) => "内部の者（役職員）",
        (Perpetrator::Subcontractor, Language::Ja) => "委託先",
        (Perpetrator::Unknown, Language::En) => "unknown",
        (Perpetrator::Outsider, Language::En) => "an outside party",
        (Perpetrator::Insider, Language::En) => "an insider (officer or employee)",
        (Perpetrator::Subcontractor, Language::En) => "an entrusted party",
    }
}

fn notice_method(method: NoticeMethod, language: Language) -> &'static str {
    match (method, language) {
        (NoticeMethod::Letter, Language::Ja) => "書面の郵送",
        (NoticeMethod::Email, Language::Ja) => "電子メール",
        (NoticeMethod::Phone, Language::Ja) => "電話",
        (NoticeMethod::InPerson, Language::Ja) => "面談",
        (NoticeMethod::PublicAnnouncement, Language::Ja) => "公表（代替措置）",
        (NoticeMethod::Other, Language::Ja) => "その他の方法",
        (NoticeMethod::Letter, Language::En) => "letter",
        (NoticeMethod::Email, Language::En) => "e-mail",
        (NoticeMethod::Phone, Language::En) => "telephone",
        (NoticeMethod::InPerson, Language::En) => "meeting in person",
        (NoticeMethod::PublicAnnouncement, Language::En) => {
            "public announcement (alternative measure)"
        }
        (NoticeMethod::Other, Language::En) => "another method",
    }
}

fn law_name(law: BreachLaw, language: Language) -> &'static str {
    match (law, language) {
        (BreachLaw::AppiPrivate, Language::Ja) => "個人情報の保護に関する法律第26条第1項",
        (BreachLaw::AppiNationalOrgan | BreachLaw::AppiLocalGovernment, Language::Ja) => {
            "個人情報の保護に関する法律第68条第1項"
        }
        (BreachLaw::MyNumber, Language::Ja) => {
            "行政手続における特定の個人を識別するための番号の利用等に関する法律第29条の4第1項"
        }
        (BreachLaw::Gdpr, Language::Ja) => "GDPR第33条",
        (BreachLaw::AppiPrivate, Language::En) => "APPI art. 26(1)",
        (BreachLaw::AppiNationalOrgan | BreachLaw::AppiLocalGovernment, Language::En) => {
            "APPI art. 68(1)"
        }
        (BreachLaw::MyNumber, Language::En) => "Number Act art. 29-4(1)",
        (BreachLaw::Gdpr, Language::En) => "GDPR Art. 33",
    }
}

fn rule_name(law: BreachLaw, rule: TriageRule, language: Language) -> String {
    let article = match law {
        BreachLaw::AppiPrivate => "7",
        BreachLaw::AppiNationalOrgan | BreachLaw::AppiLocalGovernment => "43",
        BreachLaw::MyNumber | BreachLaw::Gdpr => "",
    };
    let ja = language == Language::Ja;
    let item = match (law, rule) {
        (BreachLaw::MyNumber, TriageRule::MyNumberSystem) => 1,
        (BreachLaw::MyNumber, TriageRule::WrongfulPurpose) => 2,
        (BreachLaw::MyNumber, TriageRule::PubliclyExposed) => 3,
        (BreachLaw::MyNumber, _) => 4,
        (_, TriageRule::Sensitive) => 1,
        (_, TriageRule::FinancialDamage) => 2,
        (_, TriageRule::WrongfulPurpose) => 3,
        (_, TriageRule::PersonsOverThreshold) => 4,
        (_, TriageRule::OrdinanceSensitive) => 5,
        _ => 0,
    };
    match (law, ja) {
        (BreachLaw::Gdpr, true) => "GDPR第33条第1項（リスクが生じないとはいえない）".to_owned(),
        (BreachLaw::Gdpr, false) => "GDPR Art. 33(1) (risk not unlikely)".to_owned(),
        (BreachLaw::MyNumber, true) => format!("特定個人情報漏えい等報告規則第2条第{item}号"),
        (BreachLaw::MyNumber, false) => format!("Number Act Rules art. 2({})", roman(item)),
        (_, true) => format!("個人情報保護法施行規則第{article}条第{item}号"),
        (_, false) => format!("PPC Rules art. {article}({})", roman(item)),
    }
}

fn roman(n: u8) -> &'static str {
    ["", "i", "ii", "iii", "iv", "v"]
        .get(usize::from(n))
        .copied()
        .unwrap_or("")
}

/// 委託先 for a first tier; for a sub-tier the chain down to it, so the authority sees who
/// re-entrusted the work (委託先 A → 再委託先 B).
fn entrustee_line(name: &str, chain: &[String], bullet: &str, ja: bool) -> String {
    match (chain, ja) {
        ([], true) => format!("\n{bullet}委託先：{name}"),
        ([], false) => format!("\n{bullet}Entrusted party: {name}"),
        ([only], true) => format!("\n{bullet}委託先：{only}"),
        ([only], false) => format!("\n{bullet}Entrusted party: {only}"),
        ([_, .., last], true) => format!(
            "\n{bullet}再委託先：{last}\n{bullet}委託の経路：{}",
            chain.join(" → ")
        ),
        ([_, .., last], false) => format!(
            "\n{bullet}Sub-entrusted party: {last}\n{bullet}Chain of entrustment: {}",
            chain.join(" → ")
        ),
    }
}
