//! 第三者提供記録簿 and 確認記録簿 (APPI arts. 29–30; PPC Rules arts. 19–25): every record
//! with each item the Rules ask for and the last day it must be kept, with how that day was
//! counted and under which Rules item; records of providing personal-related information
//! (art. 31(3); Rules arts. 27–29) print in the provision register, marked as such and with
//! the confirmation of the person's consent in place of the persons; and the extract of the
//! records about one person that art. 33(5) lets that person ask for.

use super::Page;
use crate::deadline::retention::RetentionEvent;
use crate::model::era::DateStyle;
use crate::model::holding::Holding;
use crate::model::provision::{
    person_matches, ProvisionBasis, ProvisionDirection, ProvisionRecordView,
    ProvisionRetentionRule, PublicGround, RecordingMethod, StatutoryException,
};
use crate::print::labels::{bracket, date, list, tr};
use crate::print::model::{Column, Field, Orientation, PrintDocument, Section, Table};
use crate::Language;

/// The provision records (`Provided`) or the receipt records (`Received`), oldest first.
pub(crate) fn register(
    page: &Page<'_>,
    direction: ProvisionDirection,
    records: &[ProvisionRecordView],
    holdings: &[Holding],
) -> PrintDocument {
    let lang = page.lang;
    let dates = page.dates;
    let received = direction == ProvisionDirection::Received;
    let mut columns = vec![
        Column::new(page.tr("記録番号", "Record"), 0.8),
        Column::new(
            if received {
                page.tr("受領の年月日", "Received on")
            } else {
                page.tr("提供の年月日", "Provided on")
            },
            1.1,
        ),
        Column::new(page.tr("記録の作成", "Recorded"), 1.1),
        Column::new(page.tr("根拠・本人の同意", "Basis and consent"), 1.5),
        Column::new(
            if received {
                page.tr(
                    "提供者の氏名又は名称・住所・代表者",
                    "Provider: name, address, representative",
                )
            } else {
                page.tr(
                    "提供先の氏名又は名称・住所・代表者",
                    "Recipient: name, address, representative",
                )
            },
            1.7,
        ),
    ];
    if received {
        columns.push(Column::new(
            page.tr("取得の経緯", "How the provider acquired the data"),
            1.5,
        ));
    }
    columns.extend([
        Column::new(
            page.tr(
                "本人の氏名その他の本人を特定するに足りる事項",
                "Persons concerned",
            ),
            1.7,
        ),
        Column::new(
            if received {
                page.tr("個人データの項目", "Data items")
            } else {
                page.tr(
                    "個人データ又は個人関連情報の項目",
                    "Items of personal data or personal-related information",
                )
            },
            1.5,
        ),
        Column::new(page.tr("対象の個人情報・備考", "Holdings and notes"), 1.4),
        Column::new(
            page.tr("保存期間の満了日・計算", "Keep until, and how counted"),
            1.6,
        ),
    ]);
    let rows = oldest_first(records)
        .filter(|v| v.record.fields.direction == direction)
        .map(|view| {
            let f = &view.record.fields;
            let mut row = vec![
                f.reference.clone(),
                provided_period(lang, dates, view),
                recorded(lang, dates, view),
                basis_and_consent(lang, view),
                counterparty(lang, view),
            ];
            if received {
                row.push(f.acquisition_circumstances.clone());
            }
            row.extend([
                if f.is_personal_related() {
                    not_a_record_item(lang)
                } else {
                    persons(lang, &f.persons, &f.persons_description)
                },
                list(lang, &f.items),
                holdings_and_notes(view, holdings),
                retention_explained(lang, dates, view),
            ]);
            row
        })
        .collect();
    let (title, basis, sheet, empty) = if received {
        (
            page.tr("確認記録簿", "Register of Records of Receipt"),
            page.tr(
                "個人情報の保護に関する法律第30条第3項、同法施行規則第23条から第25条まで",
                "Act on the Protection of Personal Information, art. 30(3); PPC Rules, arts. 23–25",
            ),
            page.tr("確認記録", "Receipt records"),
            page.tr(
                "第三者から個人データの提供を受けた記録はありません。",
                "No receipt of personal data from a third party is recorded.",
            ),
        )
    } else {
        (
            page.tr("第三者提供記録簿", "Register of Records of Provision"),
            page.tr(
                "個人情報の保護に関する法律第29条第1項・第31条第3項、同法施行規則第19条から第21条まで・第26条から第29条まで",
                "Act on the Protection of Personal Information, arts. 29(1) and 31(3); PPC Rules, arts. 19–21 and 26–29",
            ),
            page.tr("提供記録", "Provision records"),
            page.tr(
                "個人データを第三者に提供した記録はありません。",
                "No provision of personal data to a third party is recorded.",
            ),
        )
    };
    let table = Table {
        groups: Vec::new(),
        heading: String::new(),
        sheet,
        columns,
        rows,
        empty,
        note: retention_note(page),
    };
    page.document(
        title,
        basis,
        Orientation::Landscape,
        7.0,
        vec![Section::Table(table)],
    )
}

/// The records about one person, both directions, as disclosed to that person (art. 33(5)).
/// Only the references that match the person print: a record about several persons would
/// otherwise disclose the others.
pub(crate) fn extract(
    page: &Page<'_>,
    person: &str,
    records: &[ProvisionRecordView],
) -> PrintDocument {
    let lang = page.lang;
    let dates = page.dates;
    let about: Vec<&ProvisionRecordView> = oldest_first(records)
        .filter(|v| v.record.fields.concerns(person))
        .collect();
    let columns = vec![
        Column::new(page.tr("記録番号", "Record"), 0.8),
        Column::new(page.tr("区分", "Kind"), 0.8),
        Column::new(page.tr("年月日", "Date"), 1.1),
        Column::new(page.tr("根拠・本人の同意", "Basis and consent"), 1.5),
        Column::new(
            page.tr(
                "提供先又は提供者の氏名又は名称・住所・代表者",
                "Recipient or provider: name, address, representative",
            ),
            1.8,
        ),
        Column::new(
            page.tr("取得の経緯（受領の場合）", "How the provider acquired it"),
            1.4,
        ),
        Column::new(page.tr("本人", "Person"), 1.3),
        Column::new(page.tr("個人データの項目", "Data items"), 1.5),
        Column::new(page.tr("保存期間の満了日", "Keep until"), 1.1),
    ];
    let rows = about
        .iter()
        .map(|view| {
            let f = &view.record.fields;
            let matching: Vec<String> = f
                .persons
                .iter()
                .filter(|p| person_matches(p, person))
                .cloned()
                .collect();
            vec![
                f.reference.clone(),
                direction(lang, f.direction).to_owned(),
                provided_period(lang, dates, view),
                basis_and_consent(lang, view),
                counterparty(lang, view),
                f.acquisition_circumstances.clone(),
                list(lang, &matching),
                list(lang, &f.items),
                retention(lang, dates, view),
            ]
        })
        .collect();
    let summary = Section::Fields {
        heading: page.tr("開示の対象", "Subject of the disclosure"),
        fields: vec![
            Field::new(page.tr("本人", "Person"), person),
            Field::new(
                page.tr("該当する記録の数", "Records found"),
                about.len().to_string(),
            ),
        ],
    };
    let table = Table {
        groups: Vec::new(),
        heading: page.tr(
            "第三者提供記録・確認記録",
            "Records of provision and receipt",
        ),
        sheet: page.tr("本人別記録", "Records about the person"),
        columns,
        rows,
        empty: page.tr(
            "この本人に係る第三者提供記録及び確認記録はありません。",
            "No record of provision or receipt concerns this person.",
        ),
        note: retention_note(page),
    };
    page.document(
        page.tr(
            "第三者提供記録の開示（本人別抜粋）",
            "Disclosure of Records of Third-Party Provision",
        ),
        page.tr(
            "個人情報の保護に関する法律第33条第5項",
            "Act on the Protection of Personal Information, art. 33(5)",
        ),
        Orientation::Landscape,
        7.0,
        vec![summary, Section::Table(table)],
    )
}

fn oldest_first(records: &[ProvisionRecordView]) -> impl Iterator<Item = &ProvisionRecordView> {
    let mut sorted: Vec<&ProvisionRecordView> = records.iter().collect();
    sorted.sort_by(|a, b| {
        let (a, b) = (&a.record, &b.record);
        (a.fields.provided_on, a.id).cmp(&(b.fields.provided_on, b.id))
    });
    sorted.into_iter()
}

fn retention_note(page: &Page<'_>) -> String {
    page.tr(
        "※ 保存期間：記録を作成した日から3年（一括して作成した記録は最後の提供等の日から3年、契約書等による代替は最後の提供等の日から1年）。個人関連情報の提供記録に契約書等による代替はない（規則第29条）。期間は事由の日の翌日から起算し、応当日に満了する（民法第140条・第143条）。",
        "Kept for three years from the day the record was made; a bulk record three years and a contract used instead of a record one year from the last provision or receipt it covers. A record of providing personal-related information has no contract in its place (PPC Rules art. 29). Periods run from the day after the event and end on its corresponding day (Civil Code arts. 140, 143).",
    )
}

/// Where the persons would be: Rules art. 28(1) does not list them for personal-related
/// information, since the provider cannot tell who they are.
fn not_a_record_item(lang: Language) -> String {
    tr(
        lang,
        "—（個人関連情報：本人は記録事項ではない）",
        "— (personal-related information: persons are not a record item)",
    )
}

/// 2026年4月1日 or, for a series, 2026年4月1日〜2027年3月31日 (continuing when open).
fn provided_period(lang: Language, dates: DateStyle, view: &ProvisionRecordView) -> String {
    let f = &view.record.fields;
    let first = date(dates, f.provided_on);
    match (f.recording_method, f.last_provided_on) {
        (RecordingMethod::Individual, _) => first,
        (_, Some(last)) => format!("{first}{}{}", tr(lang, "〜", " to "), date(dates, last)),
        (_, None) => format!(
            "{first}{}",
            tr(lang, "〜（継続中）", " onwards (continuing)")
        ),
    }
}

fn recorded(lang: Language, dates: DateStyle, view: &ProvisionRecordView) -> String {
    let f = &view.record.fields;
    format!(
        "{}\n{}",
        date(dates, f.recorded_on),
        recording_method(lang, f.recording_method)
    )
}

fn basis_and_consent(lang: Language, view: &ProvisionRecordView) -> String {
    let f = &view.record.fields;
    let mut lines = Vec::new();
    if f.is_personal_related() {
        lines.push(tr(
            lang,
            "【個人関連情報】（法第31条）",
            "[Personal-related information] (art. 31)",
        ));
    }
    lines.push(provision_basis(lang, f.basis).to_owned());
    if let Some(exception) = f.exception {
        lines.push(statutory_exception(lang, exception).to_owned());
    }
    if let Some(ground) = f.public_ground {
        lines.push(public_ground(lang, ground).to_owned());
    }
    if f.is_personal_related() {
        lines.extend(personal_related_confirmation(lang, view));
    } else if f.consent_obtained {
        let mut consent = tr(lang, "本人の同意：有", "Person consented");
        if !f.consent_note.is_empty() {
            consent.push_str(&bracket(lang, &f.consent_note));
        }
        lines.push(consent);
    }
    if f.direction == ProvisionDirection::Received && f.basis == ProvisionBasis::OptOut {
        lines.push(if f.opt_out_published {
            tr(
                lang,
                "個人情報保護委員会による公表：確認済",
                "PPC publication of the opt-out: confirmed",
            )
        } else {
            tr(
                lang,
                "個人情報保護委員会による公表：未確認",
                "PPC publication of the opt-out: not confirmed",
            )
        });
    }
    lines.join("\n")
}

/// The confirmation items of Rules art. 28(1)(i): that the recipient's consent from the person
/// was confirmed, how (art. 26), and for a recipient abroad that the person was given the
/// information on that country's system (art. 31(1)(ii)).
fn personal_related_confirmation(lang: Language, view: &ProvisionRecordView) -> Vec<String> {
    let f = &view.record.fields;
    let mut lines = Vec::new();
    if f.consent_obtained {
        let mut consent = tr(
            lang,
            "提供先における本人の同意取得：確認済",
            "Recipient's consent from the person: confirmed",
        );
        if !f.consent_confirmation_method.is_empty() {
            consent.push_str(&bracket(lang, &f.consent_confirmation_method));
        }
        lines.push(consent);
    }
    if f.basis == ProvisionBasis::ForeignProvision && f.foreign_information_confirmed {
        lines.push(tr(
            lang,
            "外国の制度等の情報の本人への提供：確認済",
            "Information on the foreign country's system given to the person: confirmed",
        ));
    }
    lines
}

fn counterparty(lang: Language, view: &ProvisionRecordView) -> String {
    let f = &view.record.fields;
    let mut lines = vec![f.counterparty_name.clone()];
    if !f.counterparty_address.is_empty() {
        lines.push(f.counterparty_address.clone());
    }
    if !f.counterparty_representative.is_empty() {
        lines.push(format!(
            "{}{}",
            tr(lang, "代表者：", "Representative: "),
            f.counterparty_representative
        ));
    }
    lines.join("\n")
}

fn persons(lang: Language, persons: &[String], description: &str) -> String {
    let mut lines = Vec::new();
    if !persons.is_empty() {
        lines.push(list(lang, persons));
    }
    if !description.is_empty() {
        lines.push(description.to_owned());
    }
    lines.join("\n")
}

fn holdings_and_notes(view: &ProvisionRecordView, holdings: &[Holding]) -> String {
    let f = &view.record.fields;
    let mut lines: Vec<String> = holdings
        .iter()
        .filter(|h| f.holding_ids.contains(&h.id))
        .map(|h| format!("{} {}", h.fields.ledger_no, h.fields.name))
        .collect();
    if !f.notes.is_empty() {
        lines.push(f.notes.clone());
    }
    lines.join("\n")
}

fn retention(lang: Language, dates: DateStyle, view: &ProvisionRecordView) -> String {
    match view.retain_until {
        None => tr(
            lang,
            "（継続中：最後の提供等の日から起算）",
            "(series continuing: counted from the last provision)",
        ),
        Some(until) if view.past_retention => format!(
            "{}{}",
            date(dates, until),
            bracket(lang, &tr(lang, "保存期間経過", "retention passed"))
        ),
        Some(until) => date(dates, until),
    }
}

/// The last day to keep the record, then one line saying how it was counted and under which
/// Rules item, so that an inspector can retrace it without the software.
fn retention_explained(lang: Language, dates: DateStyle, view: &ProvisionRecordView) -> String {
    let rule = retention_rule(lang, view.retention_rule);
    let Some(r) = &view.retention else {
        return format!("{}\n{}", retention(lang, dates, view), bracket(lang, &rule));
    };
    let event = match (r.counted_from, lang) {
        (RetentionEvent::RecordMade, Language::Ja) => "記録の作成日",
        (RetentionEvent::RecordMade, Language::En) => "the record was made",
        (RetentionEvent::LastProvision, Language::Ja) => "最後の提供等の日",
        (RetentionEvent::LastProvision, Language::En) => "the last provision or receipt",
        (RetentionEvent::Acquisition | RetentionEvent::FiscalYearEnd, _) => "",
    };
    let mut how = match lang {
        Language::Ja => format!(
            "{event}（{}）の翌日から起算して{}年（{rule}、民法第140条・第143条）",
            date(dates, r.event),
            r.years
        ),
        Language::En => format!(
            "{} years from the day after {event} ({}; {rule}; Civil Code arts. 140, 143)",
            r.years,
            date(dates, r.event)
        ),
    };
    if r.month_end {
        how.push_str(&tr(
            lang,
            "。応当日がないため月末日に満了（民法第143条第2項ただし書）",
            "; no corresponding day, so it ends on the month's last day (art. 143(2) proviso)",
        ));
    }
    format!("{}\n{how}", retention(lang, dates, view))
}

fn retention_rule(lang: Language, rule: ProvisionRetentionRule) -> String {
    let (article, item) = match rule {
        ProvisionRetentionRule::Rules21i => (21, 1),
        ProvisionRetentionRule::Rules21ii => (21, 2),
        ProvisionRetentionRule::Rules21iii => (21, 3),
        ProvisionRetentionRule::Rules25i => (25, 1),
        ProvisionRetentionRule::Rules25ii => (25, 2),
        ProvisionRetentionRule::Rules25iii => (25, 3),
        ProvisionRetentionRule::Rules29i => (29, 1),
        ProvisionRetentionRule::Rules29ii => (29, 2),
    };
    match lang {
        Language::Ja => format!("規則第{article}条第{item}号"),
        Language::En => {
            let roman = ["i", "ii", "iii"][item - 1];
            format!("PPC Rules art. {article}({roman})")
        }
    }
}

fn direction(lang: Language, value: ProvisionDirection) -> &'static str {
    match (value, lang) {
        (ProvisionDirection::Provided, Language::Ja) => "提供",
        (ProvisionDirection::Provided, Language::En) => "Provided",
        (ProvisionDirection::Received, Language::Ja) => "受領",
        (ProvisionDirection::Received, Language::En) => "Received",
    }
}

fn recording_method(lang: Language, value: RecordingMethod) -> &'static str {
    match (value, lang) {
        (RecordingMethod::Individual, Language::Ja) => "個別に作成",
        (RecordingMethod::Individual, Language::En) => "Individual record",
        (RecordingMethod::Bulk, Language::Ja) => "一括して作成",
        (RecordingMethod::Bulk, Language::En) => "Bulk record",
        (RecordingMethod::ContractSubstitute, Language::Ja) => "契約書等による代替",
        (RecordingMethod::ContractSubstitute, Language::En) => "Contract used as the record",
    }
}

pub(crate) fn provision_basis(lang: Language, value: ProvisionBasis) -> &'static str {
    match (value, lang) {
        (ProvisionBasis::Consent, Language::Ja) => "本人の同意（法第27条第1項）",
        (ProvisionBasis::Consent, Language::En) => "Consent (art. 27(1))",
        (ProvisionBasis::OptOut, Language::Ja) => "オプトアウト（法第27条第2項）",
        (ProvisionBasis::OptOut, Language::En) => "Opt-out (art. 27(2))",
        (ProvisionBasis::ForeignProvision, Language::Ja) => "外国にある第三者への提供（法第28条）",
        (ProvisionBasis::ForeignProvision, Language::En) => {
            "Provision to a third party abroad (art. 28)"
        }
        (ProvisionBasis::StatutoryException, Language::Ja) => "法第27条第1項各号に該当",
        (ProvisionBasis::StatutoryException, Language::En) => "Exception under art. 27(1)",
        (ProvisionBasis::PublicBody, Language::Ja) => "行政機関等の利用及び提供の制限（法第69条）",
        (ProvisionBasis::PublicBody, Language::En) => {
            "Use and provision by a public body (art. 69)"
        }
        (ProvisionBasis::PublicBodyForeign, Language::Ja) => {
            "行政機関等による外国にある第三者への提供（法第71条）"
        }
        (ProvisionBasis::PublicBodyForeign, Language::En) => {
            "Provision by a public body to a third party abroad (art. 71)"
        }
    }
}

/// The art. 69 ground, cited by its paragraph and item.
pub(crate) fn public_ground(lang: Language, value: PublicGround) -> &'static str {
    use PublicGround::*;
    match (value, lang) {
        (WithinPurpose, Language::Ja) => "法第69条第1項 利用目的のための提供",
        (WithinPurpose, Language::En) => "Art. 69(1): for the purposes of use",
        (LawsAndRegulations, Language::Ja) => "法第69条第1項 法令に基づく場合",
        (LawsAndRegulations, Language::En) => "Art. 69(1): based on laws and regulations",
        (ConsentOrPerson, Language::Ja) => "法第69条第2項第1号 本人の同意があるとき又は本人に提供するとき",
        (ConsentOrPerson, Language::En) => {
            "Art. 69(2)(i): with the person's consent, or to the person"
        }
        (InternalUse, Language::Ja) => {
            "法第69条第2項第2号 法令の定める所掌事務の遂行に必要な限度での内部利用（相当の理由）"
        }
        (InternalUse, Language::En) => {
            "Art. 69(2)(ii): internal use as the body's statutory duties need, with reasonable grounds"
        }
        (OtherPublicBody, Language::Ja) => {
            "法第69条第2項第3号 他の行政機関等への提供（法令の定める事務の遂行に必要な限度、相当の理由）"
        }
        (OtherPublicBody, Language::En) => {
            "Art. 69(2)(iii): to another public body for its statutory duties, with reasonable grounds"
        }
        (StatisticsOrResearch, Language::Ja) => "法第69条第2項第4号 専ら統計の作成又は学術研究の目的",
        (StatisticsOrResearch, Language::En) => {
            "Art. 69(2)(iv): solely for statistics or academic research"
        }
        (SpecialGrounds, Language::Ja) => {
            "法第69条第2項第4号 本人以外の者への提供が明らかに本人の利益になるときその他特別の理由"
        }
        (SpecialGrounds, Language::En) => {
            "Art. 69(2)(iv): clearly in the person's interest, or other special grounds"
        }
    }
}

pub(crate) fn statutory_exception(lang: Language, value: StatutoryException) -> &'static str {
    use StatutoryException::*;
    match (value, lang) {
        (LawsAndRegulations, Language::Ja) => "第1号 法令に基づく場合",
        (LawsAndRegulations, Language::En) => "(i) required by laws and regulations",
        (LifeBodyProperty, Language::Ja) => "第2号 人の生命、身体又は財産の保護",
        (LifeBodyProperty, Language::En) => "(ii) protection of life, body or property",
        (PublicHealth, Language::Ja) => "第3号 公衆衛生の向上又は児童の健全な育成",
        (PublicHealth, Language::En) => "(iii) public health or the sound growth of children",
        (PublicBodyCooperation, Language::Ja) => "第4号 国の機関等への協力",
        (PublicBodyCooperation, Language::En) => "(iv) cooperation with public bodies",
        (AcademicPublication, Language::Ja) => "第5号 学術研究の成果の公表又は教授",
        (AcademicPublication, Language::En) => "(v) publication or teaching of academic research",
        (AcademicProvider, Language::Ja) => "第6号 学術研究機関等である提供者の学術研究目的",
        (AcademicProvider, Language::En) => "(vi) academic research by the provider",
        (AcademicRecipient, Language::Ja) => "第7号 学術研究機関等である提供先の学術研究目的",
        (AcademicRecipient, Language::En) => "(vii) academic research by the recipient",
    }
}
