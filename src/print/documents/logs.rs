//! The printed lists of three registers kept on screens: the disposal log (廃棄記録), the
//! objection log for matters treated as consented to (異議の申出), and the regular recipients
//! (経常的提供先). Each is one table, printed as PDF, XLSX and CSV like the other registers.

use super::provisions::{
    provision_basis as provision_basis_label, public_ground,
    statutory_exception as statutory_exception_label,
};
use super::Page;
use crate::model::consent_matter::ConsentMatter;
use crate::model::disposal::{Disposal, DisposalMedium};
use crate::model::holding::Holding;
use crate::model::objection::Objection;
use crate::model::provision::Recipient;
use crate::print::labels::{self, bracket, date, list, opt_date};
use crate::print::model::{Column, Orientation, PrintDocument, Section, Table};
use crate::Language;

fn holding_label(holdings: &[Holding], id: i64) -> String {
    holdings
        .iter()
        .find(|h| h.id == id)
        .map(|h| format!("{} {}", h.fields.ledger_no, h.fields.name))
        .unwrap_or_else(|| format!("#{id}"))
}

fn medium(lang: Language, value: DisposalMedium) -> &'static str {
    match (value, lang) {
        (DisposalMedium::Paper, Language::Ja) => "紙",
        (DisposalMedium::Paper, Language::En) => "Paper",
        (DisposalMedium::ElectronicData, Language::Ja) => "電子データ",
        (DisposalMedium::ElectronicData, Language::En) => "Electronic data",
        (DisposalMedium::StorageDevice, Language::Ja) => "記憶装置（HDD・SSD・PC・サーバ）",
        (DisposalMedium::StorageDevice, Language::En) => "Storage device",
        (DisposalMedium::RemovableMedia, Language::Ja) => {
            "可搬媒体（USBメモリ・光ディスク・テープ）"
        }
        (DisposalMedium::RemovableMedia, Language::En) => "Removable media",
        (DisposalMedium::Other, Language::Ja) => "その他",
        (DisposalMedium::Other, Language::En) => "Other",
    }
}

/// 廃棄記録: oldest first, as a log reads.
pub(crate) fn disposal_log(
    page: &Page<'_>,
    disposals: &[Disposal],
    holdings: &[Holding],
) -> PrintDocument {
    let lang = page.lang;
    let mut ordered: Vec<&Disposal> = disposals.iter().collect();
    ordered.sort_by_key(|d| (d.fields.disposed_on, d.id));
    let rows = ordered
        .iter()
        .map(|d| {
            let f = &d.fields;
            let mut method = labels::disposal(lang, f.method).to_owned();
            if !f.method_note.is_empty() {
                method.push_str(&bracket(lang, &f.method_note));
            }
            let mut who = f.performed_by.clone();
            if !f.witness.is_empty() {
                who.push('\n');
                who.push_str(&page.tr("立会者: ", "Witness: "));
                who.push_str(&f.witness);
            }
            if !f.vendor.is_empty() {
                who.push('\n');
                who.push_str(&page.tr("委託先: ", "Vendor: "));
                who.push_str(&f.vendor);
            }
            vec![
                f.reference.clone(),
                date(page.dates, f.disposed_on),
                holding_label(holdings, f.holding_id),
                f.description.clone(),
                opt_date(page.dates, f.covers_through),
                medium(lang, f.medium).to_owned(),
                method,
                who,
                f.certificate_ref.clone(),
                f.notes.clone(),
            ]
        })
        .collect();
    let table = Table {
        groups: Vec::new(),
        heading: String::new(),
        sheet: page.tr("廃棄記録", "Disposals"),
        columns: vec![
            Column::new(page.tr("記録番号", "Record"), 0.8),
            Column::new(page.tr("廃棄の年月日", "Disposed on"), 1.0),
            Column::new(page.tr("対象の個人情報", "Holding"), 1.4),
            Column::new(page.tr("廃棄したもの", "What was disposed of"), 1.8),
            Column::new(
                page.tr("取得日の範囲（まで）", "Data acquired through"),
                1.0,
            ),
            Column::new(page.tr("媒体", "Medium"), 1.0),
            Column::new(page.tr("廃棄方法", "Method"), 1.2),
            Column::new(page.tr("実施者・立会者・委託先", "Performed by"), 1.4),
            Column::new(page.tr("証明書番号", "Certificate"), 0.9),
            Column::new(page.tr("備考", "Notes"), 1.2),
        ],
        rows,
        empty: page.tr("廃棄の記録はありません。", "No disposal is recorded."),
        note: String::new(),
    };
    page.document(
        page.tr("個人情報の廃棄記録", "Disposal Log"),
        page.tr(
            "個人情報保護委員会ガイドライン（通則編）10-6（個人データの削除及び機器、電子媒体等の廃棄）",
            "PPC Guidelines (General Rules) 10-6 (deletion of personal data and disposal of equipment and media)",
        ),
        Orientation::Landscape,
        7.5,
        vec![Section::Table(table)],
    )
}

/// 異議の申出の記録: oldest first.
pub(crate) fn objection_log(
    page: &Page<'_>,
    objections: &[Objection],
    matters: &[ConsentMatter],
    holdings: &[Holding],
) -> PrintDocument {
    let lang = page.lang;
    let mut ordered: Vec<&Objection> = objections.iter().collect();
    ordered.sort_by_key(|o| (o.fields.received_on, o.id));
    let rows = ordered
        .iter()
        .map(|o| {
            let f = &o.fields;
            let mut objected = f.purpose.clone();
            if let Some(matter) = f
                .matter_id
                .and_then(|id| matters.iter().find(|m| m.id == id))
            {
                // The form fills the purpose in from the matter's title: printed once then.
                let title = matter.fields.title.trim();
                objected = if objected.trim().is_empty() || objected.trim() == title {
                    title.to_owned()
                } else {
                    format!("{title}\n{objected}")
                };
            }
            let mut received = date(page.dates, f.received_on);
            received.push('\n');
            received.push_str(&if f.in_writing {
                page.tr("書面", "In writing")
            } else {
                page.tr("書面以外", "Not in writing")
            });
            let mut applied = opt_date(page.dates, f.applied_on);
            if !f.applied_by.is_empty() {
                applied.push_str(&bracket(lang, &f.applied_by));
            }
            vec![
                f.reference.clone(),
                received,
                f.person.clone(),
                objected,
                f.reason.clone(),
                applied,
                opt_date(page.dates, f.withdrawn_on),
                list(
                    lang,
                    f.holding_ids.iter().map(|id| holding_label(holdings, *id)),
                ),
                f.notes.clone(),
            ]
        })
        .collect();
    let table = Table {
        groups: Vec::new(),
        heading: String::new(),
        sheet: page.tr("異議の申出", "Objections"),
        columns: vec![
            Column::new(page.tr("記録番号", "Record"), 0.8),
            Column::new(page.tr("受付日・方法", "Received"), 1.0),
            Column::new(page.tr("申出者", "Person"), 1.3),
            Column::new(page.tr("異議の対象", "Objected to"), 1.8),
            Column::new(page.tr("理由", "Reason"), 1.4),
            Column::new(page.tr("反映日（担当）", "Applied on (by)"), 1.1),
            Column::new(page.tr("撤回日", "Withdrawn on"), 0.9),
            Column::new(page.tr("対象の個人情報", "Holdings"), 1.3),
            Column::new(page.tr("備考", "Notes"), 1.2),
        ],
        rows,
        empty: page.tr("異議の申出はありません。", "No objection is recorded."),
        note: String::new(),
    };
    page.document(
        page.tr("異議の申出の記録", "Objection Log"),
        page.tr(
            "異議がない限り同意したものとして取り扱う事項に対する異議の申出",
            "Objections to matters treated as consented to unless the person objects",
        ),
        Orientation::Landscape,
        7.5,
        vec![Section::Table(table)],
    )
}

/// 経常的提供先の一覧, by name.
pub(crate) fn recipient_list(
    page: &Page<'_>,
    recipients: &[Recipient],
    holdings: &[Holding],
) -> PrintDocument {
    let lang = page.lang;
    let rows = recipients
        .iter()
        .map(|r| {
            let f = &r.fields;
            let mut party = f.name.clone();
            for line in [&f.address, &f.representative] {
                if !line.is_empty() {
                    party.push('\n');
                    party.push_str(line);
                }
            }
            let mut basis = provision_basis_label(lang, f.basis).to_owned();
            if let Some(exception) = f.exception {
                basis.push('\n');
                basis.push_str(statutory_exception_label(lang, exception));
            }
            if let Some(ground) = f.public_ground {
                basis.push('\n');
                basis.push_str(public_ground(lang, ground));
            }
            vec![
                party,
                f.purpose.clone(),
                basis,
                list(lang, &f.items),
                f.frequency.clone(),
                list(
                    lang,
                    f.holding_ids.iter().map(|id| holding_label(holdings, *id)),
                ),
                f.notes.clone(),
            ]
        })
        .collect();
    let table = Table {
        groups: Vec::new(),
        heading: String::new(),
        sheet: page.tr("経常的提供先", "Regular recipients"),
        columns: vec![
            Column::new(page.tr("提供先（名称・住所・代表者）", "Recipient"), 1.5),
            Column::new(page.tr("提供の目的", "Purpose"), 1.8),
            Column::new(page.tr("提供の根拠", "Basis"), 1.6),
            Column::new(page.tr("提供する項目", "Items"), 1.4),
            Column::new(page.tr("頻度・方法", "Frequency and method"), 1.0),
            Column::new(page.tr("対象の個人情報", "Holdings"), 1.3),
            Column::new(page.tr("備考", "Notes"), 1.1),
        ],
        rows,
        empty: page.tr(
            "経常的提供先はありません。",
            "No regular recipient is recorded.",
        ),
        note: String::new(),
    };
    page.document(
        page.tr("経常的提供先一覧", "Regular Recipients"),
        page.tr(
            "個人情報の保護に関する法律第27条（第三者提供の制限）、第69条（利用及び提供の制限）",
            "Act on the Protection of Personal Information, art. 27 (third-party provision) and art. 69 (use and provision by public bodies)",
        ),
        Orientation::Landscape,
        7.5,
        vec![Section::Table(table)],
    )
}
