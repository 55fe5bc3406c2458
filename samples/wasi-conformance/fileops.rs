// Every WASI file operation Rust's std reaches, inside the directory named by the first argument (a preopened
// guest path). One line per step, so that two runtimes given the same directory can be compared line by line.
use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};

fn report<T>(step: &str, result: io::Result<T>) -> Option<T> {
    match result {
        Ok(value) => {
            println!("{}: ok", step);
            Some(value)
        }
        Err(e) => {
            println!("{}: {}", step, e.kind_name());
            None
        }
    }
}

trait KindName {
    fn kind_name(&self) -> String;
}

impl KindName for io::Error {
    // The kind and the raw errno, not the message: Rust words some errnos differently across versions.
    fn kind_name(&self) -> String {
        format!("{:?} (errno {})", self.kind(), self.raw_os_error().unwrap_or(-1))
    }
}

fn list(dir: &str) {
    let mut names: Vec<String> = match fs::read_dir(dir) {
        Ok(entries) => entries.filter_map(|e| e.ok()).map(|e| e.file_name().to_string_lossy().into_owned()).collect(),
        Err(e) => {
            println!("read_dir: {}", e.kind_name());
            return;
        }
    };
    names.sort();
    println!("read_dir: {}", names.join(" "));
}

#[allow(deprecated)]
fn main() {
    let dir = match std::env::args().nth(1) {
        Some(d) => d,
        None => {
            eprintln!("usage: fileops DIR");
            std::process::exit(2);
        }
    };
    let at = |name: &str| format!("{}/{}", dir, name);

    // path_open (create), fd_write, fd_seek, fd_tell, fd_read
    let mut f = report("create notes.txt",
        OpenOptions::new().read(true).write(true).create(true).truncate(true).open(at("notes.txt"))).unwrap();
    report("write", f.write_all(b"hello, wasi\n"));
    println!("position: {}", f.stream_position().unwrap());
    report("seek to 7", f.seek(SeekFrom::Start(7)));
    let mut rest = String::new();
    report("read to end", f.read_to_string(&mut rest));
    print!("read: {}", rest);

    // fd_filestat_get, fd_filestat_set_size, fd_datasync, fd_sync, fd_fdstat_set_flags
    let meta = report("metadata", f.metadata()).unwrap();
    println!("size {}, file {}", meta.len(), meta.is_file());
    report("set_len 5", f.set_len(5));
    println!("size after set_len: {}", f.metadata().unwrap().len());
    report("sync_data", f.sync_data());
    report("sync_all", f.sync_all());
    drop(f);
    let mut appender = OpenOptions::new().append(true).open(at("notes.txt")).unwrap();
    report("append", appender.write_all(b"!\n"));
    drop(appender);
    println!("contents: {:?}", fs::read_to_string(at("notes.txt")).unwrap());

    // path_create_directory, path_filestat_get, path_rename, path_link, path_symlink, path_readlink
    report("create_dir sub", fs::create_dir(at("sub")));
    report("create_dir sub again", fs::create_dir(at("sub")));
    println!("sub is a directory: {}", fs::metadata(at("sub")).map(|m| m.is_dir()).unwrap_or(false));
    report("rename notes.txt to sub/moved.txt", fs::rename(at("notes.txt"), at("sub/moved.txt")));
    report("metadata notes.txt", fs::metadata(at("notes.txt")));
    report("hard_link sub/moved.txt to hard.txt", fs::hard_link(at("sub/moved.txt"), at("hard.txt")));
    report("soft_link soft -> sub/moved.txt", fs::soft_link("sub/moved.txt", at("soft")));
    match fs::read_link(at("soft")) {
        Ok(target) => println!("read_link soft: {}", target.display()),
        Err(e) => println!("read_link soft: {}", e.kind_name()),
    }
    println!("soft is a symlink: {}",
        fs::symlink_metadata(at("soft")).map(|m| m.file_type().is_symlink()).unwrap_or(false));
    println!("soft target size: {}", fs::metadata(at("soft")).map(|m| m.len()).unwrap_or(0));

    // fd_readdir
    list(&dir);

    // path_unlink_file, path_remove_directory
    report("remove_dir sub (not empty)", fs::remove_dir(at("sub")));
    report("remove_file soft", fs::remove_file(at("soft")));
    report("remove_file hard.txt", fs::remove_file(at("hard.txt")));
    report("remove_file sub/moved.txt", fs::remove_file(at("sub/moved.txt")));
    report("remove_file missing.txt", fs::remove_file(at("missing.txt")));
    report("remove_dir sub", fs::remove_dir(at("sub")));
    report("open missing.txt", File::open(at("missing.txt")));
    report("create_dir_all a/b/c", fs::create_dir_all(at("a/b/c")));
    report("write a/b/c/f", fs::write(at("a/b/c/f"), b"deep"));
    report("remove_dir_all a", fs::remove_dir_all(at("a")));
    list(&dir);
}
