//! `gongkai bench documents --docs N`: stores N generated documents (the corpus of
//! `bench corpus`) in the data directory's database as published, every `--every`-th
//! with a paragraph naming a person by a valid ID number and a mobile: the load that
//! `gongkai scan pii` is timed over (docs/benchmarks.md).

use super::corpus::Generator;
use super::io::progress;
use crate::setup::open;
use crate::{DataArgs, Failure};
use gongkai_app::demo::{GeneratedDocument, store_documents};
use gongkai_domain::pii::id_number::with_check_char;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::time::Instant;

/// Documents stored per transaction.
const BATCH: usize = 1000;

/// Regions the planted ID numbers are issued in (东城区, 黄浦区, 渝中区, 福田区).
const REGIONS: [&str; 4] = ["110101", "310101", "500103", "440304"];

/// Mobile prefixes in use (三大运营商 and 虚拟运营商 segments).
const MOBILE_PREFIXES: [&str; 12] = [
    "133", "135", "138", "139", "150", "158", "166", "177", "180", "186", "191", "199",
];

/// A person's paragraph: a valid 18-digit ID number and a mobile number.
fn planted(rng: &mut StdRng) -> String {
    let region = REGIONS[rng.random_range(0..REGIONS.len())];
    let birth = format!(
        "{}{:02}{:02}",
        rng.random_range(1950..=2005),
        rng.random_range(1..=12),
        rng.random_range(1..=28)
    );
    let sequence = rng.random_range(0..1000);
    let id = with_check_char(&format!("{region}{birth}{sequence:03}")).unwrap_or_default();
    let prefix = MOBILE_PREFIXES[rng.random_range(0..MOBILE_PREFIXES.len())];
    let mobile = format!("{prefix}{:08}", rng.random_range(0..100_000_000u32));
    format!("联系人：某某，身份证号码{id}，联系电话{mobile}。")
}

pub async fn run(data: &DataArgs, docs: u64, seed: u64, every: u64) -> Result<(), Failure> {
    let app = open(data).await?;
    let mut generator = Generator::new(seed);
    let mut rng = StdRng::seed_from_u64(seed.wrapping_add(1));
    let bar = progress(docs, "件");
    let started = Instant::now();
    let (mut batch, mut planted_in, mut bytes) = (Vec::with_capacity(BATCH), 0u64, 0usize);
    for id in 1..=docs {
        let (record, _) = generator.document(i64::try_from(id).unwrap_or(i64::MAX));
        let mut body = record.body;
        if id.is_multiple_of(every) {
            body.push('\n');
            body.push_str(&planted(&mut rng));
            planted_in += 1;
        }
        bytes += record.title.len() + body.len();
        batch.push(GeneratedDocument {
            title: record.title,
            doc_number: record.doc_number,
            index_number: record.index_number,
            issuer: record.issuer,
            topic: record.topic,
            genre: record.genre,
            validity: record.validity,
            written_on: record.written_on,
            published_on: record.published_on,
            body,
        });
        if batch.len() == BATCH || id == docs {
            store_documents(&app, &batch).await?;
            bar.inc(batch.len() as u64);
            batch.clear();
        }
    }
    bar.finish_and_clear();
    let stored = started.elapsed().as_secs_f64();
    gongkai_app::search::catch_up(&app).await?;
    println!(
        "已存入 {docs} 件文件（标题和正文 {:.1} MB），其中 {planted_in} 件各含身份证号码、手机号码一处；\
         存入用时 {stored:.1} 秒，建索引用时 {:.1} 秒",
        bytes as f64 / 1_000_000.0,
        started.elapsed().as_secs_f64() - stored
    );
    Ok(())
}
