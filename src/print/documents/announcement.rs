//! 保有個人データに関する事項の公表 (APPI art. 32; Cabinet Order art. 10), generated from the
//! register: the operator, the purposes of every retained holding, the request procedure,
//! the security measures, the matters treated as consented unless the person objects, the
//! purposes of pseudonymised information (art. 41(4)), the items of anonymised information and
//! how it is provided (art. 43(3) and (4)), and the complaint desk.

use super::Page;
use crate::model::anonymised::AnonymisedInformation;
use crate::model::consent_matter::ConsentMatter;
use crate::model::holding::Holding;
use crate::model::measure::{Measure, MeasureHeading};
use crate::model::pseudonymised::PseudonymisedInformation;
use crate::model::request::RequestType;
use crate::model::request_procedure::{AnswerMethod, RequestProcedure};
use crate::print::labels::{self, list};
use crate::print::model::{Column, Field, Orientation, PrintDocument, Section, Table};

pub(crate) fn announcement(
    page: &Page<'_>,
    holdings: &[Holding],
    measures: &[Measure],
    matters: &[ConsentMatter],
    published_procedure: Option<&RequestProcedure>,
    pseudonymised: &[PseudonymisedInformation],
    anonymised: &[AnonymisedInformation],
) -> PrintDocument {
    let lang = page.lang;
    let profile = &page.organisation.profile;

    let mut operator = vec![
        Field::new(page.tr("名称", "Name"), &profile.name),
        Field::new(page.tr("住所", "Address"), &profile.address),
        Field::new(
            page.tr("代表者の氏名", "Representative"),
            &profile.representative,
        ),
    ];
    if !profile.privacy_manager.is_empty() {
        operator.push(Field::new(
            page.tr(
                "個人情報保護管理者",
                "Personal information protection manager",
            ),
            &profile.privacy_manager,
        ));
    }
    for officer in &profile.officers {
        operator.push(Field::new(
            if officer.role.is_empty() {
                page.tr("個人情報の取扱いの責任者", "Officer in charge")
            } else {
                officer.role.clone()
            },
            super::officer_line(page, officer),
        ));
    }

    let retained: Vec<&Holding> = holdings
        .iter()
        .filter(|h| h.fields.retained_personal_data)
        .collect();
    let purposes = Table {
        groups: Vec::new(),
        heading: page.tr(
            "2. 全ての保有個人データの利用目的（法第32条第1項第2号）",
            "2. Purposes of use of all retained personal data (art. 32(1)(ii))",
        ),
        sheet: page.tr("利用目的", "Purposes"),
        columns: vec![
            Column::new(page.tr("保有個人データ", "Retained personal data"), 1.0),
            Column::new(page.tr("利用目的", "Purposes of use"), 2.4),
        ],
        rows: retained
            .iter()
            .map(|h| {
                vec![
                    h.fields.name.clone(),
                    h.fields
                        .purposes
                        .iter()
                        .map(|p| format!("・{p}"))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ]
            })
            .collect(),
        empty: page.tr(
            "保有個人データはありません。",
            "No retained personal data is held.",
        ),
        note: String::new(),
    };

    let regime_types = RequestType::available(profile.regime, profile.gdpr_applies);
    let mut procedure = vec![
        Field::new(
            page.tr("請求の対象", "Requests accepted"),
            list(
                lang,
                regime_types.iter().map(|t| labels::request_type(lang, *t)),
            ),
        ),
        Field::new(
            page.tr("請求の受付窓口", "Where to make a request"),
            if profile.request_desk.is_empty() {
                profile.address.clone()
            } else {
                profile.request_desk.clone()
            },
        ),
    ];
    if let Some(published) = published_procedure {
        procedure.extend(procedure_fields(page, published));
    }
    procedure.push(Field::new(
        page.tr("根拠", "Legal basis"),
        page.tr(
            "利用目的の通知（法第32条第2項）、開示（法第33条）、訂正等（法第34条）、利用停止等（法第35条）",
            "Notification of purpose (art. 32(2)), disclosure (art. 33), correction (art. 34), suspension of use (art. 35)",
        ),
    ));

    let mut sections = vec![
        Section::Fields {
            heading: page.tr(
                "1. 個人情報取扱事業者の氏名又は名称、住所及び代表者の氏名（法第32条第1項第1号）",
                "1. Name and address of the business operator and its representative (art. 32(1)(i))",
            ),
            fields: operator,
        },
        Section::Table(purposes),
        Section::Fields {
            heading: page.tr(
                "3. 開示等の請求等に応じる手続（法第32条第1項第3号、第37条）",
                "3. Procedure for requests for notification, disclosure, correction and suspension (arts. 32(1)(iii), 37)",
            ),
            fields: procedure,
        },
    ];
    sections.extend(security_measures(page, measures));
    sections.extend(consent_matters(page, holdings, matters));
    sections.extend(pseudonymised_purposes(page, pseudonymised));
    sections.extend(anonymised_items(page, anonymised));
    sections.push(Section::Fields {
        heading: page.tr(
            "苦情の申出先（施行令第10条第2号）",
            "Where to lodge complaints (Cabinet Order art. 10(ii))",
        ),
        fields: vec![Field::new(
            page.tr("苦情受付窓口", "Complaint desk"),
            if profile.complaint_desk.is_empty() {
                profile.address.clone()
            } else {
                profile.complaint_desk.clone()
            },
        )],
    });
    number_later_headings(&mut sections, 3);

    page.document(
        page.tr(
            "保有個人データに関する事項の公表",
            "Public Announcement on Retained Personal Data",
        ),
        page.tr(
            "個人情報の保護に関する法律第32条第1項、同法施行令第10条",
            "Act on the Protection of Personal Information, art. 32(1); Cabinet Order, art. 10",
        ),
        Orientation::Portrait,
        9.5,
        sections,
    )
}

/// The published procedure (art. 37; Cabinet Order art. 12: the form, how the person or an
/// agent is identified, how fees are paid) and the fees (art. 38). Empty entries print
/// nothing rather than a blank line.
fn procedure_fields(page: &Page<'_>, published: &RequestProcedure) -> Vec<Field> {
    let p = &published.procedure;
    let lang = page.lang;
    let fee = |fee: Option<u32>| match fee.filter(|f| *f > 0) {
        Some(yen) => page.tr(&format!("{yen}円"), &format!("{yen} yen")),
        None => page.tr("無料", "Free of charge"),
    };
    let mut fields = vec![Field::new(
        page.tr("請求の方式（様式）", "Form of the request"),
        &p.forms,
    )];
    let mut optional = |label: String, value: String| {
        if !value.is_empty() {
            fields.push(Field::new(label, value));
        }
    };
    optional(
        page.tr("本人確認書類", "Identity documents (person)"),
        list(lang, &p.identity_documents),
    );
    optional(
        page.tr("代理人の本人確認書類", "Identity documents (agent)"),
        list(lang, &p.agent_identity_documents),
    );
    optional(
        page.tr(
            "法定代理人であることを証する書類",
            "Proof: legal representative",
        ),
        p.legal_representative_proof.clone(),
    );
    optional(
        page.tr("任意代理人であることを証する書類", "Proof: appointed agent"),
        p.appointed_agent_proof.clone(),
    );
    fields.push(Field::new(
        page.tr("開示の手数料（法第38条）", "Disclosure fee (art. 38)"),
        fee(p.disclosure_fee_yen),
    ));
    fields.push(Field::new(
        page.tr(
            "第三者提供記録の開示の手数料（法第33条第5項、第38条）",
            "Provision records fee",
        ),
        fee(p.provision_record_fee_yen),
    ));
    let mut optional = |label: String, value: String| {
        if !value.is_empty() {
            fields.push(Field::new(label, value));
        }
    };
    optional(
        page.tr("手数料の徴収方法", "How fees are paid"),
        p.payment_method.clone(),
    );
    optional(
        page.tr("回答の方法", "How answers are given"),
        list(
            lang,
            p.answer_methods.iter().map(|m| answer_method(page, *m)),
        ),
    );
    optional(page.tr("備考", "Notes"), p.notes.clone());
    fields
}

fn answer_method(page: &Page<'_>, method: AnswerMethod) -> String {
    match method {
        AnswerMethod::ElectronicRecord => page.tr(
            "電磁的記録の提供（法第33条第1項）",
            "As an electronic record (art. 33(1))",
        ),
        AnswerMethod::Paper => page.tr("書面の交付", "On paper"),
        AnswerMethod::InPerson => page.tr("窓口での閲覧", "Inspection at the desk"),
    }
}

/// The matters the organisation treats as consented unless the person objects (黙示の同意),
/// each with the holdings it covers and where it is published, so a person can see what to
/// object to. Not an art. 32 item: printed here because the presumption holds only while the
/// matters are published, and with none nothing is printed.
fn consent_matters(
    page: &Page<'_>,
    holdings: &[Holding],
    matters: &[ConsentMatter],
) -> Option<Section> {
    if matters.is_empty() {
        return None;
    }
    let lang = page.lang;
    let dates = page.dates;
    let fields = matters
        .iter()
        .map(|m| {
            let f = &m.fields;
            let covered = list(
                lang,
                f.holding_ids
                    .iter()
                    .filter_map(|id| holdings.iter().find(|h| h.id == *id))
                    .map(|h| h.fields.name.clone()),
            );
            let mut lines = vec![f.description.clone()];
            if !covered.is_empty() {
                lines.push(format!(
                    "{}{covered}",
                    page.tr("対象の保有個人データ：", "Retained personal data: ")
                ));
            }
            lines.push(format!(
                "{}{}{}",
                page.tr("公表場所：", "Published in: "),
                f.published_where,
                page.tr(
                    &format!("（{}から）", labels::date(dates, f.published_since)),
                    &format!(" (since {})", labels::date(dates, f.published_since)),
                )
            ));
            Field::new(&f.title, lines.join("\n"))
        })
        .collect();
    Some(Section::Fields {
        heading: page.tr(
            "黙示の同意とする事項（異議の申出がない限り同意があったものとして取り扱う事項）",
            "Matters treated as consented unless the person objects",
        ),
        fields,
    })
}

/// The purposes of the pseudonymised information still held: art. 41(4) applies art. 21 with
/// "notify or publish" read as "publish", so a purpose counts only once published. Erased
/// information (art. 41(5)) is no longer held and drops out; with none, nothing is printed.
fn pseudonymised_purposes(
    page: &Page<'_>,
    pseudonymised: &[PseudonymisedInformation],
) -> Option<Section> {
    let fields: Vec<Field> = pseudonymised
        .iter()
        .filter(|p| p.fields.erased_on.is_none())
        .map(|p| {
            let lines: Vec<String> = p.fields.purposes.iter().map(|x| format!("・{x}")).collect();
            Field::new(&p.fields.name, lines.join("\n"))
        })
        .collect();
    if fields.is_empty() {
        return None;
    }
    Some(Section::Fields {
        heading: page.tr(
            "仮名加工情報の利用目的（法第41条第4項により読み替えて適用する法第21条）",
            "Purposes of use of pseudonymised information (art. 21 as applied by art. 41(4))",
        ),
        fields,
    })
}

/// The items of information about individuals each anonymised information contains (art.
/// 43(3), Rules art. 36) and, where it was provided to third parties, the items and the method
/// of provision (art. 43(4), Rules art. 37). Recipients are not printed: the Act publishes what
/// is provided and how, not to whom. With none, nothing is printed.
fn anonymised_items(page: &Page<'_>, anonymised: &[AnonymisedInformation]) -> Option<Section> {
    if anonymised.is_empty() {
        return None;
    }
    let lang = page.lang;
    let fields = anonymised
        .iter()
        .map(|a| {
            let f = &a.fields;
            let mut lines = vec![format!(
                "{}{}",
                page.tr(
                    "含まれる個人に関する情報の項目：",
                    "Items of information about individuals: "
                ),
                list(lang, &f.items)
            )];
            let mut methods: Vec<&str> = Vec::new();
            for p in &f.provisions {
                if !methods.contains(&p.method.as_str()) {
                    methods.push(&p.method);
                }
            }
            if !methods.is_empty() {
                lines.push(format!(
                    "{}{}",
                    page.tr(
                        "第三者に提供する情報の項目：",
                        "Items provided to third parties: "
                    ),
                    list(lang, &f.items)
                ));
                lines.push(format!(
                    "{}{}",
                    page.tr("提供の方法：", "Method of provision: "),
                    list(lang, methods)
                ));
            }
            Field::new(&f.name, lines.join("\n"))
        })
        .collect();
    Some(Section::Fields {
        heading: page.tr(
            "匿名加工情報に含まれる個人に関する情報の項目及び第三者提供（法第43条第3項・第4項）",
            "Anonymised information: items of information about individuals and provision to third parties (art. 43(3) and (4))",
        ),
        fields,
    })
}

/// 保有個人データの安全管理のために講じた措置 (Cabinet Order art. 10(i)), under the PPC's
/// headings (basic policy, handling rules, organisational, personnel, physical and technical
/// measures, external environment). Only measures marked publishable print: the order
/// excepts those whose publication would endanger the data. With none, nothing is printed
/// rather than words the register cannot back.
///
/// Joint-use arrangements are not repeated here: art. 32 and Cabinet Order art. 10 do not
/// list them (they have their own notice under art. 27(5)(iii)).
fn security_measures(page: &Page<'_>, measures: &[Measure]) -> Option<Section> {
    let fields: Vec<Field> = MeasureHeading::ALL
        .iter()
        .filter_map(|heading| {
            let lines: Vec<String> = measures
                .iter()
                .filter(|m| m.fields.publishable && m.fields.heading == *heading)
                .map(|m| {
                    let f = &m.fields;
                    if f.description.is_empty() {
                        format!("・{}", f.title)
                    } else {
                        format!("・{}{}{}", f.title, page.tr("：", ": "), f.description)
                    }
                })
                .collect();
            (!lines.is_empty())
                .then(|| Field::new(measure_heading(page, *heading), lines.join("\n")))
        })
        .collect();
    if fields.is_empty() {
        return None;
    }
    Some(Section::Fields {
        heading: page.tr(
            "保有個人データの安全管理のために講じた措置（施行令第10条第1号）",
            "Security control measures taken for retained personal data (Cabinet Order art. 10(i))",
        ),
        fields,
    })
}

fn measure_heading(page: &Page<'_>, heading: MeasureHeading) -> String {
    match heading {
        MeasureHeading::BasicPolicy => page.tr("基本方針の策定", "Basic policy"),
        MeasureHeading::HandlingRules => page.tr(
            "個人データの取扱いに係る規律の整備",
            "Rules for handling personal data",
        ),
        MeasureHeading::Organisational => {
            page.tr("組織的安全管理措置", "Organisational security measures")
        }
        MeasureHeading::Personnel => page.tr("人的安全管理措置", "Personnel security measures"),
        MeasureHeading::Physical => page.tr("物理的安全管理措置", "Physical security measures"),
        MeasureHeading::Technical => page.tr("技術的安全管理措置", "Technical security measures"),
        MeasureHeading::ExternalEnvironment => {
            page.tr("外的環境の把握", "Understanding the external environment")
        }
    }
}

/// Numbers the headings after the first `fixed` sections in order, so that an optional
/// section (such as the security measures) never leaves a gap in the numbering.
fn number_later_headings(sections: &mut [Section], fixed: usize) {
    for (i, section) in sections.iter_mut().enumerate().skip(fixed) {
        if let Section::Fields { heading, .. } | Section::Text { heading, .. } = section {
            *heading = format!("{}. {heading}", i + 1);
        }
    }
}
