//! The command-line front door: prints the same report as the page gets, as JSON. One engine
//! per run: the user's words (`--user-dict`) go into it.

use std::io::{Read, Write};
use std::process::ExitCode;

use article_explorer::{ConcordanceOptions, Engine, LanguageChoice, MatchMode, Options, decode_text, parse_date};
use clap::{Args, Parser, Subcommand};

/// Reads news articles (English or Chinese): structure, sentences, keywords and a timeline of
/// dated events, as JSON.
#[derive(Parser)]
#[command(name = "article-explorer", version, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reads FILE (or standard input when FILE is - or absent) and prints the analysis report as JSON.
    Analyze {
        /// Reference date for relative expressions (wins over the text's own dateline).
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        dct: Option<String>,
        /// Language rules: auto (per paragraph), en or zh.
        #[arg(long, value_name = "auto|en|zh", default_value = "auto", value_parser = parse_language)]
        lang: LanguageChoice,
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
        /// Include every token (word, number, punctuation) in the report.
        #[arg(long)]
        tokens: bool,
        #[command(flatten)]
        engine: EngineArgs,
        /// The text to read (- for standard input).
        #[arg(value_name = "FILE|-", default_value = "-")]
        file: String,
    },
    /// Prints each input line's words separated by two spaces (the SIGHAN bakeoff format):
    /// Chinese cut by jieba with the embedded dictionary, other text by Unicode word boundaries,
    /// punctuation kept.
    Segment {
        #[command(flatten)]
        engine: EngineArgs,
        /// The text to read (- for standard input).
        #[arg(value_name = "FILE|-", default_value = "-")]
        file: String,
    },
    /// Prints the keyness of two texts against each other as JSON: the words each over-uses
    /// relative to the other (log-likelihood, log ratio), as the page's comparison shows them.
    Compare {
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
        #[command(flatten)]
        engine: EngineArgs,
        /// The first text.
        file_a: String,
        /// The second text.
        file_b: String,
    },
    /// Prints the occurrences of a word or phrase with their context (KWIC) as JSON.
    Concordance {
        /// Characters of context on each side.
        #[arg(long, value_name = "N", default_value_t = ConcordanceOptions::default().context)]
        context: usize,
        /// At most this many lines.
        #[arg(long, value_name = "N", default_value_t = ConcordanceOptions::default().limit)]
        limit: usize,
        /// Matching: term (any inflection and case), exact (word forms, any case) or text (plain search).
        #[arg(long, default_value = "term", value_parser = ["term", "exact", "text"])]
        mode: String,
        #[command(flatten)]
        engine: EngineArgs,
        /// The word or phrase to find.
        query: String,
        /// The text to read (- for standard input).
        #[arg(value_name = "FILE|-", default_value = "-")]
        file: String,
    },
    /// Prints a share link for FILE: the page opens it, on any copy of the site, with the same
    /// analysis (the text travels in the link's fragment, compressed). With --open, reads a share
    /// link instead and prints its text, settings and provenance as JSON (exit 2 when refused).
    #[cfg(feature = "share")]
    Share {
        /// Reference date the link's analysis uses.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        dct: Option<String>,
        /// Language rules the link's analysis uses.
        #[arg(long, value_name = "auto|en|zh", default_value = "auto", value_parser = parse_language)]
        lang: LanguageChoice,
        /// The site's address, put before the fragment (e.g. https://example.org/explorer/).
        #[arg(long, value_name = "URL", default_value = "")]
        base: String,
        /// Read this link (a URL or its fragment) instead of making one.
        #[arg(long, value_name = "LINK")]
        open: Option<String>,
        /// The text to share (- for standard input).
        #[arg(value_name = "FILE|-", default_value = "-")]
        file: String,
    },
    /// Aligns a Chinese text with its English version (paragraphs, then sentences) and prints the
    /// alignment and the differences found (dates, numbers, events, glossary terms, passages with
    /// no counterpart) as JSON. The two files may come in either order.
    Align {
        /// Indent the JSON.
        #[arg(long)]
        pretty: bool,
        #[command(flatten)]
        engine: EngineArgs,
        /// The Chinese text.
        zh_file: String,
        /// The English text.
        en_file: String,
    },
    /// Prints the JSON Schema (draft 2020-12) of the report `analyze` prints, or of the output of
    /// `compare` or `concordance`: every field, its type and meaning. Its `$id` names the report
    /// version; docs/*.schema.json hold copies.
    Schema {
        /// Whose schema: the report (`analyze`), the comparison (`compare`), the concordance or the
        /// alignment (`align`).
        #[arg(value_name = "report|comparison|concordance|alignment", default_value = "report", value_parser = ["report", "comparison", "concordance", "alignment"])]
        of: String,
    },
}

/// What goes into the run's engine.
#[derive(Args)]
struct EngineArgs {
    /// Extra Chinese words, one per line (`word [frequency]`, `#` starts a comment), kept whole.
    #[arg(long, value_name = "FILE")]
    user_dict: Option<String>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli.command) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-explorer: {message}");
            ExitCode::from(2)
        }
    }
}

fn parse_language(s: &str) -> Result<LanguageChoice, article_explorer::Error> {
    s.parse()
}

fn run(command: Command) -> Result<(), String> {
    match command {
        Command::Analyze { dct, lang, pretty, tokens, engine, file } => {
            let engine = engine.build()?;
            let text = read_input(&file)?;
            let options = Options { dct, lang, tokens, ..Options::default() };
            print_json(&engine.analyze(&text, &options), pretty)
        }
        #[cfg(feature = "share")]
        Command::Share { dct, lang, base, open, file } => {
            use article_explorer::share;
            if let Some(link) = open {
                return print_json(&share::decode_link(&link).map_err(|e| e.to_string())?, true);
            }
            let text = read_input(&file)?;
            let mut shared = share::Shared::new(&text, &now_utc());
            shared.settings.dct = dct;
            shared.settings.lang = lang;
            let link = share::encode_link(&shared).map_err(|e| e.to_string())?;
            println!("{base}{link}");
            Ok(())
        }
        Command::Segment { engine, file } => {
            let engine = engine.build()?;
            let text = read_input(&file)?;
            let mut out = std::io::BufWriter::new(std::io::stdout().lock());
            for line in text.lines() {
                writeln!(out, "{}", engine.segment_line(line).join("  ")).map_err(write_error)?;
            }
            out.flush().map_err(write_error)
        }
        Command::Compare { pretty, engine, file_a, file_b } => {
            let engine = engine.build()?;
            let (a, b) = (read_input(&file_a)?, read_input(&file_b)?);
            print_json(&engine.compare(&a, &b, &Options::default()), pretty)
        }
        Command::Concordance { context, limit, mode, engine, query, file } => {
            let engine = engine.build()?;
            let mode: MatchMode = mode.parse().map_err(|e: article_explorer::Error| e.to_string())?;
            let text = read_input(&file)?;
            print_json(&engine.concordance(&text).query(&query, &ConcordanceOptions { mode, context, limit }), true)
        }
        Command::Align { pretty, engine, zh_file, en_file } => {
            let engine = engine.build()?;
            let (zh, en) = (read_input(&zh_file)?, read_input(&en_file)?);
            let alignment = article_explorer::align(&engine, &zh, &en).map_err(|e| format!("cannot align {zh_file} and {en_file}: {e}"))?;
            print_json(&alignment, pretty)
        }
        Command::Schema { of } => {
            let schema = match of.as_str() {
                "comparison" => article_explorer::comparison_schema(),
                "concordance" => article_explorer::concordance_schema(),
                "alignment" => article_explorer::alignment_schema(),
                _ => article_explorer::report_schema(),
            };
            print_json(&schema, true)
        }
    }
}

impl EngineArgs {
    /// The run's engine: the built-in lists and dictionary, plus the user's words.
    fn build(&self) -> Result<Engine, String> {
        let mut engine = Engine::new();
        if let Some(path) = &self.user_dict {
            for line in read_input(path)?.lines() {
                let mut parts = line.split_whitespace();
                if let Some(word) = parts.next().filter(|w| !w.starts_with('#')) {
                    engine.add_user_word(word, parts.next().and_then(|f| f.parse().ok()));
                }
            }
        }
        Ok(engine)
    }
}

/// The current UTC time as `YYYY-MM-DDTHH:MM:SSZ` (a share's time of analysis).
#[cfg(feature = "share")]
fn now_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let (days, rest) = ((secs / 86_400) as i64, secs % 86_400);
    // Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest / 60 % 60, rest % 60)
}

fn print_json<T: serde::Serialize>(value: &T, pretty: bool) -> Result<(), String> {
    let json = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) }
        .map_err(|e| format!("could not write the result: {e}"))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(write_error)
}

fn write_error(e: std::io::Error) -> String {
    format!("could not write to standard output: {e}")
}

fn read_input(path: &str) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin().read_to_end(&mut buf).map_err(|e| format!("could not read standard input: {e}"))?;
        buf
    } else {
        std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?
    };
    decode_text(&bytes).map_err(|e| format!("{}: {e}", if path == "-" { "standard input" } else { path }))
}
