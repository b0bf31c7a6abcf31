//! Where a OneRoster set comes from — a folder or a zip file — and how its files are read:
//! streamed line by line, without a BOM, each line decoded as UTF-8 or, when it is not,
//! as Windows-1252. Zip entries with `..` or absolute paths are refused and sizes capped.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Component, Path, PathBuf};

/// Largest file of a set, uncompressed.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;
/// Largest set, uncompressed.
pub const MAX_SET_BYTES: u64 = 8 * 1024 * 1024 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{0}: no such file or folder")]
    NotFound(String),
    #[error("{path}: {message}")]
    Unreadable { path: String, message: String },
    #[error("{archive}: the entry {entry:?} points outside the set (absolute path or `..`); the file was refused")]
    UnsafeEntry { archive: String, entry: String },
    #[error("{file}: {size} bytes uncompressed is larger than the {limit}-byte limit; split the export")]
    TooLarge { file: String, size: u64, limit: u64 },
}

/// A OneRoster set: the CSV files by lower-case name (`users.csv`).
pub enum Source {
    Folder {
        dir: PathBuf,
        files: HashMap<String, PathBuf>,
    },
    Zip {
        path: PathBuf,
        entries: HashMap<String, usize>,
    },
    /// Files already in memory, by name.
    Memory {
        name: String,
        files: HashMap<String, Vec<u8>>,
    },
}

impl Source {
    /// Opens a folder or a `.zip` file and lists its CSV files.
    pub fn open(path: &Path) -> Result<Self, InputError> {
        Self::open_as(path, &path.display().to_string())
    }

    /// Like `open`, naming the set `shown` in messages (an uploaded file's own name rather
    /// than where the server keeps it).
    pub fn open_as(path: &Path, shown: &str) -> Result<Self, InputError> {
        let shown = shown.to_string();
        let meta = std::fs::metadata(path).map_err(|_| InputError::NotFound(shown.clone()))?;
        let unreadable =
            |e: &dyn std::fmt::Display| InputError::Unreadable { path: shown.clone(), message: e.to_string() };
        if meta.is_dir() {
            let mut files = HashMap::new();
            for entry in std::fs::read_dir(path).map_err(|e| unreadable(&e))? {
                let entry = entry.map_err(|e| unreadable(&e))?;
                let name = entry.file_name().to_string_lossy().to_lowercase();
                if name.ends_with(".csv") && entry.path().is_file() {
                    let size = entry.metadata().map_err(|e| unreadable(&e))?.len();
                    check_size(&name, size, MAX_FILE_BYTES)?;
                    files.insert(name, entry.path());
                }
            }
            return Ok(Source::Folder { dir: path.to_path_buf(), files });
        }
        let file = File::open(path).map_err(|e| unreadable(&e))?;
        let mut archive = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| unreadable(&e))?;
        let mut entries = HashMap::new();
        let mut total = 0u64;
        for index in 0..archive.len() {
            let entry = archive.by_index_raw(index).map_err(|e| unreadable(&e))?;
            let raw = entry.name().map_err(|e| unreadable(&e))?.to_string();
            if !is_safe_entry(&raw) {
                return Err(InputError::UnsafeEntry { archive: shown, entry: raw });
            }
            if entry.is_dir() {
                continue;
            }
            let name = raw.rsplit('/').next().unwrap_or(&raw).to_lowercase();
            if name.ends_with(".csv") {
                check_size(&name, entry.size(), MAX_FILE_BYTES)?;
                total += entry.size();
                check_size(&shown, total, MAX_SET_BYTES)?;
                entries.insert(name, index);
            }
        }
        Ok(Source::Zip { path: path.to_path_buf(), entries })
    }

    /// One CSV file, read as the file `name` of a set.
    pub fn single(path: &Path, name: &str) -> Result<Self, InputError> {
        let shown = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|_| InputError::NotFound(shown.clone()))?;
        check_size(&shown, meta.len(), MAX_FILE_BYTES)?;
        let files = HashMap::from([(name.to_ascii_lowercase(), path.to_path_buf())]);
        Ok(Source::Folder { dir: path.parent().unwrap_or(Path::new(".")).to_path_buf(), files })
    }

    /// A set of files held in memory, as (name, bytes); sizes are capped as on disk.
    pub fn in_memory(name: &str, files: Vec<(String, Vec<u8>)>) -> Result<Self, InputError> {
        let mut held = HashMap::new();
        for (file, bytes) in files {
            let file = file.to_ascii_lowercase();
            check_size(&file, bytes.len() as u64, MAX_FILE_BYTES)?;
            held.insert(file, bytes);
        }
        Ok(Source::Memory { name: name.to_string(), files: held })
    }

    /// What the set is called in messages.
    pub fn describe(&self) -> String {
        match self {
            Source::Folder { dir, .. } => dir.display().to_string(),
            Source::Zip { path, .. } => path.display().to_string(),
            Source::Memory { name, .. } => name.clone(),
        }
    }

    pub fn has(&self, name: &str) -> bool {
        let name = name.to_ascii_lowercase();
        let name = name.as_str();
        match self {
            Source::Folder { files, .. } => files.contains_key(name),
            Source::Zip { entries, .. } => entries.contains_key(name),
            Source::Memory { files, .. } => files.contains_key(name),
        }
    }

    /// Streams the file `name` (lower case), decoded, through `read`; `None` when the set
    /// lacks the file.
    pub fn read<T>(
        &self,
        name: &str,
        read: impl FnOnce(&mut DecodedLines<&mut dyn BufRead>) -> T,
    ) -> Result<Option<T>, InputError> {
        let unreadable =
            |e: &dyn std::fmt::Display| InputError::Unreadable { path: name.to_string(), message: e.to_string() };
        let lower = name.to_ascii_lowercase();
        let name = lower.as_str();
        match self {
            Source::Folder { files, .. } => {
                let Some(path) = files.get(name) else { return Ok(None) };
                let file = File::open(path).map_err(|e| unreadable(&e))?;
                let mut reader = BufReader::with_capacity(1 << 16, file.take(MAX_FILE_BYTES));
                Ok(Some(read(&mut DecodedLines::new(&mut reader as &mut dyn BufRead))))
            }
            Source::Zip { path, entries } => {
                let Some(&index) = entries.get(name) else { return Ok(None) };
                let file = File::open(path).map_err(|e| unreadable(&e))?;
                let mut archive = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| unreadable(&e))?;
                let entry = archive.by_index(index).map_err(|e| unreadable(&e))?;
                let mut reader = BufReader::with_capacity(1 << 16, entry.take(MAX_FILE_BYTES));
                Ok(Some(read(&mut DecodedLines::new(&mut reader as &mut dyn BufRead))))
            }
            Source::Memory { files, .. } => {
                let Some(bytes) = files.get(name) else { return Ok(None) };
                let mut reader = bytes.as_slice();
                Ok(Some(read(&mut DecodedLines::new(&mut reader as &mut dyn BufRead))))
            }
        }
    }
}

fn check_size(name: &str, size: u64, limit: u64) -> Result<(), InputError> {
    if size > limit { Err(InputError::TooLarge { file: name.to_string(), size, limit }) } else { Ok(()) }
}

/// True when a zip entry name stays inside the set.
pub fn is_safe_entry(name: &str) -> bool {
    let path = Path::new(name);
    !name.starts_with('/')
        && !name.starts_with('\\')
        && !name.contains(":\\")
        && !name.split(['/', '\\']).any(|part| part == "..")
        && path.components().all(|c| matches!(c, Component::Normal(_) | Component::CurDir))
}

/// Reads lines from `inner`, dropping a leading BOM, ending each with LF, and decoding it as
/// UTF-8 or, when it is not valid UTF-8, as Windows-1252 (remembering the first such line).
pub struct DecodedLines<R> {
    inner: R,
    raw: Vec<u8>,
    out: Vec<u8>,
    pos: usize,
    line: u64,
    first_line: bool,
    /// The first line that was not UTF-8, if any.
    pub windows_1252_from: Option<u64>,
}

impl<R: BufRead> DecodedLines<R> {
    pub fn new(inner: R) -> Self {
        Self { inner, raw: Vec::new(), out: Vec::new(), pos: 0, line: 0, first_line: true, windows_1252_from: None }
    }

    fn fill(&mut self) -> io::Result<bool> {
        self.raw.clear();
        if self.inner.read_until(b'\n', &mut self.raw)? == 0 {
            return Ok(false);
        }
        self.line += 1;
        let mut bytes = self.raw.as_slice();
        if self.first_line {
            self.first_line = false;
            bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        }
        self.out.clear();
        self.pos = 0;
        match std::str::from_utf8(bytes) {
            Ok(text) => self.out.extend_from_slice(text.as_bytes()),
            Err(_) => {
                self.windows_1252_from.get_or_insert(self.line);
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
                self.out.extend_from_slice(text.as_bytes());
            }
        }
        // CRLF becomes LF: the CSV reader counts a CRLF line only once it reads the next
        // record, which would give every row the line before its own.
        if self.out.ends_with(b"\r\n") {
            self.out.truncate(self.out.len() - 2);
            self.out.push(b'\n');
        }
        Ok(true)
    }
}

impl<R: BufRead> Read for DecodedLines<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        while self.pos >= self.out.len() {
            if !self.fill()? {
                return Ok(0);
            }
        }
        let n = buf.len().min(self.out.len() - self.pos);
        buf[..n].copy_from_slice(&self.out[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_lose_their_bom_and_carriage_returns_and_are_decoded() {
        let bytes = b"\xEF\xBB\xBFa,b\r\nCaf\xE9,1\r\nlast";
        let mut lines = DecodedLines::new(&bytes[..]);
        let mut text = String::new();
        lines.read_to_string(&mut text).unwrap();
        assert_eq!(text, "a,b\nCafé,1\nlast");
        assert_eq!(lines.windows_1252_from, Some(2));
    }
}
