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
    /// Reads many articles (files, folders, .zip archives) on every core and prints JSON Lines:
    /// one summary per article (its path, date and the date's source, counts, timeline), one line
    /// per file that could not be read (also told on standard error), then the aggregate (article
    /// counts per period, trends of the --term words or phrases).
    Corpus {
        /// Terms (words or phrases) to count exactly in every article and trend per period.
        #[arg(long = "term", value_name = "TERM")]
        terms: Vec<String>,
        /// The period of the aggregate: article, week, month or year.
        #[arg(long, value_name = "article|week|month|year", default_value = "month", value_parser = parse_period)]
        period: article_explorer::corpus::Period,
        /// The date of articles with no date in their dateline or file name.
        #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
        date: Option<String>,
        /// What to print: the articles, the aggregate, or both.
        #[arg(long, value_name = "articles|aggregate|all", default_value = "all", value_parser = ["articles", "aggregate", "all"])]
        output: String,
        /// Worker threads (default: one per core).
        #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        threads: Option<u16>,
        /// Files and archive entries larger than this (bytes) are skipped.
        #[arg(long, value_name = "BYTES", default_value_t = article_explorer::MAX_INPUT_BYTES as u64)]
        max_bytes: u64,
        /// Keep word sequences seen at least this often in an article (1: all of them).
        #[arg(long, value_name = "N", default_value_t = 2)]
        ngram_min_count: u32,
        /// Language rules: auto (per paragraph), en or zh.
        #[arg(long, value_name = "auto|en|zh", default_value = "auto", value_parser = parse_language)]
        lang: LanguageChoice,
        #[command(flatten)]
        engine: EngineArgs,
        /// Files, folders and .zip archives.
        #[arg(value_name = "PATH", required = true)]
        paths: Vec<String>,
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
    /// `compare`, `concordance` or `align`, or of a corpus article summary: every field, its type and
    /// meaning. Its `$id` names the report version; docs/*.schema.json hold copies.
    Schema {
        /// Whose schema: the report (`analyze`), the comparison (`compare`), the concordance or the
        /// alignment (`align`), or a corpus article summary (`corpus`).
        #[arg(value_name = "report|comparison|concordance|alignment|summary", default_value = "report", value_parser = ["report", "comparison", "concordance", "alignment", "summary"])]
        of: String,
    },
}

/// What goes into the run's engine.
#[derive(Args)]
struct EngineArgs {
    /// Extra Chinese words, one per line (`word [frequency]`, `#` starts a comment), kept whole.
    #[arg(long, value_name = "FILE")]
    user_dict: Option<String>,
    /// An official term or name counted as one keyword where the segmenter cuts it (repeatable).
    #[arg(long = "official-term", value_name = "TERM")]
    official_term: Vec<String>,
    /// Official terms to add, one per line (`#` starts a comment).
    #[arg(long, value_name = "FILE")]
    official_terms: Option<String>,
    /// An official term (built-in or added) to count as separate words again (repeatable).
    #[arg(long = "drop-official-term", value_name = "TERM")]
    drop_official_term: Vec<String>,
    /// Start from no official terms instead of the built-in list (data/zh/official-terms.txt).
    #[arg(long)]
    no_builtin_official_terms: bool,
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

fn parse_period(s: &str) -> Result<article_explorer::corpus::Period, article_explorer::Error> {
    s.parse()
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
        Command::Corpus { terms, period, date, output, threads, max_bytes, ngram_min_count, lang, engine, paths } => {
            let engine = engine.build()?;
            let threads = threads.map_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()), usize::from);
            let summary = article_explorer::corpus::SummaryOptions {
                user_date: date,
                track: terms.clone(),
                ngram_min_count,
                analysis: Options { lang, ..Options::default() },
                ..Default::default()
            };
            let intake = article_explorer::corpus::Intake::new(&paths, article_explorer::corpus::IntakeOptions { max_bytes });
            let what = CorpusOutput { articles: output != "aggregate", aggregate: output != "articles" };
            run_corpus(&engine, intake, &summary, &terms, period, threads, what)
        }
        Command::Schema { of } => {
            let schema = match of.as_str() {
                "comparison" => article_explorer::comparison_schema(),
                "concordance" => article_explorer::concordance_schema(),
                "alignment" => article_explorer::alignment_schema(),
                "summary" => article_explorer::corpus::summary_schema(),
                _ => article_explorer::report_schema(),
            };
            print_json(&schema, true)
        }
    }
}

/// Which lines `corpus` prints.
struct CorpusOutput {
    articles: bool,
    aggregate: bool,
}

/// One article's line: its summary with its path and, for a duplicate, the first article with
/// the same text (flat, so DuckDB, pandas or Spark read every field as a column).
#[derive(serde::Serialize)]
struct ArticleLine<'a> {
    kind: &'static str,
    path: &'a str,
    duplicate_of: Option<&'a str>,
    #[serde(flatten)]
    summary: &'a article_explorer::corpus::ArticleSummary,
}

/// The last line: what the whole corpus holds.
#[derive(serde::Serialize)]
struct AggregateLine {
    kind: &'static str,
    /// Articles read (duplicates included).
    articles: usize,
    /// Distinct articles with a date (those the periods count).
    dated: usize,
    /// Paths that did not become articles.
    skipped: usize,
    trends: article_explorer::corpus::Trends,
}

/// Summarizes a corpus on `threads` threads, printing JSON Lines in input order: an article line
/// per article, a `skipped` line per unreadable path (also on standard error), then the aggregate.
fn run_corpus(
    engine: &Engine,
    intake: article_explorer::corpus::Intake,
    summary: &article_explorer::corpus::SummaryOptions,
    terms: &[String],
    period: article_explorer::corpus::Period,
    threads: usize,
    what: CorpusOutput,
) -> Result<(), String> {
    use article_explorer::corpus::{Outcome, TermQuery, TrendAccumulator};
    let queries = terms.iter().map(|t| TermQuery::new(engine, t, &summary.analysis)).collect();
    // The aggregate keeps counts per period, not every article's id: memory stays bounded.
    let mut trends = TrendAccumulator::new(period, queries).without_ids();
    let (mut articles, mut skipped) = (0usize, 0usize);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    article_explorer::corpus::summarize_stream(engine, intake, summary, threads, &mut |outcome| match outcome {
        Outcome::Article(s, duplicate_of) => {
            articles += 1;
            trends.add_checked(&s, duplicate_of.is_some());
            if what.articles {
                line(&ArticleLine { kind: "article", path: &s.id, duplicate_of: duplicate_of.as_deref(), summary: &s }, &mut out)?;
            }
            Ok(())
        }
        Outcome::Skipped(s) => {
            skipped += 1;
            eprintln!("article-explorer: skipped {}: {}", s.path, s.message);
            #[derive(serde::Serialize)]
            struct SkippedLine<'a> {
                kind: &'static str,
                #[serde(flatten)]
                skipped: &'a article_explorer::corpus::Skipped,
            }
            if what.articles { line(&SkippedLine { kind: "skipped", skipped: &s }, &mut out) } else { Ok(()) }
        }
    })?;
    let trends = trends.finish();
    if what.aggregate {
        let dated = trends.rows.iter().map(|r| r.articles).sum();
        line(&AggregateLine { kind: "aggregate", articles, dated, skipped, trends }, &mut out)?;
    }
    out.flush().map_err(write_error)
}

/// Writes `value` as one line of JSON.
fn line<T: serde::Serialize>(value: &T, out: &mut impl Write) -> Result<(), String> {
    serde_json::to_writer(&mut *out, value).map_err(|e| format!("could not write the result: {e}"))?;
    writeln!(out).map_err(write_error)
}

impl EngineArgs {
    /// The run's engine: the built-in lists and dictionary, plus the user's words and official
    /// terms (the built-in list unless dropped, then the file's, the flags', less the dropped ones).
    fn build(&self) -> Result<Engine, String> {
        let mut engine = Engine::new();
        if self.no_builtin_official_terms {
            engine.set_official_terms(article_explorer::OfficialTerms::default());
        }
        let mut add = |term: &str, place: &dyn Fn() -> String| {
            if engine.add_official_term(term) { Ok(()) } else { Err(format!("{}: an official term is one word without spaces: {term:?}", place())) }
        };
        if let Some(path) = &self.official_terms {
            for (n, line) in read_input(path)?.lines().enumerate() {
                let line = line.trim();
                if !line.is_empty() && !line.starts_with('#') {
                    add(line, &|| format!("{path}, line {}", n + 1))?;
                }
            }
        }
        for term in &self.official_term {
            add(term, &|| "--official-term".to_string())?;
        }
        for term in &self.drop_official_term {
            engine.remove_official_term(term);
        }
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
