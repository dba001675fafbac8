//! `gongkai bench corpus`: writes the corpus and the query list.

use std::io::Write;
use std::path::Path;

use super::corpus::{Generator, Sample};
use super::io::{create_output, progress, write_failed};
use super::queries;
use crate::Failure;

/// Documents remembered as query targets, spread evenly over the corpus.
const SAMPLES: u64 = 64;

pub fn run(docs: u64, seed: u64, out: &Path, queries_path: &Path) -> Result<(), Failure> {
    let mut file = create_output(out)?;
    let mut query_file = create_output(queries_path)?;
    let mut generator = Generator::new(seed);
    let every = (docs / SAMPLES).max(1);
    let mut samples: Vec<Sample> = Vec::new();
    let mut bytes = 0_u64;
    let bar = progress(docs, "件");
    for id in 1..=docs {
        let (record, sample) = generator.document(i64::try_from(id).unwrap_or(i64::MAX));
        if id.is_multiple_of(every) || id == 1 {
            samples.push(sample);
        }
        let line = serde_json::to_string(&record)
            .map_err(|e| Failure::platform(format!("无法生成第 {id} 件文件：{e}")))?;
        bytes += line.len() as u64 + 1;
        writeln!(file, "{line}").map_err(|e| write_failed(out, &e))?;
        bar.inc(1);
    }
    file.flush().map_err(|e| write_failed(out, &e))?;
    bar.finish_and_clear();

    let pieces = generator.pieces().to_vec();
    let lines = queries::generate(generator.rng(), &samples, &pieces);
    for line in &lines {
        writeln!(query_file, "{line}").map_err(|e| write_failed(queries_path, &e))?;
    }
    query_file
        .flush()
        .map_err(|e| write_failed(queries_path, &e))?;
    println!(
        "已生成 {docs} 件文件（{:.1} MB）：{}；{} 条查询：{}",
        bytes as f64 / 1e6,
        out.display(),
        lines.len(),
        queries_path.display()
    );
    Ok(())
}
