//! Training records (教育, JIS Q 15001:2017 7.2–7.3 and A.3.4.5; PPC 通則編 10-4 人的安全管理措置):
//! courses with the people they are required of, and sessions with their attendees, whether
//! each completed the course and, where a comprehension test is used, the score.
//!
//! "Trained this year" counts by the fiscal year (年度, April to March), the year the
//! organisations Daicho serves plan their training in.

use crate::error::FieldErrorCode;
use crate::validation::{tidy, FieldChecks, LONG_TEXT, MAX_LIST, SHORT_TEXT};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use ts_rs::TS;

/// Someone a course is required of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Trainee {
    pub name: String,
    pub department: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct TrainingCourseInput {
    /// Assigned as `TC-0001`, … when left empty.
    pub reference: String,
    /// e.g. 「個人情報保護基礎研修」.
    pub subject: String,
    /// Who it is for, in words (「全職員」「新規採用者」).
    pub audience: String,
    pub materials: String,
    /// Required of every trainee once each fiscal year.
    pub yearly: bool,
    /// The people it is required of.
    pub trainees: Vec<Trainee>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct TrainingCourse {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: TrainingCourseInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// One person at a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct Attendee {
    pub name: String,
    pub department: String,
    pub completed: bool,
    /// The comprehension test score out of 100, where a test is used.
    pub score: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct TrainingSessionInput {
    /// Assigned as `TS-0001`, … when left empty.
    pub reference: String,
    #[ts(type = "number")]
    pub course_id: i64,
    pub held_on: NaiveDate,
    pub trainer: String,
    /// The score a comprehension test must reach for the course to count as completed.
    pub pass_mark: Option<u8>,
    pub attendees: Vec<Attendee>,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(export)]
pub struct TrainingSession {
    #[ts(type = "number")]
    pub id: i64,
    #[serde(flatten)]
    pub fields: TrainingSessionInput,
    #[ts(type = "number")]
    pub version: i64,
    pub created_at: String,
    pub updated_at: String,
}

/// A trainee of a yearly course who has not completed it in the fiscal year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(export)]
pub struct Untrained {
    pub department: String,
    pub name: String,
    #[ts(type = "number")]
    pub course_id: i64,
    pub course_reference: String,
    pub course_subject: String,
    /// The last session of the course the person completed, in an earlier year.
    pub last_completed_on: Option<NaiveDate>,
}

/// The fiscal year (April to March) that `day` falls in, as its first and last day.
pub fn fiscal_year(day: NaiveDate) -> (NaiveDate, NaiveDate) {
    let start_year = if day.month() >= 4 {
        day.year()
    } else {
        day.year() - 1
    };
    let first = NaiveDate::from_ymd_opt(start_year, 4, 1).unwrap_or(day);
    let last = NaiveDate::from_ymd_opt(start_year + 1, 3, 31).unwrap_or(day);
    (first, last)
}

/// People are matched by name and department, ignoring spaces (full-width included), so that
/// 「山田 太郎」 on the course and 「山田太郎」 on the attendance sheet are one person.
pub(crate) fn same_person(a_name: &str, a_dept: &str, b_name: &str, b_dept: &str) -> bool {
    let key = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    key(a_name) == key(b_name) && key(a_dept) == key(b_dept)
}

impl TrainingCourseInput {
    pub(crate) fn tidy(&mut self) {
        for value in [
            &mut self.reference,
            &mut self.subject,
            &mut self.audience,
            &mut self.materials,
        ] {
            tidy(value);
        }
        for trainee in &mut self.trainees {
            tidy(&mut trainee.name);
            tidy(&mut trainee.department);
        }
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.required("subject", &self.subject, SHORT_TEXT);
        checks.max_len("audience", &self.audience, SHORT_TEXT);
        checks.max_len("materials", &self.materials, LONG_TEXT);
        if self.trainees.len() > MAX_LIST {
            checks.fail("trainees", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut seen: Vec<&Trainee> = Vec::new();
        for (i, trainee) in self.trainees.iter().enumerate() {
            checks.required(&format!("trainees[{i}].name"), &trainee.name, SHORT_TEXT);
            checks.required(
                &format!("trainees[{i}].department"),
                &trainee.department,
                SHORT_TEXT,
            );
            if seen
                .iter()
                .any(|t| same_person(&t.name, &t.department, &trainee.name, &trainee.department))
            {
                checks.fail(
                    format!("trainees[{i}].name"),
                    FieldErrorCode::Duplicate,
                    None,
                );
            }
            seen.push(trainee);
        }
    }
}

impl TrainingSessionInput {
    pub(crate) fn tidy(&mut self) {
        tidy(&mut self.reference);
        tidy(&mut self.trainer);
        tidy(&mut self.notes);
        for attendee in &mut self.attendees {
            tidy(&mut attendee.name);
            tidy(&mut attendee.department);
        }
    }

    pub(crate) fn collect_errors(&self, checks: &mut FieldChecks) {
        checks.max_len("reference", &self.reference, 40);
        checks.date("heldOn", self.held_on);
        checks.required("trainer", &self.trainer, SHORT_TEXT);
        checks.max_len("notes", &self.notes, LONG_TEXT);
        if let Some(mark) = self.pass_mark {
            checks.range("passMark", i64::from(mark), 0, 100);
        }
        if self.attendees.is_empty() {
            checks.fail_with(
                "attendees",
                FieldErrorCode::Required,
                "a session records who attended it",
            );
        }
        if self.attendees.len() > MAX_LIST {
            checks.fail("attendees", FieldErrorCode::TooMany, Some(MAX_LIST as i64));
        }
        let mut seen = HashSet::new();
        for (i, a) in self.attendees.iter().enumerate() {
            let field = |name: &str| format!("attendees[{i}].{name}");
            checks.required(&field("name"), &a.name, SHORT_TEXT);
            checks.required(&field("department"), &a.department, SHORT_TEXT);
            let key: String = format!("{}\u{1f}{}", a.name, a.department)
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if !seen.insert(key) {
                checks.fail(field("name"), FieldErrorCode::Duplicate, None);
            }
            if let Some(score) = a.score {
                checks.range(&field("score"), i64::from(score), 0, 100);
                if let Some(mark) = self.pass_mark.filter(|mark| score < *mark && a.completed) {
                    checks.fail_with(
                        field("completed"),
                        FieldErrorCode::OutOfRange,
                        format!(
                            "a score of {score} is below the pass mark of {mark}, so the course \
                             is not completed"
                        ),
                    );
                }
            } else if self.pass_mark.is_some() && a.completed {
                checks.fail_with(
                    field("score"),
                    FieldErrorCode::Required,
                    "the session has a pass mark, so a completed attendee has a score",
                );
            }
        }
    }
}
