//! The `pathways` command: serve the app, run the demo, migrate, and manage the catalog.

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand, ValueEnum};
use pathways::app;
use pathways::auth::oidc;
use pathways::backup;
use pathways::catalog::{self, CatalogStore, LoadOutcome, case};
use pathways::config::{Config, LogFormat, redact_url};
use pathways::db::Db;
use pathways::explore;
use pathways::i18n::Lang;
use pathways::oneroster;
use pathways::orgs::{self, DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSpec};
use pathways::progress;

/// The imports allocate millions of small strings; mimalloc does that far faster than the
/// system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "pathways",
    version,
    about = "Career pathways for school districts, built on the National Career Clusters® Framework"
)]
#[command(
    after_help = "Examples:\n  pathways demo                      # demo district on var/demo.db at http://127.0.0.1:8080\n  pathways serve --database-url postgres://app@db/pathways\n  pathways catalog stats --json"
)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct GlobalArgs {
    /// Database URL: sqlite://PATH or postgres://USER@HOST/DATABASE [default: sqlite://var/pathways.db; demo: sqlite://var/demo.db]
    #[arg(long, env = "PATHWAYS_DATABASE_URL", global = true, hide_env_values = true)]
    database_url: Option<String>,
    /// Read replica for reports (same backend as the database); reports read the database when unset
    #[arg(long, env = "PATHWAYS_REPORTS_DATABASE_URL", global = true, hide_env_values = true)]
    reports_database_url: Option<String>,
    /// Reference data folder with career-clusters/ and onet/ [default: ./data if present, else ../shared/data]
    #[arg(long, env = "PATHWAYS_DATA_DIR", global = true)]
    data_dir: Option<PathBuf>,
    /// Address to listen on
    #[arg(long, env = "PATHWAYS_BIND", global = true, default_value = "127.0.0.1:8080")]
    bind: SocketAddr,
    /// Public base URL used in links that leave the page (CASE identifiers)
    #[arg(long, env = "PATHWAYS_PUBLIC_URL", global = true)]
    public_url: Option<String>,
    /// Log format
    #[arg(long, env = "PATHWAYS_LOG_FORMAT", global = true, value_enum, default_value = "pretty")]
    log_format: LogFormat,
    /// Longest time a web request may take, in seconds, before the server answers 408
    #[arg(long, env = "PATHWAYS_REQUEST_TIMEOUT", global = true, default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..=3600))]
    request_timeout: u64,
}

impl GlobalArgs {
    fn config(&self, default_database: &str) -> Config {
        Config {
            database_url: self.database_url.clone().unwrap_or_else(|| default_database.to_string()),
            reports_database_url: self.reports_database_url.clone(),
            data_dir: self.data_dir.clone(),
            bind: self.bind,
            public_url: self.public_url.clone(),
            log_format: self.log_format,
            request_timeout: std::time::Duration::from_secs(self.request_timeout),
        }
    }
}

const DEFAULT_DATABASE: &str = "sqlite://var/pathways.db";
const DEMO_DATABASE: &str = "sqlite://var/demo.db";

#[derive(Subcommand)]
enum Command {
    /// Start the web server (migrates, and loads the catalog into an empty database)
    #[command(
        after_help = "Example:\n  pathways serve --bind 0.0.0.0:8080 --database-url postgres://app@db.internal/pathways"
    )]
    Serve,
    /// Run the demo: var/demo.db with the catalog and a generated demo district, served at
    /// http://127.0.0.1:8080; prints the demo accounts
    #[command(
        after_help = "Examples:\n  pathways demo\n  pathways demo --bind 127.0.0.1:9000\n  pathways demo --students 50000 --database-url sqlite://var/big.db"
    )]
    Demo {
        /// Students in the generated district (when the database has no district yet)
        #[arg(long, default_value_t = 3000, value_parser = clap::value_parser!(u32).range(7..=200_000))]
        students: u32,
        /// Write the demo district as a OneRoster 1.2 CSV set into DIR and exit
        #[arg(long, value_name = "DIR")]
        export_oneroster: Option<PathBuf>,
    },
    /// Import people and classes: OneRoster 1.1/1.2 CSV sets
    #[command(subcommand)]
    Import(ImportCommand),
    /// Single sign-on: a district's OpenID Connect providers (Google, Microsoft, Clever, ClassLink)
    #[command(subcommand)]
    SignIn(SignInCommand),
    /// API tokens for a district's integrations (student information system, reporting)
    #[command(subcommand)]
    ApiToken(ApiTokenCommand),
    /// Write a consistent snapshot of the whole database to FILE, while it keeps serving
    #[command(
        after_help = "Examples:\n  pathways backup backups/pathways-2026-12-01.db\n  pathways backup --database-url postgres://app@db.internal/pathways pathways.zip"
    )]
    Backup {
        /// Where to write the backup (replaced only once the snapshot is complete)
        file: PathBuf,
    },
    /// Replace every row of the database with a backup made by `pathways backup`
    #[command(after_help = "Example:\n  pathways restore backups/pathways-2026-12-01.db --yes")]
    Restore {
        /// The backup to restore
        file: PathBuf,
        /// Confirm that the database's current contents are to be replaced
        #[arg(long)]
        yes: bool,
    },
    /// Keep student records only as long as each district set: anonymize the records of
    /// students past their district's retention period (run daily, e.g. from cron)
    #[command(subcommand)]
    Retention(RetentionCommand),
    /// A mixed workload against a running server on a demo district (students, counselors,
    /// administrators, visitors, password sign-ins) for a bounded time: p50/p99 per route,
    /// errors and lost writes, then the student dashboard's throughput against a static
    /// route. Exits 1 on any error or lost write
    #[command(
        after_help = "Example:\n  pathways demo --students 50000 --database-url sqlite://var/big.db &\n  pathways load-test --url http://127.0.0.1:8080 --database-url sqlite://var/big.db --seconds 180"
    )]
    LoadTest {
        /// The running server (on the same database)
        #[arg(long)]
        url: String,
        /// Clients at once in the mixed workload
        #[arg(long, default_value_t = 100, value_parser = clap::value_parser!(u32).range(10..=2000))]
        clients: u32,
        /// How long the mixed workload runs (the dashboard phase runs a quarter of it, at least 3 s, per route)
        #[arg(long, default_value_t = 180, value_parser = clap::value_parser!(u64).range(1..=3600))]
        seconds: u64,
        /// Each client's pause between rounds, in milliseconds (a person reading a page)
        #[arg(long, default_value_t = 500, value_parser = clap::value_parser!(u64).range(0..=60_000))]
        think_ms: u64,
        /// Clients at once in the dashboard-vs-static phase
        #[arg(long, default_value_t = 8, value_parser = clap::value_parser!(u32).range(1..=1000))]
        dashboard_clients: u32,
    },
    /// Apply pending database migrations and exit
    #[command(after_help = "Example:\n  pathways migrate --database-url postgres://app@db.internal/pathways")]
    Migrate,
    /// Load, inspect and export the Career Clusters catalog
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// Match what students like to clusters and occupations, and evaluate the matcher
    #[command(subcommand)]
    Explore(ExploreCommand),
    /// Individual learning plans: a load test of many editors at once
    #[command(subcommand)]
    Plans(PlansCommand),
    /// Classroom: careers a unit opens, and how good those suggestions are
    #[command(subcommand)]
    Classroom(ClassroomCommand),
    /// Insights for administrators: the equity report's benchmark and load test
    #[command(subcommand)]
    Insights(InsightsCommand),
}

#[derive(Subcommand)]
enum InsightsCommand {
    /// Time the district's equity report (every student group, suppressed) straight from the
    /// database, and write the data it reads as CSV files with the unsuppressed counts, so
    /// another engine can compute the same aggregates and be compared
    #[command(
        after_help = "Example:\n  pathways insights bench --database-url sqlite://var/big.db --district riverbend --export /tmp/equity"
    )]
    Bench {
        /// The district's short name
        #[arg(long, default_value = "riverbend")]
        district: String,
        /// Runs to time (the median is printed)
        #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u32).range(1..=100))]
        runs: u32,
        /// Write the data as CSV files and counts.csv into DIR
        #[arg(long, value_name = "DIR")]
        export: Option<PathBuf>,
    },
    /// Open the equity dashboard as many district administrators at once against a running
    /// server for a bounded time; prints p50/p99 beside a /healthz baseline. Exits 1 on any error
    #[command(
        after_help = "Example:\n  pathways insights load-test --url http://127.0.0.1:8080 --database-url sqlite://var/big.db"
    )]
    LoadTest {
        /// The running server (on the same database)
        #[arg(long)]
        url: String,
        /// Administrators at once
        #[arg(long, default_value_t = 16, value_parser = clap::value_parser!(u32).range(1..=1000))]
        clients: u32,
        /// How long the load runs
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=3600))]
        seconds: u64,
    },
}

#[derive(Subcommand)]
enum ClassroomCommand {
    /// Suggest the sub-clusters, clusters and occupations a unit on TOPIC in SUBJECT opens,
    /// each with the reason, and the lessons shared with every district that teach them
    #[command(
        after_help = "Examples:\n  pathways classroom suggest \"English 10\" \"Hamlet\"\n  pathways classroom suggest \"Biología\" \"células\" --lang es --json"
    )]
    Suggest {
        /// The subject or course, e.g. "Algebra I"
        subject: String,
        /// The unit's topic, e.g. "exponential growth"
        topic: String,
        /// Print one JSON object
        #[arg(long)]
        json: bool,
        /// Language of the names and reasons
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Measure the suggestions: hit@3 of sub-clusters and clusters on the labeled units,
    /// per language, against the Explore matcher alone
    #[command(after_help = "Examples:\n  pathways classroom eval\n  pathways classroom eval --misses")]
    Eval {
        /// Print the scores as JSON
        #[arg(long)]
        json: bool,
        /// List the labeled units whose acceptable sub-clusters miss the top 3
        #[arg(long)]
        misses: bool,
    },
}

#[derive(Subcommand)]
enum PlansCommand {
    /// Edit plans with many editors at once against a running server for a bounded time,
    /// then check that every saved write is in the database; prints p50/p99 latency beside
    /// a /healthz baseline. Exits 1 on any error or lost write
    #[command(
        after_help = "Example:\n  pathways plans load-test --url http://127.0.0.1:8080 --database-url sqlite://var/demo.db"
    )]
    LoadTest {
        /// The running server (on the same database)
        #[arg(long)]
        url: String,
        /// Editors at once: half students on their own plans, half counselors on shared plans
        #[arg(long, default_value_t = 200, value_parser = clap::value_parser!(u32).range(20..=2000))]
        editors: u32,
        /// How long the editing runs
        #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u64).range(1..=3600))]
        seconds: u64,
    },
}

#[derive(Subcommand)]
enum ImportCommand {
    /// Import a OneRoster 1.1 or 1.2 CSV set (a folder or a .zip): everything or nothing.
    /// Exits 0 when imported (warnings allowed), 2 when rejected (nothing was written)
    #[command(
        after_help = "Examples:\n  pathways import oneroster roster.zip\n  pathways import oneroster exports/2026-09-01/ --dry-run --report report.json\n  pathways import oneroster delta.zip --district riverbend   # a delta set without orgs.csv"
    )]
    Oneroster {
        /// The set: a folder of CSV files or a zip of them
        path: PathBuf,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Also write the report as JSON to FILE
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// The district (slug) of a delta set that has no district row
        #[arg(long, value_name = "SLUG")]
        district: Option<String>,
    },
    /// Import the district's program flags for equity reports (economically disadvantaged,
    /// English learner, IEP/504), one row per student matched by sourcedId or email
    #[command(
        after_help = "Example:\n  pathways import student-attributes flags.csv\n\nThe file: sourcedId (or email),economicallyDisadvantaged,englishLearner,iep504\nwith yes/no, true/false, Y/N or 1/0; empty means unknown."
    )]
    StudentAttributes {
        /// The CSV file
        file: PathBuf,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Also write the report as JSON to FILE
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// The district (slug), when the instance has several
        #[arg(long, value_name = "SLUG")]
        district: Option<String>,
    },
    /// Import the district's regional labor demand (replacing the national BLS projections in
    /// the gap analysis): one row per 2018 SOC occupation, all or nothing
    #[command(
        after_help = "Example:\n  pathways import labor-demand county-projections.csv --region \"Riverbend County 2024-2034\"\n\nThe file: soc_code,annual_openings[,median_wage][,growth_percent][,title]; the spellings of\nBLS and state labor-market files (OCC_CODE, Annual Openings, A_MEDIAN, Percent Change) are read too."
    )]
    LaborDemand {
        /// The CSV file
        file: PathBuf,
        /// How reports name the figures (the file's name when not given)
        #[arg(long)]
        region: Option<String>,
        /// Check everything, write nothing
        #[arg(long)]
        dry_run: bool,
        /// Also write the report as JSON to FILE
        #[arg(long, value_name = "FILE")]
        report: Option<PathBuf>,
        /// The district (slug), when the instance has several
        #[arg(long, value_name = "SLUG")]
        district: Option<String>,
    },
}

#[derive(Subcommand)]
enum ApiTokenCommand {
    /// Create a token and print it; it is shown this once (Pathways keeps only its hash)
    #[command(
        after_help = "Example:\n  pathways api-token create --district riverbend --name \"SIS sync\" --scope roster:import --scope roster:read"
    )]
    Create {
        /// The district's slug
        #[arg(long)]
        district: String,
        /// What the token is for, as administrators will see it listed
        #[arg(long)]
        name: String,
        /// roster:read, roster:import or reports:read; repeat for several
        #[arg(long = "scope", required = true)]
        scopes: Vec<String>,
    },
}

#[derive(Subcommand)]
enum RetentionCommand {
    /// Anonymize, in every district (or one), the records of students who left the roster
    /// longer ago than the district's retention period; each is written to the audit log
    #[command(
        after_help = "Examples:\n  pathways retention apply\n  pathways retention apply --district riverbend --dry-run"
    )]
    Apply {
        /// Only this district (its slug)
        #[arg(long)]
        district: Option<String>,
        /// Count the records past the period without changing anything
        #[arg(long)]
        dry_run: bool,
    },
}

#[derive(Subcommand)]
enum SignInCommand {
    /// Add a provider to a district (or replace the one with the same label). Register
    /// PUBLIC_URL/signin/oidc/callback as the redirect URI with the provider
    #[command(
        after_help = "Examples:\n  pathways sign-in add --district riverbend --label Google --issuer https://accounts.google.com \\\n      --client-id 1234.apps.googleusercontent.com --client-secret \"$SECRET\"\n  pathways sign-in add --district riverbend --label Clever --issuer https://clever.com \\\n      --client-id abc --match roster-id --roster-claim sub"
    )]
    Add {
        /// The district (slug)
        #[arg(long, value_name = "SLUG")]
        district: String,
        /// The button says "Sign in with LABEL"
        #[arg(long)]
        label: String,
        /// The provider's issuer URL (its discovery document is ISSUER/.well-known/openid-configuration)
        #[arg(long)]
        issuer: String,
        #[arg(long)]
        client_id: String,
        /// Leave out for a public client (PKCE alone)
        #[arg(long, env = "PATHWAYS_OIDC_CLIENT_SECRET", hide_env_values = true)]
        client_secret: Option<String>,
        /// Match the provider's account to a Pathways user by verified email or by roster id
        #[arg(long = "match", value_enum, default_value = "email")]
        match_by: MatchRule,
        /// The claim that holds the roster sourcedId, when matching by roster id
        #[arg(long, default_value = "sub")]
        roster_claim: String,
    },
    /// List a district's providers
    List {
        #[arg(long, value_name = "SLUG")]
        district: String,
    },
    /// Remove a district's provider
    Remove {
        #[arg(long, value_name = "SLUG")]
        district: String,
        #[arg(long)]
        label: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum MatchRule {
    Email,
    RosterId,
}

#[derive(Subcommand)]
enum ExploreCommand {
    /// Match free text (English or Spanish) to clusters, sub-clusters and occupations
    #[command(
        after_help = "Examples:\n  pathways explore match \"I like helping people\" --json\n  pathways explore match --batch phrases.txt   # one phrase per line, one JSON object per line\n  echo \"me gusta arreglar carros\" | pathways explore match --batch -"
    )]
    Match {
        /// The text to match
        text: Option<String>,
        /// Print one JSON object (the default with --batch)
        #[arg(long)]
        json: bool,
        /// Read one phrase per line from FILE (`-` for standard input)
        #[arg(long, value_name = "FILE")]
        batch: Option<PathBuf>,
        /// Language of the reasons
        #[arg(long, default_value = "en")]
        lang: String,
    },
    /// Measure the matcher: hit@1/hit@3 of clusters, hit@3 of sub-clusters, occupation MRR,
    /// per language, on the labeled phrases and on O*NET reported titles (left out of the
    /// index while tested), against a titles-only BM25 baseline
    #[command(
        after_help = "Examples:\n  pathways explore eval\n  pathways explore eval --misses   # also list the labeled phrases it gets wrong\n  pathways explore eval --json"
    )]
    Eval {
        /// Print the scores as JSON
        #[arg(long)]
        json: bool,
        /// List the labeled phrases whose acceptable clusters are not in the top 3
        #[arg(long)]
        misses: bool,
        /// Skip the reported-titles set (it takes longer)
        #[arg(long)]
        labeled_only: bool,
        /// Evaluate this labeled file (same format as src/explore/eval/labeled.tsv) instead
        #[arg(long, value_name = "FILE")]
        labeled: Option<PathBuf>,
    },
    /// Time the index build and single-query latency (p50, p99) against baselines
    #[command(after_help = "Example:\n  pathways explore bench")]
    Bench,
}

#[derive(Subcommand)]
enum CatalogCommand {
    /// Load the reference data into the database in one transaction (a no-op when unchanged)
    #[command(
        after_help = "Example:\n  pathways catalog load --data-dir ../shared/data\n  pathways catalog load --force   # rewrite even if the data did not change"
    )]
    Load {
        /// Rewrite every row even when the data is unchanged
        #[arg(long)]
        force: bool,
    },
    /// Read and check the reference data without writing anything
    #[command(after_help = "Example:\n  pathways catalog check --data-dir ./data")]
    Check,
    /// Count what the catalog holds
    #[command(after_help = "Example:\n  pathways catalog stats --json")]
    Stats {
        /// Print JSON instead of a table
        #[arg(long)]
        json: bool,
    },
    /// Export the framework
    #[command(after_help = "Example:\n  pathways catalog export --format case > framework.json")]
    Export {
        /// Export format
        #[arg(long, value_enum, default_value = "case")]
        format: ExportFormat,
        /// Write to this file instead of standard output
        #[arg(long)]
        output: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum ExportFormat {
    /// 1EdTech CASE 1.0 CFPackage JSON
    Case,
}

/// Writes a line to standard output, returning an error instead of panicking when the
/// reader has gone away (`pathways explore match ... | head`).
macro_rules! out {
    ($($arg:tt)*) => {
        writeln!(std::io::stdout().lock(), $($arg)*)
    };
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(cli.global.log_format);
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: could not start the async runtime: {error}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(run(cli)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) if let Some(Rejected) = error.downcast_ref::<Rejected>() => ExitCode::from(2),
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Prints an import report, writes it as JSON when asked, and fails with 2 when rejected.
fn finish_import(outcome: &oneroster::Report, json_file: Option<&std::path::Path>) -> anyhow::Result<()> {
    out!("{}", outcome.to_text())?;
    if let Some(file) = json_file {
        let json = serde_json::to_string_pretty(outcome)?;
        std::fs::write(file, json).with_context(|| format!("could not write the report to {}", file.display()))?;
    }
    if outcome.status == oneroster::Status::Rejected { Err(Rejected.into()) } else { Ok(()) }
}

/// The input was refused; its report is already printed. Exits with 2.
#[derive(Debug, thiserror::Error)]
#[error("rejected")]
struct Rejected;

/// True when the output was closed by its reader, which is not an error worth reporting.
/// A database failure during an import, said so that people know what to do and that
/// nothing of the import was written (each import is one transaction).
fn write_failed(error: sqlx::Error) -> anyhow::Error {
    let code = match &error {
        sqlx::Error::Database(e) => e.code().map(|c| c.into_owned()).unwrap_or_default(),
        _ => String::new(),
    };
    // SQLite: 13 is SQLITE_FULL, and every SQLITE_IOERR_* has 10 in its low byte.
    let sqlite_io = code.parse::<u32>().is_ok_and(|n| n & 0xff == 10);
    let cause = if code == "13" || code == "53100" {
        "the database's disk is full"
    } else if sqlite_io {
        "the database file could not be written (is the disk full, or a file size limit reached?)"
    } else {
        "the database failed"
    };
    anyhow::anyhow!("{cause} ({error}). Nothing of this import was written: fix that and run it again.")
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .chain()
        .any(|e| e.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

fn init_logging(format: LogFormat) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("PATHWAYS_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    match format {
        LogFormat::Json => builder.json().init(),
        LogFormat::Pretty => builder.compact().init(),
    }
}

async fn run(cli: Cli) -> anyhow::Result<()> {
    match cli.command {
        Command::Serve => serve(cli.global.config(DEFAULT_DATABASE), None).await,
        Command::Demo { students, export_oneroster: Some(dir) } => {
            let db = catalog_db(&cli.global.config(DEMO_DATABASE)).await?;
            orgs::create_demo_district(&db, &DemoSpec::standard(students as usize)).await?;
            let users = oneroster::export::export_district(&db, &DemoSpec::standard(0).slug, &dir).await?;
            out!("Wrote the demo district ({users} people) as a OneRoster 1.2 set to {}", dir.display())?;
            Ok(())
        }
        Command::Demo { students, export_oneroster: None } => {
            serve(cli.global.config(DEMO_DATABASE), Some(students as usize)).await
        }
        Command::Import(ImportCommand::Oneroster { path, dry_run, report, district }) => {
            let db = Db::connect(&cli.global.config(DEFAULT_DATABASE).database_url).await?;
            db.migrate().await?;
            let options = oneroster::Options { dry_run, district, ..Default::default() };
            let outcome = oneroster::import(&db, &path, &options, progress::for_terminal().as_ref())
                .await
                .map_err(write_failed)?;
            finish_import(&outcome, report.as_deref())
        }
        Command::Import(ImportCommand::StudentAttributes { file, dry_run, report, district }) => {
            let db = Db::connect(&cli.global.config(DEFAULT_DATABASE).database_url).await?;
            db.migrate().await?;
            let outcome =
                oneroster::attributes::import(&db, &file, district.as_deref(), dry_run).await.map_err(write_failed)?;
            finish_import(&outcome, report.as_deref())
        }
        Command::Import(ImportCommand::LaborDemand { file, region, dry_run, report, district }) => {
            use pathways::insights::labor;
            let db = Db::connect(&cli.global.config(DEFAULT_DATABASE).database_url).await?;
            db.migrate().await?;
            let district = match district {
                Some(slug) => district_id(&db, &slug).await?,
                None => only_district(&db).await?,
            };
            let file_name =
                file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
            let region = region.unwrap_or_else(|| file_name.clone());
            let import = labor::Import { district, region: &region, file_name: &file_name, actor: None, dry_run };
            let outcome = labor::import(&db, &file, &import).await.map_err(write_failed)?;
            finish_import(&outcome, report.as_deref())
        }
        Command::Backup { file } => {
            let config = cli.global.config(DEFAULT_DATABASE);
            let db = Db::connect(&config.database_url).await?;
            let started = std::time::Instant::now();
            let summary = backup::backup(&db, &file, time::OffsetDateTime::now_utc()).await?;
            let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
            out!(
                "backup of {} written to {}: {} tables, {} rows, {:.1} MB in {:.1} s",
                redact_url(&config.database_url),
                file.display(),
                summary.rows.len(),
                summary.total_rows(),
                bytes as f64 / 1e6,
                started.elapsed().as_secs_f64()
            )?;
            Ok(())
        }
        Command::Restore { file, yes } => {
            let config = cli.global.config(DEFAULT_DATABASE);
            if !yes {
                eprintln!(
                    "restoring {} replaces every row of {}; run again with --yes to go ahead",
                    file.display(),
                    redact_url(&config.database_url)
                );
                return Err(Rejected.into());
            }
            let db = Db::connect(&config.database_url).await?;
            let summary = backup::restore(&db, &file, time::OffsetDateTime::now_utc()).await?;
            out!(
                "restored {} into {}: {} tables, {} rows",
                file.display(),
                redact_url(&config.database_url),
                summary.rows.len(),
                summary.total_rows()
            )?;
            Ok(())
        }
        Command::Migrate => {
            let config = cli.global.config(DEFAULT_DATABASE);
            let db = Db::connect(&config.database_url).await?;
            db.migrate().await?;
            out!("migrations applied to {}", redact_url(&config.database_url))?;
            Ok(())
        }
        Command::Catalog(command) => run_catalog(command, cli.global.config(DEFAULT_DATABASE)).await,
        Command::Explore(command) => run_explore(command, cli.global.config(DEFAULT_DATABASE)).await,
        Command::LoadTest { url, clients, seconds, think_ms, dashboard_clients } => {
            let config = cli.global.config(DEFAULT_DATABASE);
            let db = Db::connect(&config.database_url).await?;
            let label = if config.database_url.starts_with("postgres") { "postgres" } else { "sqlite" };
            let shape = pathways::workload::Shape {
                clients: clients as usize,
                think: std::time::Duration::from_millis(think_ms),
                seconds,
                dashboard_clients: dashboard_clients as usize,
            };
            let lines = pathways::workload::run(&db, &url, &shape, label).await?;
            for line in lines {
                out!("{line}")?;
            }
            Ok(())
        }
        Command::Plans(PlansCommand::LoadTest { url, editors, seconds }) => {
            let config = cli.global.config(DEFAULT_DATABASE);
            let db = Db::connect(&config.database_url).await?;
            let label = if config.database_url.starts_with("postgres") { "postgres" } else { "sqlite" };
            for line in pathways::plans::load_test::run(&db, &url, editors as usize, seconds, label).await? {
                out!("{line}")?;
            }
            Ok(())
        }
        Command::SignIn(command) => run_sign_in(command, cli.global.config(DEFAULT_DATABASE)).await,
        Command::ApiToken(ApiTokenCommand::Create { district, name, scopes }) => {
            use pathways::auth::tokens::{self, Scope};
            let scopes = scopes
                .iter()
                .map(|text| {
                    Scope::parse(text).with_context(|| {
                        let known: Vec<&str> = Scope::ALL.iter().map(|s| s.as_str()).collect();
                        format!("unknown scope {text:?}: use {}", known.join(", "))
                    })
                })
                .collect::<anyhow::Result<Vec<Scope>>>()?;
            anyhow::ensure!(!name.trim().is_empty(), "give the token a --name that says what it is for");
            let db = Db::connect(&cli.global.config(DEFAULT_DATABASE).database_url).await?;
            db.migrate().await?;
            let district = district_id(&db, &district).await?;
            let (_, secret) =
                tokens::create(&db, district, &name, &scopes, None, time::OffsetDateTime::now_utc()).await?;
            eprintln!("API token {name:?} created; it is shown only now, so store it safely:");
            out!("{secret}")?;
            Ok(())
        }
        Command::Retention(RetentionCommand::Apply { district, dry_run }) => {
            use pathways::records::retention;
            let db = Db::connect(&cli.global.config(DEFAULT_DATABASE).database_url).await?;
            db.migrate().await?;
            let districts = match district {
                Some(slug) => vec![(district_id(&db, &slug).await?, slug)],
                None => orgs::store::district_slugs(&db).await?,
            };
            let now = time::OffsetDateTime::now_utc();
            for (district, slug) in districts {
                let Some(months) = retention::months(&db, district).await? else {
                    out!("{slug}: no retention period set; nothing anonymized")?;
                    continue;
                };
                if dry_run {
                    let (_, due) = retention::due(&db, district, Some(months), now).await?;
                    out!("{slug}: {} records past {months} months (dry run: nothing changed)", due.len())?;
                } else {
                    let done = retention::apply(&db, district, months, None, now).await?;
                    out!("{slug}: {done} records anonymized (past {months} months)")?;
                }
            }
            Ok(())
        }
        Command::Classroom(command) => run_classroom(command, cli.global.config(DEFAULT_DATABASE)).await,
        Command::Insights(InsightsCommand::Bench { district, runs, export }) => {
            use pathways::insights::bench;
            let db = Db::connect(&cli.global.config(DEFAULT_DATABASE).database_url).await?;
            let district = district_id(&db, &district).await?;
            let scope = bench::scope(district, time::OffsetDateTime::now_utc().date());
            if let Some(dir) = export {
                let (students, events) = bench::export(&db, district, &dir).await?;
                bench::write_counts(&db, &scope, &dir).await?;
                out!("exported {students} students and {events} events to {}", dir.display())?;
            }
            let times = bench::time_report(&db, &scope, runs as usize).await?;
            let ms = |d: &std::time::Duration| d.as_secs_f64() * 1000.0;
            let (median, low, high) = (ms(&times[times.len() / 2]), ms(&times[0]), ms(&times[times.len() - 1]));
            out!("equity_report_ms median {median:.1} min {low:.1} max {high:.1} runs {runs}")?;
            Ok(())
        }
        Command::Insights(InsightsCommand::LoadTest { url, clients, seconds }) => {
            let db = Db::connect(&cli.global.config(DEFAULT_DATABASE).database_url).await?;
            for line in pathways::insights::load_test::run(&db, &url, clients as usize, seconds).await? {
                out!("{line}")?;
            }
            Ok(())
        }
    }
}

/// The district of an instance that has only one.
async fn only_district(db: &Db) -> anyhow::Result<pathways::ids::DistrictId> {
    let districts = orgs::store::district_slugs(db).await?;
    match districts.as_slice() {
        [(id, _)] => Ok(*id),
        [] => anyhow::bail!("there is no district yet; import the roster first"),
        _ => {
            let slugs: Vec<&str> = districts.iter().map(|(_, slug)| slug.as_str()).collect();
            anyhow::bail!("several districts share this instance; choose one with --district ({})", slugs.join(", "))
        }
    }
}

async fn district_id(db: &Db, slug: &str) -> anyhow::Result<pathways::ids::DistrictId> {
    let found = orgs::store::district_by_slug(db, slug).await?;
    found.map(|(id, _)| id).with_context(|| format!("no district has the slug {slug:?}"))
}

async fn run_sign_in(command: SignInCommand, config: Config) -> anyhow::Result<()> {
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    match command {
        SignInCommand::Add { district, label, issuer, client_id, client_secret, match_by, roster_claim } => {
            let issuer = issuer.trim_end_matches('/').to_string();
            anyhow::ensure!(
                issuer.starts_with("https://")
                    || issuer.starts_with("http://127.0.0.1")
                    || issuer.starts_with("http://localhost"),
                "the issuer must be an https:// URL (plain http only on this machine)"
            );
            let provider = oidc::IdentityProvider {
                id: pathways::ids::IdentityProviderId::random(),
                district_id: district_id(&db, &district).await?,
                label: label.trim().to_string(),
                issuer,
                client_id,
                client_secret: client_secret.filter(|s| !s.is_empty()),
                match_by: match match_by {
                    MatchRule::Email => oidc::MatchBy::Email,
                    MatchRule::RosterId => oidc::MatchBy::RosterId,
                },
                roster_claim,
            };
            oidc::save_provider(&db, &provider, time::OffsetDateTime::now_utc()).await?;
            out!("{district} signs in with {} ({}).", provider.label, provider.issuer)?;
            out!(
                "Register this redirect URI with the provider: {}{}",
                config.resolved_public_url(),
                oidc::CALLBACK_PATH
            )?;
        }
        SignInCommand::List { district } => {
            for p in oidc::district_providers(&db, district_id(&db, &district).await?).await? {
                let secret = if p.client_secret.is_some() { "confidential" } else { "public" };
                out!("{}\t{}\tclient {} ({secret})\tmatch by {}", p.label, p.issuer, p.client_id, p.match_by.as_str())?;
            }
        }
        SignInCommand::Remove { district, label } => {
            let removed = oidc::remove_provider(&db, district_id(&db, &district).await?, &label).await?;
            anyhow::ensure!(removed, "{district} has no provider labeled {label:?}");
            out!("Removed {label} from {district}.")?;
        }
    }
    Ok(())
}

/// Serves the app; with `demo_students`, first generates the demo district if the database
/// has none, and prints the demo accounts.
async fn serve(mut config: Config, demo_students: Option<usize>) -> anyhow::Result<()> {
    tracing::info!(
        database = %redact_url(&config.database_url),
        reports = %config.reports_database_url.as_deref().map_or_else(|| "the database".into(), redact_url),
        data_dir = %config.resolved_data_dir().display(),
        "starting"
    );
    let listener = tokio::net::TcpListener::bind(config.bind).await.with_context(|| {
        format!("could not listen on {}; is another server using it? Try --bind 127.0.0.1:8081", config.bind)
    })?;
    // With port 0 the system chose one; links back to this server need the real one.
    config.bind = listener.local_addr()?;
    let state = app::prepare(config, progress::for_terminal().as_ref()).await?;
    if let Some(students) = demo_students {
        let started = std::time::Instant::now();
        if orgs::create_demo_district(&state.db, &DemoSpec::standard(students)).await? {
            let seconds = started.elapsed().as_secs_f64();
            out!("Generated the demo district with {students} students in {seconds:.1} s.")?;
        }
        out!("Demo accounts (password {DEMO_PASSWORD}):")?;
        for (email, role) in DEMO_ACCOUNTS {
            out!("  {email:<26} {role}")?;
        }
    }
    let address = listener.local_addr()?;
    out!("Pathways is running at http://{address}/  (press Ctrl-C to stop)")?;
    std::io::stdout().flush()?;
    app::serve(state, listener, app::shutdown_signal()).await?;
    Ok(())
}

/// Opens and migrates the database, loading the catalog if it is empty.
async fn catalog_db(config: &Config) -> anyhow::Result<Db> {
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    let progress = progress::for_terminal();
    catalog::ensure_loaded(&CatalogStore::new(db.clone()), &config.resolved_data_dir(), progress.as_ref()).await?;
    Ok(db)
}

/// The Explore index over the configured database.
async fn explore_index(config: &Config) -> anyhow::Result<explore::ExploreIndex> {
    Ok(explore::build_index(&catalog_db(config).await?).await?)
}

async fn run_explore(command: ExploreCommand, config: Config) -> anyhow::Result<()> {
    match command {
        ExploreCommand::Match { text, json, batch, lang } => {
            let lang = Lang::parse(&lang).with_context(|| format!("unknown language {lang:?}; use en or es"))?;
            let index = explore_index(&config).await?;
            match (text, batch) {
                (Some(text), None) => print_match(&index, &text, lang, json)?,
                (None, Some(path)) => {
                    let input: Box<dyn std::io::BufRead> = if path.as_os_str() == "-" {
                        Box::new(std::io::stdin().lock())
                    } else {
                        Box::new(std::io::BufReader::new(
                            std::fs::File::open(&path).with_context(|| format!("could not open {}", path.display()))?,
                        ))
                    };
                    for line in input.lines() {
                        let line = line?;
                        if !line.trim().is_empty() {
                            print_match(&index, line.trim(), lang, true)?;
                        }
                    }
                }
                _ => {
                    anyhow::bail!("give the text to match, or --batch FILE (or --batch - for standard input), not both")
                }
            }
        }
        ExploreCommand::Bench => {
            let db = catalog_db(&config).await?;
            for line in explore::bench::run(&db).await? {
                out!("{line}")?;
            }
        }
        ExploreCommand::Eval { json, misses, labeled_only, labeled } => {
            use explore::eval::{self, System};
            let db = catalog_db(&config).await?;
            let index = explore::build_index(&db).await?;
            let labeled = match labeled {
                Some(path) => eval::parse_labeled(
                    &std::fs::read_to_string(&path).with_context(|| format!("could not read {}", path.display()))?,
                ),
                None => eval::labeled_cases(),
            };
            let mut scores = Vec::new();
            for lang in Lang::ALL {
                for system in [System::Matcher, System::Baseline] {
                    scores.push(eval::score(&index, system, "labeled", lang, &labeled));
                }
            }
            if !labeled_only {
                let reported = eval::reported_title_cases(&index, &explore::store::reported_titles(&db).await?);
                for system in [System::Matcher, System::Baseline] {
                    scores.push(eval::score(&index, system, "reported-titles", Lang::En, &reported));
                }
            }
            if json {
                out!("{}", serde_json::to_string_pretty(&scores)?)?;
            } else {
                print!("{}", eval::table(&scores));
            }
            if misses {
                for (case, got) in eval::misses(&index, &labeled) {
                    let wanted =
                        if case.clusters.is_empty() { "(no guess)".to_string() } else { case.clusters.join(" ") };
                    out!("MISS {} {:?}: wanted {wanted}; got {}", case.lang.code(), case.text, got.join(" "))?;
                }
            }
        }
    }
    Ok(())
}

async fn run_classroom(command: ClassroomCommand, config: Config) -> anyhow::Result<()> {
    use pathways::classroom::{eval, store as lessons, suggest};
    match command {
        ClassroomCommand::Suggest { subject, topic, json, lang } => {
            let lang = Lang::parse(&lang).with_context(|| format!("unknown language {lang:?}; use en or es"))?;
            let db = catalog_db(&config).await?;
            let index = explore::build_index(&db).await?;
            let found = suggest::suggest(&index, &subject, &topic, lang);
            let filter = lessons::LibraryFilter { subclusters: found.subcluster_ids(3), ..Default::default() };
            let shared = lessons::shared_with_everyone(&db, &filter, 5).await?;
            if json {
                let lessons: Vec<_> = shared
                    .iter()
                    .map(|l| serde_json::json!({"id": l.id, "title": l.title, "subject": l.subject, "subclusters": l.tags.subclusters}))
                    .collect();
                let mut value = serde_json::to_value(&found)?;
                value["lessons"] = serde_json::Value::Array(lessons);
                out!("{}", serde_json::to_string_pretty(&value)?)?;
                return Ok(());
            }
            if found.is_empty() {
                out!("Nothing in {subject:?} / {topic:?} points to careers yet; name what students do in the unit.")?;
                return Ok(());
            }
            out!("Sub-clusters:")?;
            for s in &found.subclusters {
                out!("  {:<40} {:>5.2}  {}", s.name, s.score, s.reasons.join("; "))?;
            }
            out!("Clusters:")?;
            for c in &found.clusters {
                out!("  {:<40} {:>5.2}", c.name, c.score)?;
            }
            out!("Occupations:")?;
            for o in &found.occupations {
                out!("  {} {:<40} {}", o.id, o.name, o.reasons.first().map(String::as_str).unwrap_or_default())?;
            }
            if !shared.is_empty() {
                out!("Lessons shared with every district:")?;
                for l in &shared {
                    out!("  {} ({})", l.title, l.subject)?;
                }
            }
        }
        ClassroomCommand::Eval { json, misses } => {
            let db = catalog_db(&config).await?;
            let index = explore::build_index(&db).await?;
            let cases = eval::labeled_cases();
            let scores = eval::scores(&index, &cases);
            if json {
                out!("{}", serde_json::to_string_pretty(&scores)?)?;
            } else {
                print!("{}", eval::table(&scores));
            }
            if misses {
                for (case, got) in eval::misses(&index, &cases) {
                    out!(
                        "MISS {} {:?} / {:?}: wanted {}; got {}",
                        case.lang.code(),
                        case.subject,
                        case.topic,
                        case.subclusters.join(" "),
                        got.join(" ")
                    )?;
                }
            }
        }
    }
    Ok(())
}

fn print_match(index: &explore::ExploreIndex, text: &str, lang: Lang, json: bool) -> anyhow::Result<()> {
    let result = index.match_text(&explore::Query::new(text, lang));
    if json {
        out!("{}", serde_json::to_string(&result)?)?;
        return Ok(());
    }
    if result.no_signal {
        out!("No career signal in {text:?}; try naming things you like to do.")?;
        return Ok(());
    }
    for (label, items) in [
        (
            "Clusters",
            result.clusters.iter().take(5).map(|c| (c.name.clone(), c.score, c.reasons.clone())).collect::<Vec<_>>(),
        ),
        (
            "Sub-clusters",
            result.subclusters.iter().take(5).map(|s| (s.name.clone(), s.score, s.reasons.clone())).collect(),
        ),
        (
            "Occupations",
            result.occupations.iter().take(8).map(|o| (o.title.clone(), o.score, o.reasons.clone())).collect(),
        ),
    ] {
        out!("{label}:")?;
        for (name, score, reasons) in items {
            out!("  {score:>6.2}  {name}\n          {}", reasons.join("\n          "))?;
        }
    }
    Ok(())
}

async fn run_catalog(command: CatalogCommand, config: Config) -> anyhow::Result<()> {
    let data_dir = config.resolved_data_dir();
    if let CatalogCommand::Check = command {
        let source = catalog::source::read_catalog(&data_dir, progress::for_terminal().as_ref())?;
        let rows: usize = source.tables.iter().map(|t| t.rows.len()).sum();
        out!(
            "{}: {rows} rows in {} tables, all valid (fingerprint {})",
            data_dir.display(),
            source.tables.len(),
            &source.fingerprint[..12]
        )?;
        return Ok(());
    }
    let db = Db::connect(&config.database_url).await?;
    db.migrate().await?;
    let store = CatalogStore::new(db);
    match command {
        CatalogCommand::Load { force } => {
            match catalog::load_from_dir(&store, &data_dir, force, progress::for_terminal().as_ref()).await? {
                LoadOutcome::Unchanged => {
                    out!("catalog already up to date with {}; nothing changed", data_dir.display())?
                }
                LoadOutcome::Loaded { rows } => out!("catalog loaded from {}: {rows} rows", data_dir.display())?,
            }
        }
        CatalogCommand::Stats { json } => {
            let stats = store.stats().await?;
            let value = serde_json::to_value(&stats)?;
            if json {
                out!("{}", serde_json::to_string_pretty(&value)?)?;
            } else if let serde_json::Value::Object(map) = value {
                for (name, count) in map {
                    out!("{name:<28} {count:>8}")?;
                }
            }
        }
        CatalogCommand::Export { format: ExportFormat::Case, output } => {
            let package =
                case::package(&store, &config.resolved_public_url()).await.map_err(|e| anyhow::anyhow!("{e}"))?;
            let text = serde_json::to_string_pretty(&package)?;
            match output {
                Some(path) => {
                    std::fs::write(&path, text + "\n").with_context(|| format!("could not write {}", path.display()))?
                }
                None => out!("{text}")?,
            }
        }
        CatalogCommand::Check => unreachable!("handled above"),
    }
    Ok(())
}
