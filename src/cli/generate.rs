//! Files generated from the command-line definition itself, so they can
//! never disagree with it: shell completion scripts (clap_complete) and the
//! man page (clap_mangen). Neither needs content or the data folder.

use clap::{Arg, ArgAction, Command, CommandFactory};
use clap_complete::Shell;
use clap_mangen::Man;
use clap_mangen::roff::{Inline, Roff, bold, italic, roman};

use super::Cli;

/// The completion script for `shell`.
pub fn completions(shell: Shell) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "backcoach", &mut script);
    script
}

/// The man page, as roff source for section 1: one page for the whole
/// program. clap_mangen's own subcommand list points to one page per
/// subcommand (`backcoach-timer(1)`), which we do not install, so the
/// COMMANDS section here describes each subcommand and its arguments in
/// place.
pub fn man_page() -> std::io::Result<Vec<u8>> {
    let mut cmd = Cli::command();
    // Built, so every argument knows how it is shown.
    cmd.build();
    let man = Man::new(cmd.clone());
    let mut page = Vec::new();
    man.render_title(&mut page)?;
    man.render_name_section(&mut page)?;
    man.render_synopsis_section(&mut page)?;
    man.render_description_section(&mut page)?;
    man.render_options_section(&mut page)?;
    commands_section(&cmd).to_writer(&mut page)?;
    man.render_version_section(&mut page)?;
    Ok(page)
}

/// Each visible subcommand: its synopsis, what it does and its arguments.
fn commands_section(cmd: &Command) -> Roff {
    let mut roff = Roff::new();
    roff.control("SH", ["COMMANDS"]);
    for sub in cmd.get_subcommands().filter(|s| !s.is_hide_set()) {
        let args: Vec<&Arg> = sub.get_arguments().filter(|a| is_own(a)).collect();
        roff.control("TP", []);
        let mut synopsis = vec![bold(format!("backcoach {}", sub.get_name()))];
        for arg in &args {
            synopsis.push(roman(" "));
            synopsis.push(usage_of(arg, true));
        }
        roff.text(synopsis);
        if let Some(about) = sub.get_long_about().or_else(|| sub.get_about()) {
            paragraphs(&mut roff, &about.to_string());
        }
        if args.is_empty() {
            continue;
        }
        roff.control("RS", []);
        for arg in &args {
            roff.control("TP", []);
            roff.text([usage_of(arg, false)]);
            if let Some(help) = arg.get_long_help().or_else(|| arg.get_help()) {
                paragraphs(&mut roff, &help.to_string());
            }
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_owned())
                .collect();
            if !values.is_empty() {
                roff.control("br", []);
                roff.text([roman(format!("Values: {}.", values.join(", ")))]);
            }
        }
        roff.control("RE", []);
    }
    roff
}

/// Help text as roff: a blank line becomes vertical space (a blank line is
/// not valid in a man page).
fn paragraphs(roff: &mut Roff, text: &str) {
    for line in text.lines() {
        if line.trim().is_empty() {
            roff.control("sp", []);
        } else {
            roff.text([roman(line)]);
        }
    }
}

/// An argument a subcommand declares itself: not a global option (the
/// OPTIONS section has those) nor the `--help` every subcommand has.
fn is_own(arg: &Arg) -> bool {
    !arg.is_hide_set()
        && !arg.is_global_set()
        && !matches!(
            arg.get_action(),
            ArgAction::Help | ArgAction::HelpShort | ArgAction::HelpLong | ArgAction::Version
        )
}

/// An argument as clap shows it (`<MODE>`, `[PATH]...`, `--duration
/// <D>`); in a synopsis an option is in brackets, being optional.
fn usage_of(arg: &Arg, in_synopsis: bool) -> Inline {
    let shown = arg.to_string();
    if arg.is_positional() {
        italic(shown)
    } else if in_synopsis {
        bold(format!("[{shown}]"))
    } else {
        bold(shown)
    }
}
