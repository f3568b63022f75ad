//! PDF through Typst used as a library, behind our own [`World`]: one embedded template,
//! the document as JSON data, and a fixed set of fonts loaded from known files.
//!
//! Fonts are read eagerly from known files, never found by scanning the system: a lazy
//! system-wide scan costs seconds, and a document must come out the same on every machine.
//! The packages carry their own copy of the face (Noto Sans CJK JP, OFL; see
//! `src-tauri/fonts/OFL.txt`), found first, so that printing works on a machine with no
//! Japanese font; a clone falls back to Debian's `fonts-noto-cjk`, the same files. Japanese
//! and English documents use the same face, so no fallback font can creep in.

use super::model::{PrintDocument, Section};
use super::PrintStage;
use crate::error::{CoreError, Result};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime, Smart};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;
use typst_pdf::PdfOptions;

const TEMPLATE: &str = include_str!("templates/document.typ");

/// The family every document is set in; the template names it.
pub const FONT_FAMILY: &str = "Noto Sans CJK JP";
/// The collections holding the family's regular and bold faces.
const FONT_FILES: [&str; 2] = ["NotoSansCJK-Regular.ttc", "NotoSansCJK-Bold.ttc"];
/// Where the .deb installs its copy (`src-tauri/tauri.conf.json`, `bundle.linux.deb.files`):
/// a font folder, so that the webview's fontconfig finds the face for the UI as well.
const PACKAGE_FONT_DIR: &str = "/usr/share/fonts/opentype/daicho";
/// Where a package puts its copy relative to the executable: beside it (the Windows
/// installer's resources), the macOS bundle's resources, and the .deb's or AppImage's
/// `usr/bin/../share` tree.
const BESIDE_EXE: [&str; 3] = [
    "fonts",
    "../Resources/fonts",
    "../share/fonts/opentype/daicho",
];
/// Where distributions install `fonts-noto-cjk` and its equivalents.
const FONT_DIRS: [&str; 4] = [
    "/usr/share/fonts/opentype/noto",
    "/usr/share/fonts/noto-cjk",
    "/usr/share/fonts/google-noto-cjk",
    "/usr/share/fonts/opentype/noto-cjk",
];
/// Names the environment variable that points at a folder with the font files.
pub const FONT_DIR_ENV: &str = "DAICHO_FONT_DIR";

/// The faces documents are set in, loaded once.
pub struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// Where they were loaded from, for messages.
    pub dir: PathBuf,
}

static SHARED: OnceLock<std::result::Result<Fonts, String>> = OnceLock::new();
static LIBRARY: OnceLock<LazyHash<Library>> = OnceLock::new();

impl Fonts {
    /// The process-wide fonts, loaded on first use (about 40 MB read once).
    pub fn shared() -> Result<&'static Fonts> {
        SHARED
            .get_or_init(|| Fonts::load().map_err(|e| e.to_string()))
            .as_ref()
            .map_err(|message| {
                CoreError::io(
                    message.clone(),
                    std::io::Error::new(std::io::ErrorKind::NotFound, "font not found"),
                )
            })
    }

    /// Loads the faces from `DAICHO_FONT_DIR`, else from the package's own copy, else from
    /// the first distribution folder that has them.
    pub fn load() -> Result<Fonts> {
        let candidates: Vec<PathBuf> = match std::env::var_os(FONT_DIR_ENV) {
            Some(dir) => vec![PathBuf::from(dir)],
            None => Fonts::search_path(),
        };
        Fonts::load_from(&candidates)
    }

    /// The folders [`Fonts::load`] looks in without `DAICHO_FONT_DIR`, in order.
    pub fn search_path() -> Vec<PathBuf> {
        let exe_dir = std::env::current_exe()
            .ok()
            .and_then(|exe| exe.parent().map(Path::to_owned));
        let beside_exe = exe_dir
            .iter()
            .flat_map(|dir| BESIDE_EXE.iter().map(move |rel| dir.join(rel)));
        std::iter::once(PathBuf::from(PACKAGE_FONT_DIR))
            .chain(beside_exe)
            .chain(FONT_DIRS.iter().map(PathBuf::from))
            .collect()
    }

    /// Loads the faces from the first of `candidates` that holds both files; a clear error
    /// naming the package to install when none does.
    pub fn load_from(candidates: &[PathBuf]) -> Result<Fonts> {
        let dir = candidates
            .iter()
            .find(|dir| FONT_FILES.iter().all(|f| dir.join(f).is_file()))
            .ok_or_else(|| {
                CoreError::io(
                    format!(
                        "the Japanese font {FONT_FAMILY} ({}) was not found in {}; reinstall Daicho \
                         from its package (which carries the font), or install the package \
                         fonts-noto-cjk (scripts/install-system-deps.sh does), or set \
                         {FONT_DIR_ENV} to a folder holding these files",
                        FONT_FILES.join(", "),
                        candidates
                            .iter()
                            .map(|d| d.display().to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                    std::io::Error::new(std::io::ErrorKind::NotFound, "font not found"),
                )
            })?;
        Fonts::from_dir(dir)
    }

    /// Loads the family's faces from the collections in `dir`.
    pub fn from_dir(dir: &Path) -> Result<Fonts> {
        let mut fonts = Vec::new();
        for file in FONT_FILES {
            let path = dir.join(file);
            let data = std::fs::read(&path)
                .map_err(|e| CoreError::io(format!("reading the font {}", path.display()), e))?;
            let faces: Vec<Font> = Font::iter(Bytes::new(data))
                .filter(|font| font.info().family == FONT_FAMILY)
                .collect();
            if faces.is_empty() {
                return Err(CoreError::io(
                    format!("{} holds no {FONT_FAMILY} face", path.display()),
                    std::io::Error::new(std::io::ErrorKind::InvalidData, "wrong font file"),
                ));
            }
            fonts.extend(faces);
        }
        Ok(Fonts {
            book: LazyHash::new(FontBook::from_fonts(&fonts)),
            fonts,
            dir: dir.to_owned(),
        })
    }
}

/// Typesets `document` and writes it as a PDF. The same document gives the same bytes: no
/// timestamp, no document date, a stable identifier; the Creator field names this build.
pub fn render(
    document: &PrintDocument,
    fonts: &Fonts,
    progress: &mut dyn FnMut(PrintStage),
) -> Result<Vec<u8>> {
    let input = serde_json::to_vec(&with_break_points(document))
        .map_err(|e| CoreError::Integrity(format!("serialising the document: {e}")))?;
    let world = PrintWorld::new(fonts, input);
    progress(PrintStage::Typesetting);
    let compiled = typst::compile::<PagedDocument>(&world).output;
    // Typst memoises across compiles; keep only recent entries so a long-running app does
    // not grow with every print.
    typst::comemo::evict(4);
    let paged = compiled.map_err(|errors| typesetting_failed(&errors))?;
    progress(PrintStage::Encoding);
    let options = PdfOptions {
        ident: Smart::Custom(format!("daicho/{}", document.title)),
        timestamp: None,
        // The build that printed it, so a document can be traced to a version; constant
        // for one build, so the bytes stay the same for the same register.
        creator: Smart::Custom(Some(format!("Daicho {}", crate::VERSION))),
        tagged: document.tagged,
        ..PdfOptions::default()
    };
    typst_pdf::pdf(&paged, &options).map_err(|errors| typesetting_failed(&errors))
}

fn typesetting_failed(errors: &[SourceDiagnostic]) -> CoreError {
    let messages: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
    CoreError::Integrity(format!(
        "the document could not be typeset: {}",
        messages.join("; ")
    ))
}

/// Typst breaks lines at spaces and between CJK characters, but not inside a long run of
/// Latin letters or digits (a URL, an ID, a foreign name). Such runs get zero-width spaces,
/// break opportunities that print nothing, so that a cell wraps instead of overflowing.
/// English documents hyphenate words, so only runs longer than any word get them; Japanese
/// documents do not hyphenate Latin words (「Universitätsklinikum」 in a narrow column), so
/// shorter runs get them too, as Japanese typesetting breaks Latin text without a hyphen.
const BREAK_EVERY_EN: usize = 20;
const BREAK_EVERY_JA: usize = 8;

fn with_break_points(document: &PrintDocument) -> PrintDocument {
    let every = if document.lang == "ja" {
        BREAK_EVERY_JA
    } else {
        BREAK_EVERY_EN
    };
    let mut document = document.clone();
    for section in &mut document.sections {
        match section {
            Section::Table(table) => {
                for cell in table.rows.iter_mut().flatten() {
                    breakable(cell, every);
                }
            }
            Section::Fields { fields, .. } => {
                for field in fields {
                    breakable(&mut field.value, every);
                }
            }
            Section::Text { paragraphs, .. } => {
                for paragraph in paragraphs {
                    breakable(paragraph, every);
                }
            }
        }
    }
    document
}

fn breakable(text: &mut String, every: usize) {
    let mut run = 0;
    let mut needs_change = false;
    for c in text.chars() {
        run = if c.is_whitespace() || is_cjk(c) {
            0
        } else {
            run + 1
        };
        if run > every {
            needs_change = true;
            break;
        }
    }
    if !needs_change {
        return;
    }
    let mut out = String::with_capacity(text.len() + text.len() / every * 3);
    run = 0;
    for c in text.chars() {
        if c.is_whitespace() || is_cjk(c) {
            run = 0;
        } else {
            if run == every {
                out.push('\u{200B}');
                run = 0;
            }
            run += 1;
        }
        out.push(c);
    }
    *text = out;
}

/// Scripts Typst may break between any two characters of.
fn is_cjk(c: char) -> bool {
    ('\u{2E80}'..='\u{9FFF}').contains(&c)
        || ('\u{F900}'..='\u{FAFF}').contains(&c)
        || ('\u{FF00}'..='\u{FFEF}').contains(&c)
}

/// The world one print sees: the template, the document as `/input.json`, the fonts.
struct PrintWorld<'a> {
    fonts: &'a Fonts,
    main: Source,
    input_id: FileId,
    input: Bytes,
}

impl<'a> PrintWorld<'a> {
    fn new(fonts: &'a Fonts, input: Vec<u8>) -> Self {
        let main_id = project_file("/document.typ");
        PrintWorld {
            fonts,
            main: Source::new(main_id, TEMPLATE.to_owned()),
            input_id: project_file("/input.json"),
            input: Bytes::new(input),
        }
    }
}

fn project_file(path: &str) -> FileId {
    let path = VirtualPath::new(path).expect("a valid virtual path");
    FileId::new(RootedPath::new(VirtualRoot::Project, path))
}

impl World for PrintWorld<'_> {
    fn library(&self) -> &LazyHash<Library> {
        LIBRARY.get_or_init(|| LazyHash::new(Library::builder().build()))
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotSource)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.input_id {
            Ok(self.input.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        // Templates print the print date from the data; a document never reads the clock.
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_latin_runs_get_break_points_and_cjk_does_not() {
        let mut long = "x".repeat(45);
        breakable(&mut long, BREAK_EVERY_EN);
        assert_eq!(long.matches('\u{200B}').count(), 2);
        assert_eq!(long.replace('\u{200B}', ""), "x".repeat(45));

        let mut words = "short words only, nothing long here".to_owned();
        breakable(&mut words, BREAK_EVERY_EN);
        assert!(!words.contains('\u{200B}'));

        let mut japanese = "個".repeat(60);
        breakable(&mut japanese, BREAK_EVERY_JA);
        assert!(!japanese.contains('\u{200B}'));

        let mut name = "Universitätsklinikum Rhein-Main（ドイツ）".to_owned();
        breakable(&mut name, BREAK_EVERY_JA);
        assert_eq!(
            name,
            "Universi\u{200B}tätsklin\u{200B}ikum Rhein-Ma\u{200B}in（ドイツ）"
        );
    }
}
