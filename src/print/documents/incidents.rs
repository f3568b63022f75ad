//! The breach report (the nine items of PPC Rules art. 8(1)) and the notice to persons (the
//! five items of Rules art. 10), laid out on paper from the same draft the screen previews.

use super::Page;
use crate::breach::draft::{DraftKind, IncidentDraft};
use crate::model::organisation::Regime;
use crate::print::labels::date;
use crate::print::model::{Field, LetterHead, Orientation, PrintDocument, Section};
use crate::Language;

pub(crate) fn draft_document(page: &Page<'_>, draft: &IncidentDraft) -> PrintDocument {
    let lang = page.lang;
    let dates = page.dates;
    let profile = &page.organisation.profile;
    let notice = draft.kind == DraftKind::Notice;
    let mut sections = vec![Section::Text {
        heading: String::new(),
        paragraphs: vec![draft.preamble.clone()],
    }];
    if !notice {
        sections.push(Section::Fields {
            heading: page.tr("報告者", "Reporting organisation"),
            fields: vec![
                Field::new(page.tr("名称", "Name"), &profile.name),
                Field::new(page.tr("住所", "Address"), &profile.address),
                Field::new(
                    page.tr("代表者の氏名", "Representative"),
                    &profile.representative,
                ),
                Field::new(
                    page.tr("事案番号", "Incident reference"),
                    &draft.incident_reference,
                ),
            ],
        });
    }
    for (position, section) in draft.sections.iter().enumerate() {
        // A notice numbers its five items 1 to 5; the report keeps the form's numbers.
        let number = if notice {
            position + 1
        } else {
            usize::from(section.number)
        };
        sections.push(Section::Text {
            heading: format!("{number}. {}", section.heading),
            paragraphs: section
                .body
                .split("\n\n")
                .map(str::to_owned)
                .filter(|p| !p.trim().is_empty())
                .collect(),
        });
    }

    // The Rules' article numbers differ for public bodies; the Act's article is certain.
    let basis = if profile.regime == Regime::GdprController {
        if notice {
            page.tr(
                "一般データ保護規則（GDPR）第34条",
                "General Data Protection Regulation, Art. 34",
            )
        } else {
            page.tr(
                "一般データ保護規則（GDPR）第33条",
                "General Data Protection Regulation, Art. 33",
            )
        }
    } else {
        appi_basis(page, notice, profile.regime.is_public_body())
    };
    let mut document = page.document(
        draft.title.clone(),
        basis,
        Orientation::Portrait,
        10.0,
        sections,
    );
    if notice {
        document.letter = Some(LetterHead {
            reference_lines: vec![
                format!(
                    "{} {}",
                    page.tr("事案番号", "Reference"),
                    draft.incident_reference
                ),
                date(dates, page.printed_on),
            ],
            addressee: match lang {
                Language::Ja => "ご本人各位".to_owned(),
                Language::En => "To the persons concerned".to_owned(),
            },
            sender_lines: vec![profile.name.clone(), profile.representative.clone()],
        });
    }
    document
}

fn appi_basis(page: &Page<'_>, notice: bool, public_body: bool) -> String {
    match (notice, public_body) {
        (true, false) => page.tr(
            "個人情報の保護に関する法律第26条第2項、同法施行規則第10条",
            "Act on the Protection of Personal Information, art. 26(2); PPC Rules, art. 10",
        ),
        (false, false) => page.tr(
            "個人情報の保護に関する法律第26条第1項、同法施行規則第8条第1項（別記様式第一）",
            "Act on the Protection of Personal Information, art. 26(1); PPC Rules, art. 8(1) (Form 1)",
        ),
        (true, true) => page.tr(
            "個人情報の保護に関する法律第68条第2項",
            "Act on the Protection of Personal Information, art. 68(2)",
        ),
        (false, true) => page.tr(
            "個人情報の保護に関する法律第68条第1項",
            "Act on the Protection of Personal Information, art. 68(1)",
        ),
    }
}
