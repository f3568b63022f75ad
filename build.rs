//! Records the git commit the core is built from (`DAICHO_COMMIT`), so that `daicho --version`,
//! the About screen and every printed document's metadata name the build.
//!
//! A checkout without git (a source tarball) still builds: the commit is then taken from the
//! environment variable `DAICHO_COMMIT` if the packager sets it, else recorded as `unknown`.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=DAICHO_COMMIT");
    let commit = std::env::var("DAICHO_COMMIT")
        .ok()
        .filter(|c| !c.trim().is_empty())
        .or_else(git_commit)
        .unwrap_or_else(|| "unknown".to_owned());
    println!("cargo:rustc-env=DAICHO_COMMIT={commit}");
}

fn git(args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

/// The short commit of this source tree; `None` outside a git checkout, and when the tree is
/// only inside some other repository (a tarball unpacked in someone's home under git).
fn git_commit() -> Option<String> {
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?);
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    if top.canonicalize().ok()? != here.canonicalize().ok()? {
        return None;
    }
    let commit = git(&["rev-parse", "--short=12", "HEAD"])?;
    // Re-run when HEAD moves: HEAD itself (a checkout), the branch it points at (a commit),
    // and packed-refs. Only existing files: cargo re-runs on every build for a missing one.
    let git_dir = PathBuf::from(git(&["rev-parse", "--absolute-git-dir"])?);
    let common = git(&["rev-parse", "--git-common-dir"]).map(|d| here.join(d));
    let mut watched = vec![git_dir.join("HEAD")];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        watched.push(git_dir.join(&branch));
        if let Some(common) = &common {
            watched.push(common.join(&branch));
        }
    }
    if let Some(common) = &common {
        watched.push(common.join("packed-refs"));
    }
    for path in watched.iter().filter(|p| p.is_file()) {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    Some(commit)
}
