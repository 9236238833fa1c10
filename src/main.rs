//! The command-line front door: prints the same report as the page gets, as JSON.

use std::io::{Read, Write};
use std::process::ExitCode;

use article_explorer::{LanguageChoice, Options, analyze, decode_text, parse_date};

const USAGE: &str = "\
usage: article-explorer analyze [--dct YYYY-MM-DD] [--lang auto|en|zh] [--pretty] [--tokens] [FILE|-]

Reads FILE (or standard input when FILE is - or absent) and prints the analysis report as JSON.
  --dct DATE   reference date for relative expressions (wins over the text's own dateline)
  --lang L     language rules: auto (default, per paragraph), en or zh
  --pretty     indent the JSON
  --tokens     include every token (word, number, punctuation) in the report

usage: article-explorer segment [--user-dict FILE] [FILE|-]

Prints each input line's words separated by two spaces (the SIGHAN bakeoff format): Chinese cut by
jieba with the embedded dictionary, other text by Unicode word boundaries, punctuation kept.
  --user-dict FILE  extra words, one per line (`word [frequency]`), kept whole

usage: article-explorer compare [--pretty] FILE_A FILE_B

Prints the keyness of two texts against each other as JSON: the words each over-uses relative to
the other (log-likelihood, log ratio), as the page's comparison shows them.

usage: article-explorer concordance [--context N] [--limit N] [--mode term|exact|text] QUERY [FILE|-]

Prints the occurrences of a word or phrase with their context (KWIC) as JSON.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("article-explorer: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<(), String> {
    let Some((command, rest)) = args.split_first() else { return Err(format!("no command given\n{USAGE}")) };
    match command.as_str() {
        "analyze" => analyze_command(rest),
        "segment" => segment_command(rest),
        "compare" => compare_command(rest),
        "concordance" => concordance_command(rest),
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            Ok(())
        }
        other => Err(format!("unknown command {other:?}\n{USAGE}")),
    }
}

fn analyze_command(args: &[String]) -> Result<(), String> {
    let mut options = Options::default();
    let mut pretty = false;
    let mut input: Option<&str> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--dct" => options.dct = Some(parse_date(it.next().ok_or("--dct needs a date")?)?),
            "--lang" => options.lang = it.next().ok_or("--lang needs auto, en or zh")?.parse::<LanguageChoice>()?,
            "--pretty" => pretty = true,
            "--tokens" => options.tokens = true,
            "-" => input = Some("-"),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag:?}\n{USAGE}")),
            path if input.is_none() => input = Some(path),
            extra => return Err(format!("unexpected argument {extra:?}: give one FILE")),
        }
    }
    let text = read_input(input.unwrap_or("-"))?;
    let report = analyze(&text, &options);
    let json = if pretty { serde_json::to_string_pretty(&report) } else { serde_json::to_string(&report) }
        .map_err(|e| format!("could not write the report: {e}"))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(|e| format!("could not write to standard output: {e}"))
}

fn segment_command(args: &[String]) -> Result<(), String> {
    let mut input: Option<&str> = None;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--user-dict" => {
                let path = it.next().ok_or("--user-dict needs a file")?;
                for line in read_input(path)?.lines() {
                    let mut parts = line.split_whitespace();
                    if let Some(word) = parts.next().filter(|w| !w.starts_with('#')) {
                        article_explorer::add_chinese_word(word, parts.next().and_then(|f| f.parse().ok()));
                    }
                }
            }
            "-" => input = Some("-"),
            flag if flag.starts_with("--") => return Err(format!("unknown option {flag:?}\n{USAGE}")),
            path if input.is_none() => input = Some(path),
            extra => return Err(format!("unexpected argument {extra:?}: give one FILE")),
        }
    }
    let text = read_input(input.unwrap_or("-"))?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in text.lines() {
        writeln!(out, "{}", article_explorer::segment_line(line).join("  ")).map_err(|e| format!("could not write to standard output: {e}"))?;
    }
    out.flush().map_err(|e| format!("could not write to standard output: {e}"))
}

fn print_json<T: serde::Serialize>(value: &T, pretty: bool) -> Result<(), String> {
    let json = if pretty { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) }
        .map_err(|e| format!("could not write the result: {e}"))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{json}").map_err(|e| format!("could not write to standard output: {e}"))
}

fn compare_command(args: &[String]) -> Result<(), String> {
    let pretty = args.iter().any(|a| a == "--pretty");
    let files: Vec<&String> = args.iter().filter(|a| *a != "--pretty").collect();
    let [a, b] = files[..] else { return Err(format!("compare needs two files\n{USAGE}")) };
    let (a, b) = (read_input(a)?, read_input(b)?);
    print_json(&article_explorer::compare(&a, &b, &Options::default()), pretty)
}

fn concordance_command(args: &[String]) -> Result<(), String> {
    let mut query_options = article_explorer::ConcordanceOptions::default();
    let mut rest: Vec<&str> = Vec::new();
    let mut it = args.iter();
    let number = |v: Option<&String>, flag: &str| v.and_then(|v| v.parse::<usize>().ok()).ok_or(format!("{flag} needs a number"));
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--context" => query_options.context = number(it.next(), "--context")?,
            "--limit" => query_options.limit = number(it.next(), "--limit")?,
            "--mode" => {
                query_options.mode = match it.next().map(String::as_str) {
                    Some("term") => article_explorer::MatchMode::Term,
                    Some("exact") => article_explorer::MatchMode::Exact,
                    Some("text") => article_explorer::MatchMode::Text,
                    _ => return Err("--mode needs term, exact or text".into()),
                }
            }
            other => rest.push(other),
        }
    }
    let Some((query, files)) = rest.split_first() else { return Err(format!("concordance needs a query\n{USAGE}")) };
    let text = read_input(files.first().copied().unwrap_or("-"))?;
    let index = article_explorer::Concordance::new(&text, &Options::default());
    print_json(&index.query(query, &query_options), true)
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
