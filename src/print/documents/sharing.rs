//! The joint-use notice (共同利用に関する公表文, art. 27(5)(iii)) as it was published, and the
//! subcontractor register: every tier of the entrustment tree with its consent and supervision.

use super::{refused, Page};
use crate::error::{FieldErrorCode, Result};
use crate::model::holding::Holding;
use crate::model::joint_use::{ChangeNotice, JointUse, JointUseTerms, PublicationMethod};
use crate::model::subcontractor::{ApprovalForm, SubcontractorClass, SupervisionMethod};
use crate::print::labels::{bracket, date, list, opt_date, tr};
use crate::print::model::{Column, Field, Orientation, PrintDocument, Section, Table};
use crate::register::sharing::{SharingRule, SubcontractorNode};
use crate::Language;
use std::collections::HashMap;

/// The five statutory items of one edition (the current one unless `edition` names an earlier
/// one), with how and when the edition was published and, for a later edition, the change.
pub(crate) fn joint_use_notice(
    page: &Page<'_>,
    joint_use: &JointUse,
    edition: Option<i64>,
) -> Result<PrintDocument> {
    let lang = page.lang;
    let dates = page.dates;
    let editions = &joint_use.editions;
    let latest = editions.len() as i64;
    let number = edition.unwrap_or(latest);
    let Some(printed) = editions.iter().find(|e| e.number == number) else {
        return Err(refused(
            "edition",
            FieldErrorCode::OutOfRange,
            &format!(
                "joint use {} has editions 1 to {latest}",
                joint_use.fields.reference
            ),
        ));
    };
    let terms = &printed.terms;
    let missing = || page.tr("（未記載）", "(not stated)");
    let or_missing = |text: &str| {
        if text.is_empty() {
            missing()
        } else {
            text.to_owned()
        }
    };
    // Each responsible party as its own block, numbered when there are several.
    let several = terms.responsible_parties.len() > 1;
    let mut responsible = Vec::new();
    for (i, party) in terms.responsible_parties.iter().enumerate() {
        if several {
            responsible.push(match lang {
                Language::Ja => format!("（{}）", i + 1),
                Language::En => format!("({})", i + 1),
            });
        }
        for (label_ja, label_en, value) in [
            ("氏名又は名称：", "Name: ", &party.name),
            ("住所：", "Address: ", &party.address),
            ("代表者の氏名：", "Representative: ", &party.representative),
        ] {
            responsible.push(format!(
                "{}{}",
                page.tr(label_ja, label_en),
                or_missing(value)
            ));
        }
    }
    if responsible.is_empty() {
        responsible.push(missing());
    }
    let items = Section::Fields {
        heading: page.tr("記", "Particulars"),
        fields: vec![
            Field::new(
                page.tr("1. 共同利用をする旨", "1. That the data is used jointly"),
                or_missing(&terms.fact_statement),
            ),
            Field::new(
                page.tr(
                    "2. 共同して利用される個人データの項目",
                    "2. Items of personal data used jointly",
                ),
                if terms.items.is_empty() {
                    missing()
                } else {
                    list(lang, &terms.items)
                },
            ),
            Field::new(
                page.tr(
                    "3. 共同して利用する者の範囲",
                    "3. Range of the joint users",
                ),
                or_missing(&terms.users_range),
            ),
            Field::new(
                page.tr(
                    "4. 利用する者の利用目的",
                    "4. Purposes of use of the joint users",
                ),
                purposes(page, terms).unwrap_or_else(missing),
            ),
            Field::new(
                page.tr(
                    "5. 当該個人データの管理について責任を有する者の氏名又は名称及び住所並びに代表者の氏名",
                    "5. Name and address of the party responsible for managing the data, and its representative",
                ),
                responsible.join("\n"),
            ),
        ],
    };
    let f = &joint_use.fields;
    // The desk is printed with the current edition only: an earlier edition is the text as it
    // stood, and the desk is not kept per edition.
    let contact = (number == latest && !f.inquiry_contact.is_empty()).then(|| Section::Fields {
        heading: page.tr("お問合せ窓口", "Inquiries"),
        fields: vec![Field::new(
            page.tr(
                "共同利用に関する問合せ先",
                "Where to ask about the joint use",
            ),
            &f.inquiry_contact,
        )],
    });

    let mut publication = vec![
        Field::new(
            page.tr("版", "Edition"),
            match lang {
                Language::Ja => format!("第{number}版（全{latest}版）"),
                Language::En => format!("{number} of {latest}"),
            },
        ),
        Field::new(
            page.tr("公表の方法", "How it is published"),
            list(
                lang,
                f.publication_methods
                    .iter()
                    .map(|m| publication_method(lang, *m)),
            ),
        ),
    ];
    if number == latest {
        publication.push(Field::new(
            page.tr("公表日", "Published on"),
            opt_date(dates, f.published_on),
        ));
    }
    if let Some(change) = &printed.change {
        publication.push(Field::new(
            page.tr("変更の内容", "What changed"),
            &change.summary,
        ));
        publication.push(Field::new(
            page.tr("通知等の区分", "Notice given"),
            change_notice(lang, change.kind),
        ));
        publication.push(Field::new(
            page.tr("通知・公表日", "Notified on"),
            date(dates, change.notified_on),
        ));
        publication.push(Field::new(
            page.tr("変更の効力発生日", "Effective from"),
            date(dates, change.effective_on),
        ));
    }
    if let Some(next) = editions
        .iter()
        .find(|e| e.number == number + 1)
        .and_then(|e| e.change.as_ref())
    {
        publication.push(Field::new(
            page.tr("この版の適用", "This edition applied"),
            match lang {
                Language::Ja => format!(
                    "{}から第{}版に改められた",
                    date(dates, next.effective_on),
                    number + 1
                ),
                Language::En => format!(
                    "until edition {} took effect on {}",
                    number + 1,
                    date(dates, next.effective_on)
                ),
            },
        ));
    }

    let mut sections = vec![
        Section::Text {
            heading: String::new(),
            paragraphs: vec![match lang {
                Language::Ja => format!(
                    "{}（{}）について、個人情報の保護に関する法律第27条第5項第3号に基づき、次のとおり公表します。",
                    f.title, f.reference
                ),
                Language::En => format!(
                    "{} ({}): the following is published under art. 27(5)(iii) of the Act on the Protection of Personal Information.",
                    f.title, f.reference
                ),
            }],
        },
        items,
    ];
    sections.extend(contact);
    sections.push(Section::Fields {
        heading: page.tr("公表の記録", "Publication"),
        fields: publication,
    });
    if !terms.missing().is_empty() {
        sections.push(Section::Text {
            heading: String::new(),
            paragraphs: vec![page.tr(
                "※ この版には法定の5項目のうち未記載の項目がある。公表前に補うこと。",
                "This edition lacks one or more of the five statutory items; complete them before it is published.",
            )],
        });
    }
    Ok(page.document(
        page.tr(
            "共同利用に関する公表文",
            "Notice of Joint Use of Personal Data",
        ),
        page.tr(
            "個人情報の保護に関する法律第27条第5項第3号、第6項",
            "Act on the Protection of Personal Information, art. 27(5)(iii) and (6)",
        ),
        Orientation::Portrait,
        10.0,
        sections,
    ))
}

fn purposes(page: &Page<'_>, terms: &JointUseTerms) -> Option<String> {
    if terms.purposes.is_empty() {
        return None;
    }
    Some(
        terms
            .purposes
            .iter()
            .map(|p| format!("{}{}{}", p.user, page.tr("：", ": "), p.purpose))
            .collect::<Vec<_>>()
            .join("\n"),
    )
}

/// One row per tier in tree order; a sub-tier's path names every tier above it.
pub(crate) fn subcontractor_register(
    page: &Page<'_>,
    nodes: &[SubcontractorNode],
    holdings: &[Holding],
) -> PrintDocument {
    let lang = page.lang;
    let dates = page.dates;
    let references: HashMap<i64, (&str, Option<i64>)> = nodes
        .iter()
        .map(|n| {
            let f = &n.subcontractor.fields;
            (n.subcontractor.id, (f.reference.as_str(), f.parent_id))
        })
        .collect();
    let columns = vec![
        Column::new(page.tr("階層・委託経路", "Tier and path"), 1.1),
        Column::new(
            page.tr("委託先（名称・所在地・代表者・国）", "Subcontractor"),
            1.8,
        ),
        Column::new(page.tr("委託する業務", "Work entrusted"), 1.5),
        Column::new(
            page.tr("委託する個人データ・項目", "Holdings and items entrusted"),
            1.7,
        ),
        Column::new(page.tr("契約", "Contract"), 1.4),
        Column::new(
            page.tr("同意・承認（者・日・形式）", "Consent (by, on, form)"),
            1.3,
        ),
        Column::new(page.tr("監督の状況", "Supervision"), 1.5),
        Column::new(page.tr("事故の通知", "Incident notified"), 1.0),
        Column::new(page.tr("要対応事項", "Needs action"), 1.2),
    ];
    let rows = nodes
        .iter()
        .map(|node| {
            let tier = &node.subcontractor;
            let f = &tier.fields;
            let mut path = vec![f.reference.as_str()];
            let mut parent = f.parent_id;
            while let Some((reference, above)) = parent.and_then(|p| references.get(&p)) {
                path.push(*reference);
                parent = *above;
                if path.len() > nodes.len() {
                    break;
                }
            }
            path.reverse();
            let indent = "\u{3000}".repeat(node.depth as usize);
            let tier_label = match lang {
                Language::Ja => format!("{indent}第{}次", node.depth + 1),
                Language::En => format!("{indent}Tier {}", node.depth + 1),
            };
            let flag = if node.findings.is_empty() {
                String::new()
            } else {
                "▲ ".to_owned()
            };

            let mut who = vec![format!("{flag}{}", f.name)];
            if !f.address.is_empty() {
                who.push(f.address.clone());
            }
            if !f.representative.is_empty() {
                who.push(format!(
                    "{}{}",
                    page.tr("代表者：", "Representative: "),
                    f.representative
                ));
            }
            let mut class = subcontractor_class(lang, f.classification).to_owned();
            if !f.classification_note.is_empty() {
                class.push_str(&bracket(lang, &f.classification_note));
            }
            who.push(format!("{} / {}", f.country, class));

            let entrusted = f
                .entrusted
                .iter()
                .map(|e| {
                    let Some(holding) = holdings.iter().find(|h| h.id == e.holding_id) else {
                        return String::new();
                    };
                    let items = holding
                        .fields
                        .data_items
                        .iter()
                        .filter(|item| item.id.is_some_and(|id| e.item_ids.contains(&id)))
                        .map(|item| item.name.as_str());
                    format!(
                        "{} {}{}{}",
                        holding.fields.ledger_no,
                        holding.fields.name,
                        page.tr("：", ": "),
                        list(lang, items)
                    )
                })
                .collect::<Vec<_>>()
                .join("\n");

            let mut contract = Vec::new();
            if !f.contract_reference.is_empty() {
                contract.push(f.contract_reference.clone());
            }
            if !f.contract_clauses.is_empty() {
                contract.push(f.contract_clauses.clone());
            }

            let consent = match &f.approval {
                Some(a) => {
                    let mut lines = vec![
                        a.approved_by.clone(),
                        date(dates, a.approved_on),
                        approval_form(lang, a.form).to_owned(),
                    ];
                    if !a.note.is_empty() {
                        lines.push(a.note.clone());
                    }
                    lines.join("\n")
                }
                None => page.tr("▲ 記録なし", "▲ Not recorded"),
            };

            let s = &f.supervision;
            let mut supervision = vec![format!(
                "{}{}",
                supervision_method(lang, s.method),
                match lang {
                    Language::Ja => format!("（{}か月ごと）", s.frequency_months),
                    Language::En => format!(" (every {} months)", s.frequency_months),
                }
            )];
            supervision.push(format!(
                "{}{}",
                page.tr("前回：", "Last: "),
                s.last_check
                    .map(|d| date(dates, d))
                    .unwrap_or_else(|| page.tr("未実施", "none yet"))
            ));
            if let Some(next) = s.next_check {
                let overdue = node
                    .findings
                    .iter()
                    .any(|x| x.rule == SharingRule::SupervisionOverdue);
                supervision.push(format!(
                    "{}{}{}",
                    page.tr("次回：", "Next: "),
                    date(dates, next),
                    if overdue {
                        bracket(lang, &page.tr("▲ 期限超過", "▲ overdue"))
                    } else {
                        String::new()
                    }
                ));
            }
            if !s.findings.is_empty() {
                supervision.push(s.findings.clone());
            }

            let incident = match f.incident_notified_on {
                Some(on) => {
                    let mut text = date(dates, on);
                    if !f.incident_note.is_empty() {
                        text.push('\n');
                        text.push_str(&f.incident_note);
                    }
                    text
                }
                None => page.tr("なし", "None"),
            };
            let actions = node
                .findings
                .iter()
                .map(|x| format!("▲ {}", sharing_rule(lang, x.rule)))
                .collect::<Vec<_>>()
                .join("\n");

            vec![
                format!("{tier_label}\n{}", path.join(" › ")),
                who.join("\n"),
                f.work_description.clone(),
                entrusted,
                contract.join("\n"),
                consent,
                supervision.join("\n"),
                incident,
                actions,
            ]
        })
        .collect();
    let table = Table {
        groups: Vec::new(),
        heading: String::new(),
        sheet: page.tr("委託先", "Subcontractors"),
        columns,
        rows,
        empty: page.tr(
            "個人データの取扱いを委託している委託先はありません。",
            "No handling of personal data is entrusted to a subcontractor.",
        ),
        note: page.tr(
            "※ ▲は対応を要する事項を示す。第2次以下は再委託先であり、同意・承認欄はその再委託についての委託元の同意を示す。",
            "▲ marks what needs action. Tier 2 and below are sub-subcontractors; their consent is the entrusting party's consent to the re-entrustment.",
        ),
    };
    page.document(
        page.tr("委託先管理台帳", "Register of Subcontractors"),
        page.tr(
            "個人情報の保護に関する法律第25条（委託先の監督）、第66条第2項",
            "Act on the Protection of Personal Information, art. 25 (supervision of entrustees) and art. 66(2)",
        ),
        Orientation::Landscape,
        7.0,
        vec![Section::Table(table)],
    )
}

fn publication_method(lang: Language, value: PublicationMethod) -> String {
    let (ja, en) = match value {
        PublicationMethod::Website => ("ホームページへの掲載", "On the website"),
        PublicationMethod::NoticeToPersons => ("本人への通知", "Notice to the persons"),
        PublicationMethod::PostedAtOffice => ("事務所での掲示", "Posted at the office"),
        PublicationMethod::Bulletin => ("広報誌等への掲載", "In a bulletin"),
        PublicationMethod::Other => ("その他", "Other"),
    };
    tr(lang, ja, en)
}

fn change_notice(lang: Language, value: ChangeNotice) -> String {
    let (ja, en) = match value {
        ChangeNotice::NotifyWithoutDelay => (
            "変更後遅滞なく通知・公表（法第27条第6項）",
            "Notified without delay after the change (art. 27(6))",
        ),
        ChangeNotice::NotifyInAdvance => (
            "あらかじめ通知・公表（法第27条第6項）",
            "Notified in advance of the change (art. 27(6))",
        ),
    };
    tr(lang, ja, en)
}

fn subcontractor_class(lang: Language, value: SubcontractorClass) -> &'static str {
    use SubcontractorClass::*;
    match (value, lang) {
        (SystemVendor, Language::Ja) => "システム開発・保守",
        (SystemVendor, Language::En) => "System vendor",
        (CloudProvider, Language::Ja) => "クラウドサービス",
        (CloudProvider, Language::En) => "Cloud provider",
        (Consultancy, Language::Ja) => "コンサルティング・調査",
        (Consultancy, Language::En) => "Consultancy",
        (SecurityCompany, Language::Ja) => "警備",
        (SecurityCompany, Language::En) => "Security company",
        (CheckupProvider, Language::Ja) => "健診機関",
        (CheckupProvider, Language::En) => "Health checkup provider",
        (Translator, Language::Ja) => "翻訳",
        (Translator, Language::En) => "Translator",
        (PrintMail, Language::Ja) => "印刷・発送",
        (PrintMail, Language::En) => "Printing and mailing",
        (DisposalCompany, Language::Ja) => "廃棄・溶解処理",
        (DisposalCompany, Language::En) => "Disposal company",
        (CallCentre, Language::Ja) => "コールセンター",
        (CallCentre, Language::En) => "Call centre",
        (Nonprofit, Language::Ja) => "非営利法人",
        (Nonprofit, Language::En) => "Nonprofit",
        (Other, Language::Ja) => "その他",
        (Other, Language::En) => "Other",
    }
}

fn approval_form(lang: Language, value: ApprovalForm) -> &'static str {
    use ApprovalForm::*;
    match (value, lang) {
        (WrittenApproval, Language::Ja) => "書面による承認",
        (WrittenApproval, Language::En) => "Written approval",
        (ElectronicApproval, Language::Ja) => "電磁的方法による承認",
        (ElectronicApproval, Language::En) => "Electronic approval",
        (ContractClause, Language::Ja) => "契約条項による事前の同意",
        (ContractClause, Language::En) => "Consent by a contract clause",
        (InternalDecision, Language::Ja) => "内部決裁",
        (InternalDecision, Language::En) => "Internal decision",
        (Oral, Language::Ja) => "口頭",
        (Oral, Language::En) => "Oral",
    }
}

fn supervision_method(lang: Language, value: SupervisionMethod) -> &'static str {
    use SupervisionMethod::*;
    match (value, lang) {
        (OnSiteAudit, Language::Ja) => "立入検査",
        (OnSiteAudit, Language::En) => "On-site audit",
        (WrittenReport, Language::Ja) => "書面による報告",
        (WrittenReport, Language::En) => "Written report",
        (Questionnaire, Language::Ja) => "チェックリストによる確認",
        (Questionnaire, Language::En) => "Questionnaire",
        (CertificationCheck, Language::Ja) => "第三者認証の確認",
        (CertificationCheck, Language::En) => "Certification check",
        (IndirectThroughParent, Language::Ja) => "委託元を通じた監督",
        (IndirectThroughParent, Language::En) => "Through the entrusting tier",
        (Other, Language::Ja) => "その他",
        (Other, Language::En) => "Other",
    }
}

fn sharing_rule(lang: Language, value: SharingRule) -> &'static str {
    use SharingRule::*;
    match (value, lang) {
        (SubcontractorWithoutConsent, Language::Ja) => "同意・承認の記録がない",
        (SubcontractorWithoutConsent, Language::En) => "No consent recorded",
        (SupervisionOverdue, Language::Ja) => "監督の期限を過ぎている",
        (SupervisionOverdue, Language::En) => "Supervision check overdue",
        (JointUseMissingItem, Language::Ja) => "共同利用の法定項目が未記載",
        (JointUseMissingItem, Language::En) => "Joint use lacks a statutory item",
        (ForeignSubcontractorWithoutTransfer, Language::Ja) => {
            "外国の委託先について外国提供の記録がない"
        }
        (ForeignSubcontractorWithoutTransfer, Language::En) => {
            "Foreign subcontractor without a transfer record"
        }
        (TransferCheckOverdue, Language::Ja) => "外国提供先の定期確認の期限を過ぎている",
        (TransferCheckOverdue, Language::En) => "Transfer check overdue",
    }
}
