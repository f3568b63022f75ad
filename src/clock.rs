//! Timestamps as the register stores them: RFC 3339 in UTC with milliseconds, so that they
//! sort as text and read the same on every machine.

pub fn now() -> String {
    chrono::Utc::now()
        .format("%Y-%m-%dT%H:%M:%S%.3fZ")
        .to_string()
}

pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}
