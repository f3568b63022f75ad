//! The documents printed from the holdings: the management ledger, the file register and
//! the GDPR Art. 30 record.

use super::{refused, Page, Snapshot};
use crate::error::{FieldErrorCode, Result};
use crate::model::holding::{ConsentDetails, DataItem, Holding, HoldingInput, WithheldItem};
use crate::model::organisation::Regime;
use crate::model::transfer::{MeasuresBasis, TransferBasis};
use crate::print::labels::{self, bracket, count, list, opt_date, yes_no};
use crate::print::model::{Column, Field, Orientation, PrintDocument, RowGroup, Section, Table};
use crate::Language;

/// Files recording fewer persons than this are left out of the file register
/// (art. 74(2)(ix); 施行令第20条第2項).
pub const FILE_REGISTER_THRESHOLD: i64 = 1_000;

/// 個人情報管理台帳: one row per holding with the 21 columns of JIS Q 15001 A.3.3.1, its
/// Annex B and common practice; entrustment and provision come from the subcontracting tree,
/// the regular recipients, the joint uses and the cross-border transfers; a 22nd column flags
/// specific personal information (番号法) with its affairs and masking.
pub(crate) fn ledger(page: &Page<'_>, snapshot: &Snapshot) -> PrintDocument {
    let (holdings, groups) = by_department(page, &snapshot.holdings);
    let lang = page.lang;
    let dates = page.dates;
    let columns = vec![
        Column::new(page.tr("管理番号", "Ledger ID"), 1.0),
        Column::new(page.tr("部署・業務名", "Department, business process"), 1.5),
        Column::new(page.tr("個人情報の名称", "Name of the holding"), 1.6),
        Column::new(page.tr("個人情報の項目", "Data items"), 2.2),
        Column::new(
            page.tr("要配慮個人情報の有無", "Sensitive information present"),
            0.9,
        ),
        Column::new(
            page.tr(
                "特定個人情報の有無・個人番号関係事務等",
                "Specific Personal Information and Individual Number affairs",
            ),
            1.6,
        ),
        Column::new(page.tr("件数（概数）", "Approximate record count"), 1.1),
        Column::new(
            page.tr("取得方法・取得元", "Acquisition method and source"),
            1.6,
        ),
        Column::new(page.tr("利用目的", "Purposes of use"), 2.2),
        Column::new(
            page.tr("明示・通知・公表の方法", "How the purpose was made known"),
            1.1,
        ),
        Column::new(page.tr("本人同意の有無", "Consent obtained"), 1.0),
        Column::new(page.tr("媒体", "Medium"), 1.0),
        Column::new(page.tr("保管場所", "Storage location"), 1.4),
        Column::new(page.tr("保管方法", "Storage method"), 1.4),
        Column::new(
            page.tr("アクセス権を有する者", "Persons with access rights"),
            1.3,
        ),
        Column::new(page.tr("利用期限", "Use deadline"), 1.0),
        Column::new(page.tr("保管期限", "Retention deadline"), 1.4),
        Column::new(page.tr("廃棄方法", "Disposal method"), 1.1),
        Column::new(
            page.tr("委託の有無・委託先", "Entrustment and entrustees"),
            2.0,
        ),
        Column::new(
            page.tr(
                "第三者提供・共同利用",
                "Third-party provision and joint use",
            ),
            1.8,
        ),
        Column::new(
            page.tr("開示対象（保有個人データ）", "Retained personal data"),
            1.0,
        ),
        Column::new(page.tr("最終確認日", "Last annual review"), 1.0),
    ];
    let rows = holdings
        .iter()
        .map(|h| {
            let f = &h.fields;
            let mut department = f.department.clone();
            if !f.business_process.is_empty() {
                department.push('\n');
                department.push_str(&f.business_process);
            }
            let mut name = f.name.clone();
            if !f.manager.is_empty() {
                name.push('\n');
                name.push_str(&page.tr("管理責任者: ", "Manager: "));
                name.push_str(&f.manager);
            }
            let mut items = data_items(lang, &f.data_items);
            if !f.persons_recorded.is_empty() {
                items.push('\n');
                items.push_str(&page.tr("記録範囲: ", "Persons: "));
                items.push_str(&f.persons_recorded);
            }
            let mut acquisition = labels::acquisition(lang, f.acquisition_method).to_owned();
            if !f.acquisition_sources.is_empty() {
                acquisition.push('\n');
                acquisition.push_str(&list(lang, &f.acquisition_sources));
            }
            let mut consent = labels::consent(lang, f.consent).to_owned();
            if !f.consent_note.is_empty() {
                consent.push_str(&bracket(lang, &f.consent_note));
            }
            for line in consent_details(page, &f.consent_details) {
                consent.push('\n');
                consent.push_str(&line);
            }
            let mut disposal = f
                .disposal_method
                .map(|m| labels::disposal(lang, m).to_owned())
                .unwrap_or_default();
            if !f.disposal_note.is_empty() {
                disposal.push_str(&bracket(lang, &f.disposal_note));
            }
            vec![
                f.ledger_no.clone(),
                department,
                name,
                items,
                yes_no(lang, h.has_sensitive_items()),
                specific_personal_information(page, h),
                f.approx_count.map(count).unwrap_or_default(),
                acquisition,
                purposes_and_duties(page, f),
                list(
                    lang,
                    f.purpose_notice
                        .iter()
                        .map(|n| labels::purpose_notice(lang, *n)),
                ),
                consent,
                labels::medium(lang, f.medium).to_owned(),
                f.storage_place.clone(),
                f.storage_method.clone(),
                list(lang, &f.access_holders),
                f.use_deadline.clone(),
                f.retention
                    .as_ref()
                    .map(|r| labels::retention(lang, r))
                    .unwrap_or_default(),
                disposal,
                ledger_entrustment(page, snapshot, h.id),
                ledger_provision(page, snapshot, h.id),
                yes_no(lang, f.retained_personal_data),
                opt_date(dates, f.last_review),
            ]
        })
        .collect();
    let table = Table {
        groups,
        heading: String::new(),
        sheet: page.tr("個人情報管理台帳", "Ledger"),
        columns,
        rows,
        empty: page.tr("登録された個人情報はありません。", "No holdings are recorded."),
        note: page.tr(
            "※ 個人情報の項目のうち「（要配慮）」は要配慮個人情報、「（個人番号）」は特定個人情報を示す。本台帳は少なくとも年1回確認する（JIS Q 15001 A.3.3.1）。",
            "Items marked (sensitive) are special-care-required personal information; (My Number) marks Individual Numbers. The ledger is reviewed at least once a year (JIS Q 15001 A.3.3.1).",
        ),
    };
    page.document(
        page.tr("個人情報管理台帳", "Personal Information Management Ledger"),
        page.tr(
            "JIS Q 15001:2017 附属書A A.3.3.1（個人情報の特定）",
            "JIS Q 15001:2017 Annex A, A.3.3.1 (identification of personal information)",
        ),
        Orientation::Landscape,
        6.5,
        std::iter::once(Section::Table(table))
            .chain(item_table(page, holdings.iter().copied()))
            .collect(),
    )
}

/// 個人情報ファイル簿 (art. 75): public bodies only. Files under the threshold and exempt files
/// are left out; items withheld under art. 75(3) are marked as withheld, not printed.
pub(crate) fn file_register(page: &Page<'_>, holdings: &[Holding]) -> Result<PrintDocument> {
    let lang = page.lang;
    let profile = &page.organisation.profile;
    if !profile.regime.is_public_body() {
        return Err(refused(
            "document",
            FieldErrorCode::NotInRegime,
            "the personal information file register is kept by public bodies only: national organs, local governments and incorporated administrative agencies",
        ));
    }
    let columns = vec![
        Column::new(page.tr("個人情報ファイルの名称", "Name of the file"), 1.4),
        Column::new(
            page.tr(
                "行政機関等の名称及び事務をつかさどる組織の名称",
                "Organ and the unit in charge of the work",
            ),
            1.5,
        ),
        Column::new(page.tr("個人情報ファイルの利用目的", "Purpose of use"), 2.0),
        Column::new(page.tr("記録項目", "Recorded items"), 2.0),
        Column::new(page.tr("記録範囲", "Persons recorded"), 1.3),
        Column::new(
            page.tr("記録情報の収集方法", "How the information is collected"),
            1.4,
        ),
        Column::new(
            page.tr(
                "要配慮個人情報が含まれるときは、その旨",
                "Contains sensitive information",
            ),
            1.0,
        ),
        Column::new(
            page.tr(
                "記録情報の経常的提供先",
                "Regular recipients outside the organ",
            ),
            1.4,
        ),
        Column::new(
            page.tr(
                "開示請求等を受理する組織の名称及び所在地",
                "Office that accepts disclosure, correction and suspension requests",
            ),
            1.5,
        ),
        Column::new(
            page.tr(
                "訂正及び利用停止に関する他の法令の規定による特別の手続等",
                "Special correction or suspension procedure under another law",
            ),
            1.3,
        ),
        Column::new(
            page.tr(
                "電算処理ファイル・マニュアル処理ファイルの別",
                "Electronic or manual file",
            ),
            1.1,
        ),
    ];
    let withheld_text = page.tr(
        "（法第75条第3項の規定により記載しない）",
        "(withheld under art. 75(3))",
    );
    let request_office = if profile.request_desk.is_empty() {
        profile.address.clone()
    } else {
        profile.request_desk.clone()
    };
    let rows = holdings
        .iter()
        .filter(|h| is_registered_file(h))
        .map(|h| {
            let f = &h.fields;
            let withholds = |item| f.file_register.withheld_items.contains(&item);
            let mut unit = profile.name.clone();
            unit.push('\n');
            unit.push_str(&f.department);
            let collection = if withholds(WithheldItem::CollectionMethod) {
                withheld_text.clone()
            } else {
                let mut text = labels::acquisition(lang, f.acquisition_method).to_owned();
                if !f.acquisition_sources.is_empty() {
                    text.push('\n');
                    text.push_str(&list(lang, &f.acquisition_sources));
                }
                text
            };
            let recipients = if withholds(WithheldItem::RegularRecipients) {
                withheld_text.clone()
            } else if f.file_register.regular_recipients.is_empty() {
                page.tr("なし", "None")
            } else {
                list(lang, &f.file_register.regular_recipients)
            };
            let mut sensitive = if h.has_sensitive_items() {
                page.tr("含む", "Yes")
            } else {
                page.tr("含まない", "No")
            };
            if h.has_my_number() {
                sensitive.push('\n');
                sensitive.push_str(&page.tr(
                    "特定個人情報（個人番号を含む）",
                    "Specific Personal Information (contains Individual Numbers)",
                ));
            }
            let special = if f.file_register.special_procedure.is_empty() {
                page.tr("なし", "None")
            } else {
                f.file_register.special_procedure.clone()
            };
            vec![
                f.name.clone(),
                unit,
                purposes_and_duties(page, f),
                data_items(lang, &f.data_items),
                f.persons_recorded.clone(),
                collection,
                sensitive,
                recipients,
                request_office.clone(),
                special,
                labels::file_kind(lang, f.medium).to_owned(),
            ]
        })
        .collect();
    let table = Table {
        groups: Vec::new(),
        heading: String::new(),
        sheet: page.tr("個人情報ファイル簿", "File register"),
        columns,
        rows,
        empty: page.tr(
            "本簿に掲載する個人情報ファイルはありません。",
            "No personal information file is to be entered in this register.",
        ),
        note: page.tr(
            "※ 本人の数が1,000人未満の個人情報ファイル及び法第74条第2項各号に掲げる個人情報ファイルは、法第75条第2項の規定により本簿に掲載していない。",
            "Files recording fewer than 1,000 persons and files listed in art. 74(2) are not entered in this register (art. 75(2)).",
        ),
    };
    Ok(page.document(
        page.tr("個人情報ファイル簿", "Personal Information File Register"),
        page.tr(
            "個人情報の保護に関する法律第75条第1項",
            "Act on the Protection of Personal Information, art. 75(1)",
        ),
        Orientation::Landscape,
        7.0,
        std::iter::once(Section::Table(table))
            .chain(item_table(
                page,
                holdings.iter().filter(|h| is_registered_file(h)),
            ))
            .collect(),
    ))
}

/// A file is entered unless it is exempt or known to record fewer than 1,000 persons. A file
/// whose count is unknown is entered: leaving it out would need the count to prove it.
pub fn is_registered_file(holding: &Holding) -> bool {
    let f = &holding.fields;
    f.file_register.exemption.is_empty()
        && f.approx_count
            .is_none_or(|count| count >= FILE_REGISTER_THRESHOLD)
}

/// GDPR Art. 30(1): the controller's record of processing activities, one activity per
/// holding, with its recipients (d) drawn from the regular recipients and the subcontracting
/// tree, and its transfers to third countries (e) from the cross-border transfer records.
pub(crate) fn ropa(page: &Page<'_>, snapshot: &Snapshot) -> Result<PrintDocument> {
    let holdings = &snapshot.holdings;
    let lang = page.lang;
    let profile = &page.organisation.profile;
    if !(profile.gdpr_applies || profile.regime == Regime::GdprController) {
        return Err(refused(
            "document",
            FieldErrorCode::NotInRegime,
            "the GDPR record of processing is printed for organisations that answer to the GDPR: set it in the organisation profile",
        ));
    }
    let controller = Section::Fields {
        heading: page.tr("管理者（第30条第1項(a)）", "Controller (Art. 30(1)(a))"),
        fields: vec![
            Field::new(
                page.tr("管理者の名称", "Name of the controller"),
                &profile.name,
            ),
            Field::new(page.tr("所在地", "Address"), &profile.address),
            Field::new(page.tr("代表者", "Representative"), &profile.representative),
            Field::new(
                page.tr("個人情報保護管理者・連絡先", "Data protection contact"),
                &profile.privacy_manager,
            ),
        ]
        .into_iter()
        .chain(profile.officers.iter().map(|officer| {
            Field::new(
                if officer.role.is_empty() {
                    page.tr("個人情報の取扱いの責任者", "Officer in charge")
                } else {
                    officer.role.clone()
                },
                super::officer_line(page, officer),
            )
        }))
        .collect(),
    };
    let columns = vec![
        Column::new(page.tr("管理番号", "Ref."), 0.8),
        Column::new(
            page.tr("処理活動（部署）", "Processing activity (unit)"),
            1.6,
        ),
        Column::new(
            page.tr("処理の目的 (b)", "Purposes of the processing (b)"),
            2.2,
        ),
        Column::new(
            page.tr("データ主体の類型 (c)", "Categories of data subjects (c)"),
            1.4,
        ),
        Column::new(
            page.tr("個人データの類型 (c)", "Categories of personal data (c)"),
            2.0,
        ),
        Column::new(
            page.tr("取得者の類型 (d)", "Categories of recipients (d)"),
            1.8,
        ),
        Column::new(
            page.tr(
                "第三国への移転と保護措置 (e)",
                "Transfers to third countries and safeguards (e)",
            ),
            1.8,
        ),
        Column::new(
            page.tr("消去の期限 (f)", "Time limits for erasure (f)"),
            1.5,
        ),
        Column::new(
            page.tr(
                "技術的・組織的安全管理措置の概要 (g)",
                "Technical and organisational security measures (g)",
            ),
            1.8,
        ),
    ];
    let rows = holdings
        .iter()
        .map(|h| {
            let f = &h.fields;
            let mut activity = f.name.clone();
            activity.push('\n');
            activity.push_str(&f.department);
            if !f.business_process.is_empty() {
                activity.push_str(&bracket(lang, &f.business_process));
            }
            let recipients = ropa_recipients(page, snapshot, h);
            let transfers = ropa_transfers(page, snapshot, h.id);
            let mut erasure = Vec::new();
            if !f.use_deadline.is_empty() {
                erasure.push(format!(
                    "{}{}",
                    page.tr("利用期限: ", "Use: "),
                    f.use_deadline
                ));
            }
            if let Some(rule) = &f.retention {
                erasure.push(format!(
                    "{}{}",
                    page.tr("保管期限: ", "Retention: "),
                    labels::retention(lang, rule)
                ));
            }
            let mut security = Vec::new();
            if !f.storage_method.is_empty() {
                security.push(f.storage_method.clone());
            }
            if !f.access_holders.is_empty() {
                security.push(format!(
                    "{}{}",
                    page.tr("アクセス権者: ", "Access: "),
                    list(lang, &f.access_holders)
                ));
            }
            vec![
                f.ledger_no.clone(),
                activity,
                purposes_and_duties(page, f),
                f.persons_recorded.clone(),
                data_items(lang, &f.data_items),
                recipients,
                transfers,
                erasure.join("\n"),
                security.join("\n"),
            ]
        })
        .collect();
    let table = Table {
        groups: Vec::new(),
        heading: page.tr("処理活動", "Processing activities"),
        sheet: page.tr("処理活動の記録", "Record of processing"),
        columns,
        rows,
        empty: page.tr(
            "記録された処理活動はありません。",
            "No processing activities are recorded.",
        ),
        note: page.tr(
            "※ 「（要配慮）」は特別な種類の個人データ（GDPR 第9条）に当たり得る項目を示す。",
            "Items marked (sensitive) may be special categories of personal data (GDPR Art. 9).",
        ),
    };
    Ok(page.document(
        page.tr(
            "処理活動の記録（GDPR 第30条）",
            "Record of Processing Activities",
        ),
        page.tr(
            "一般データ保護規則（GDPR）第30条第1項",
            "General Data Protection Regulation, Art. 30(1)",
        ),
        Orientation::Landscape,
        7.0,
        vec![controller, Section::Table(table)],
    ))
}

/// Art. 30(1)(d): the regular recipients of the holding (with their purpose), the
/// subcontractors it is entrusted to at any tier (processors, with their country), and the
/// recipients the file register names as free text.
fn ropa_recipients(page: &Page<'_>, snapshot: &Snapshot, holding: &Holding) -> String {
    let lang = page.lang;
    let mut lines: Vec<String> = snapshot
        .recipients
        .iter()
        .filter(|r| r.fields.holding_ids.contains(&holding.id))
        .map(|r| {
            format!(
                "{}{}{}",
                page.tr("提供先: ", "Recipient: "),
                r.fields.name,
                bracket(lang, &r.fields.purpose)
            )
        })
        .collect();
    lines.extend(
        snapshot
            .subcontractors
            .iter()
            .map(|node| &node.subcontractor.fields)
            .filter(|f| f.entrusted.iter().any(|e| e.holding_id == holding.id))
            .map(|f| {
                format!(
                    "{}{}{}",
                    page.tr("委託先（処理者）: ", "Processor: "),
                    f.name,
                    bracket(lang, &f.country)
                )
            }),
    );
    for free_text in &holding.fields.file_register.regular_recipients {
        if !lines.iter().any(|line| line.contains(free_text.as_str())) {
            lines.push(free_text.clone());
        }
    }
    lines.join("\n")
}

/// The holdings department by department, each department where its first holding stands
/// in ledger order, and the PDF's page groups: each department starts a page under its own
/// heading, so that it can review and sign off its pages on its own. Typst lays out page runs
/// in parallel, so a register of many departments also prints faster. One department prints
/// as one continuous table.
fn by_department<'h>(
    page: &Page<'_>,
    holdings: &'h [Holding],
) -> (Vec<&'h Holding>, Vec<RowGroup>) {
    let mut departments: Vec<(&str, Vec<&Holding>)> = Vec::new();
    for holding in holdings {
        let department = holding.fields.department.as_str();
        match departments.iter_mut().find(|(name, _)| *name == department) {
            Some((_, members)) => members.push(holding),
            None => departments.push((department, vec![holding])),
        }
    }
    let mut groups = Vec::new();
    if departments.len() > 1 {
        let mut start = 0;
        for (name, members) in &departments {
            let n = count(members.len() as i64);
            groups.push(RowGroup {
                heading: match page.lang {
                    Language::Ja => format!("{name}（{n}件）"),
                    Language::En if members.len() == 1 => format!("{name} (1 holding)"),
                    Language::En => format!("{name} ({n} holdings)"),
                },
                start,
            });
            start += members.len();
        }
    }
    let ordered = departments
        .into_iter()
        .flat_map(|(_, members)| members)
        .collect();
    (ordered, groups)
}

/// Column 18: 無, or 有 and each tier entrusted with the holding, sub-tiers marked under the
/// tier that re-entrusted them, so the chain reads from the ledger alone.
fn ledger_entrustment(page: &Page<'_>, snapshot: &Snapshot, holding_id: i64) -> String {
    let lang = page.lang;
    let tiers: Vec<String> = snapshot
        .subcontractors
        .iter()
        .filter(|node| {
            node.subcontractor
                .fields
                .entrusted
                .iter()
                .any(|e| e.holding_id == holding_id)
        })
        .map(|node| {
            // Tree order puts a sub-tier right under the tier that re-entrusted it, which
            // holds the same items, so a mark says enough.
            let name = &node.subcontractor.fields.name;
            match (node.depth, lang) {
                (0, _) => name.clone(),
                (_, Language::Ja) => format!("└{name}（再委託）"),
                (_, Language::En) => format!("└{name} (sub-entrusted)"),
            }
        })
        .collect();
    present_or_none(page, &tiers)
}

/// Column 19: 無, or 有 and the regular recipients, joint uses and cross-border transfers of
/// the holding, each marked with what it is.
fn ledger_provision(page: &Page<'_>, snapshot: &Snapshot, holding_id: i64) -> String {
    let lang = page.lang;
    let mut lines: Vec<String> = snapshot
        .recipients
        .iter()
        .map(|r| &r.fields)
        .filter(|r| r.holding_ids.contains(&holding_id))
        .map(|r| format!("{}{}", page.tr("提供: ", "Provided to: "), r.name))
        .collect();
    lines.extend(
        snapshot
            .joint_uses
            .iter()
            .map(|j| &j.fields)
            .filter(|j| j.holding_ids.contains(&holding_id))
            .map(|j| format!("{}{}", page.tr("共同利用: ", "Joint use: "), j.title)),
    );
    lines.extend(
        snapshot
            .transfers
            .iter()
            .map(|t| &t.fields)
            .filter(|t| t.holding_id == holding_id && t.is_active())
            .map(|t| {
                let country = t
                    .country
                    .clone()
                    .unwrap_or_else(|| page.tr("国未特定", "country not determined"));
                format!(
                    "{}{}{}",
                    page.tr("外国提供: ", "Abroad: "),
                    t.recipient,
                    bracket(lang, &country)
                )
            }),
    );
    present_or_none(page, &lines)
}

/// 無 / None, or 有 / Yes followed by one line per entry.
fn present_or_none(page: &Page<'_>, entries: &[String]) -> String {
    if entries.is_empty() {
        return page.tr("無", "None");
    }
    let mut text = page.tr("有", "Yes");
    for entry in entries {
        text.push('\n');
        text.push_str(entry);
    }
    text
}

/// Art. 30(1)(e): the cross-border transfers of the holding still in force, each with the
/// country and the basis that safeguards it.
fn ropa_transfers(page: &Page<'_>, snapshot: &Snapshot, holding_id: i64) -> String {
    let lang = page.lang;
    snapshot
        .transfers
        .iter()
        .map(|t| &t.fields)
        .filter(|f| f.holding_id == holding_id && f.is_active())
        .map(|f| {
            let country = f
                .country
                .clone()
                .unwrap_or_else(|| page.tr("国未特定", "country not determined"));
            let mut basis = transfer_basis(lang, f.basis).to_owned();
            if let Some(measures) = f.measures_basis {
                basis.push_str(&bracket(lang, measures_basis(lang, measures)));
            }
            if !f.legal_basis.is_empty() {
                basis.push_str(&bracket(lang, &f.legal_basis));
            }
            format!("{} ({country}): {basis}", f.recipient)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn transfer_basis(lang: Language, value: TransferBasis) -> &'static str {
    match (value, lang) {
        (TransferBasis::Consent, Language::Ja) => "本人の同意（法第28条第1項）",
        (TransferBasis::Consent, Language::En) => "Consent (APPI art. 28(1))",
        (TransferBasis::EquivalentMeasures, Language::Ja) => {
            "基準に適合する体制の整備（法第28条第1項）"
        }
        (TransferBasis::EquivalentMeasures, Language::En) => {
            "Equivalent measures by the recipient (APPI art. 28(1))"
        }
        (TransferBasis::Adequacy, Language::Ja) => {
            "同等の水準にあると認められる国（法第28条第1項）"
        }
        (TransferBasis::Adequacy, Language::En) => {
            "Country recognised as equivalent (APPI art. 28(1))"
        }
        (TransferBasis::LegalObligation, Language::Ja) => "法令上の義務",
        (TransferBasis::LegalObligation, Language::En) => "Legal obligation",
        (TransferBasis::OtherLaw, Language::Ja) => "法令に基づく場合",
        (TransferBasis::OtherLaw, Language::En) => "Other law or treaty",
    }
}

fn measures_basis(lang: Language, value: MeasuresBasis) -> &'static str {
    match (value, lang) {
        (MeasuresBasis::Contract, Language::Ja) => "契約",
        (MeasuresBasis::Contract, Language::En) => "contract",
        (MeasuresBasis::GroupRules, Language::Ja) => "グループ内規程",
        (MeasuresBasis::GroupRules, Language::En) => "group rules",
        (MeasuresBasis::Cbpr, Language::Ja) => "APEC CBPR認証",
        (MeasuresBasis::Cbpr, Language::En) => "APEC CBPR certification",
    }
}

/// The ledger's 特定個人情報 cell: the flag, then for a holding with Individual Numbers the
/// affairs it serves (the only uses the Number Act allows, art. 9) and how the number is masked
/// or deleted where not needed (art. 20).
fn specific_personal_information(page: &Page<'_>, holding: &Holding) -> String {
    let lang = page.lang;
    if !holding.has_my_number() {
        return yes_no(lang, false);
    }
    let f = &holding.fields;
    let mut lines = vec![page.tr("有（特定個人情報）", "Yes (Specific Personal Information)")];
    for affair in &f.number_affairs {
        lines.push(format!(
            "{}: {}",
            labels::number_affair(lang, affair.kind),
            affair.description
        ));
    }
    if f.number_affairs.is_empty() {
        lines.push(page.tr(
            "個人番号を取り扱う事務: 未記載",
            "Individual Number affairs: not stated",
        ));
    }
    if let Some(masking) = &f.number_masking {
        let mut line = format!(
            "{}{}",
            page.tr("マスキング・削除: ", "Masking or deletion: "),
            labels::number_masking(lang, masking.method)
        );
        if !masking.note.is_empty() {
            line.push_str(&bracket(lang, &masking.note));
        }
        lines.push(line);
    }
    lines.join("\n")
}

/// 氏名、住所、健診結果（要配慮） / Name; Address; Health check results (sensitive).
fn data_items(lang: Language, items: &[DataItem]) -> String {
    list(
        lang,
        items.iter().map(|item| {
            let mut name = item.name.clone();
            if item.sensitive {
                name.push_str(&bracket(lang, &labels::tr(lang, "要配慮", "sensitive")));
            }
            if item.my_number {
                name.push_str(&bracket(lang, &labels::tr(lang, "個人番号", "My Number")));
            }
            name
        }),
    )
}

/// Minors, voluntariness, automated decisions and statistics, one line each, as stated.
fn consent_details(page: &Page<'_>, details: &ConsentDetails) -> Vec<String> {
    let lang = page.lang;
    let mut lines = Vec::new();
    if let Some(age) = details.minors_up_to_age {
        let mut line = match lang {
            Language::Ja => format!("{age}歳以下は法定代理人の同意"),
            Language::En => format!("Aged {age} or under: consent of the legal representative"),
        };
        if !details.representative_consent.is_empty() {
            line.push_str(&bracket(lang, &details.representative_consent));
        }
        lines.push(line);
    }
    if let Some(voluntary) = details.voluntary {
        let mut line = if voluntary {
            page.tr("提供は任意", "Giving the data is voluntary")
        } else {
            page.tr("提供は必須", "Giving the data is required")
        };
        if !details.if_not_given.is_empty() {
            line.push_str(&page.tr("。提供しない場合: ", ". If not given: "));
            line.push_str(&details.if_not_given);
        }
        lines.push(line);
    } else if !details.if_not_given.is_empty() {
        lines.push(format!(
            "{}{}",
            page.tr("提供しない場合: ", "If not given: "),
            details.if_not_given
        ));
    }
    if let Some(automated) = details.automated_decisions {
        let mut line = if automated {
            page.tr(
                "自動化された意思決定: あり",
                "Automated decision-making: used",
            )
        } else {
            page.tr(
                "自動化された意思決定: なし",
                "Automated decision-making: not used",
            )
        };
        if !details.automated_decisions_note.is_empty() {
            line.push_str(&bracket(lang, &details.automated_decisions_note));
        }
        lines.push(line);
    }
    if !details.statistics.is_empty() {
        let mut line = page.tr("統計: ", "Statistics: ");
        line.push_str(&details.statistics);
        if details.statistics_published {
            line.push_str(&bracket(lang, &page.tr("公表", "published")));
        }
        lines.push(line);
    }
    lines
}

/// The purposes, then for a public body the laws and regulations that set the duties they
/// serve (法令の定める所掌事務, art. 61(1)), which the art. 69 limits are read against.
fn purposes_and_duties(page: &Page<'_>, f: &HoldingInput) -> String {
    let mut text = numbered(&f.purposes);
    if !f.duty_basis.is_empty() {
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&page.tr("法令の定める所掌事務: ", "Statutory duties served: "));
        text.push_str(&f.duty_basis);
    }
    text
}

/// Every item of each holding in which some item carries its own purposes or sources, one
/// row each (a type -> purpose -> source table such as a ministry's policy prints); an item of
/// such a holding without its own says it follows the holding's, so that the table lists the
/// whole holding. `None` when no item of any holding has its own.
fn item_table<'h>(page: &Page<'_>, holdings: impl Iterator<Item = &'h Holding>) -> Option<Section> {
    let lang = page.lang;
    let rows: Vec<Vec<String>> = holdings
        .filter(|h| {
            h.fields
                .data_items
                .iter()
                .any(|i| !i.purposes.is_empty() || !i.sources.is_empty())
        })
        .flat_map(|h| {
            h.fields.data_items.iter().map(move |i| {
                vec![
                    h.fields.ledger_no.clone(),
                    h.fields.name.clone(),
                    data_items(lang, std::slice::from_ref(i)),
                    if i.purposes.is_empty() {
                        page.tr(
                            "（個人情報全体の利用目的による）",
                            "(the holding's purposes)",
                        )
                    } else {
                        numbered(&i.purposes)
                    },
                    if i.sources.is_empty() {
                        page.tr("（個人情報全体の取得元による）", "(the holding's sources)")
                    } else {
                        numbered(&i.sources)
                    },
                ]
            })
        })
        .collect();
    if rows.is_empty() {
        return None;
    }
    Some(Section::Table(Table {
        groups: Vec::new(),
        heading: page.tr(
            "項目ごとの利用目的及び取得元",
            "Purposes and sources by data item",
        ),
        sheet: page.tr("項目ごとの利用目的", "Items"),
        columns: vec![
            Column::new(page.tr("管理番号", "Ledger ID"), 0.8),
            Column::new(page.tr("個人情報の名称", "Name of the holding"), 1.4),
            Column::new(page.tr("個人情報の項目", "Data item"), 1.6),
            Column::new(page.tr("利用目的", "Purposes of use"), 3.0),
            Column::new(page.tr("取得元", "Sources"), 3.0),
        ],
        rows,
        empty: String::new(),
        note: String::new(),
    }))
}

/// Several purposes as a numbered list, one per line; a single one as it is.
fn numbered(purposes: &[String]) -> String {
    if purposes.len() == 1 {
        return purposes[0].clone();
    }
    purposes
        .iter()
        .enumerate()
        .map(|(i, p)| format!("{}. {p}", i + 1))
        .collect::<Vec<_>>()
        .join("\n")
}
