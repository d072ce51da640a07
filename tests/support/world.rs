//! A private world for one test: its own data, config and home folders.

use super::*;

/// A private world for one test: a data folder and a home/config folder, so
/// nothing from the machine's real config (e.g. a user content folder)
/// leaks in.
pub struct World {
    pub root: TempDir,
}

impl World {
    pub fn new() -> World {
        let root = tempfile::Builder::new()
            .prefix("backcoach-e2e-")
            .tempdir()
            .unwrap();
        std::fs::create_dir(root.path().join("home")).unwrap();
        World { root }
    }

    /// A world whose settings say the first-run statement was already
    /// acknowledged, plus `extra` settings fields (e.g. `reminder: (…),`).
    pub fn acknowledged(extra: &str) -> World {
        let world = World::new();
        std::fs::create_dir_all(world.data_dir()).unwrap();
        std::fs::write(
            world.data_dir().join("settings.ron"),
            format!(
                "(version: 1, disclaimer_acknowledged: Some(\"2026-01-01T00:00:00+00:00\"), {extra})"
            ),
        )
        .unwrap();
        world
    }

    pub fn data_dir(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn home(&self) -> PathBuf {
        self.root.path().join("home")
    }

    /// Where `config.ron` is by default: the config folder under the
    /// world's `XDG_CONFIG_HOME`.
    pub fn config_dir(&self) -> PathBuf {
        self.home().join("config").join("backcoach")
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    /// The environment every run gets, pty or not.
    pub fn env(&self) -> Vec<(OsString, Option<OsString>)> {
        vec![
            ("TERM".into(), Some("xterm-256color".into())),
            ("HOME".into(), Some(self.home().into())),
            (
                "XDG_CONFIG_HOME".into(),
                Some(self.home().join("config").into()),
            ),
            (
                "XDG_DATA_HOME".into(),
                Some(self.home().join("data").into()),
            ),
            ("BACKCOACH_CONTENT_DIR".into(), None),
            ("BACKCOACH_DATA_DIR".into(), None),
            ("BACKCOACH_CONFIG_DIR".into(), None),
            ("BACKCOACH_PLAIN".into(), None),
            ("COLUMNS".into(), None),
            ("LINES".into(), None),
        ]
    }

    /// `--data-dir` and then `extra`.
    pub fn app_args(&self, extra: &[&OsStr]) -> Vec<OsString> {
        let mut args: Vec<OsString> = vec!["--data-dir".into(), self.data_dir().into()];
        args.extend(extra.iter().map(|a| a.to_os_string()));
        args
    }

    /// Starts the full-screen app with `--data-dir` and `extra` arguments.
    pub fn spawn(&self, extra: &[&OsStr], cols: u16, rows: u16) -> Tui {
        Tui::spawn(&self.app_args(extra), &self.env(), cols, rows)
    }

    /// The binary with `args` and this world's environment, not run yet.
    pub fn command(&self, args: &[&OsStr]) -> Command {
        let mut cmd = Command::new(BIN);
        cmd.args(args);
        for (key, value) in self.env() {
            match value {
                Some(v) => cmd.env(key, v),
                None => cmd.env_remove(key),
            };
        }
        cmd
    }

    /// Runs the binary without a terminal and collects its output.
    pub fn run(&self, args: &[&OsStr]) -> std::process::Output {
        self.command(args).output().unwrap()
    }

    /// Runs the binary with `--data-dir` and then `extra`, without a
    /// terminal.
    pub fn run_in_data(&self, extra: &[&str]) -> std::process::Output {
        let extra: Vec<&OsStr> = extra.iter().map(OsStr::new).collect();
        let args = self.app_args(&extra);
        let refs: Vec<&OsStr> = args.iter().map(OsString::as_os_str).collect();
        self.run(&refs)
    }
}
